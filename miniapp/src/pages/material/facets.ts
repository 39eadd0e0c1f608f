import type { MaterialDto } from '@cardhub/shared';

const MAX_TAGS = 12;

/** The categories (newest material's first) and the most used tags of the materials at hand, for the filter chips. */
export function materialFacets(materials: Pick<MaterialDto, 'category' | 'tags'>[]): {
  categories: string[];
  tags: string[];
} {
  const categories = [...new Set(materials.map((material) => material.category).filter(Boolean))];
  const tagCounts = new Map<string, number>();
  for (const tag of materials.flatMap((material) => material.tags))
    tagCounts.set(tag, (tagCounts.get(tag) ?? 0) + 1);
  const tags = [...tagCounts.entries()]
    .sort(([, a], [, b]) => b - a)
    .slice(0, MAX_TAGS)
    .map(([tag]) => tag);
  return { categories, tags };
}
