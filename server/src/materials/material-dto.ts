import type { MaterialDto } from '@cardhub/shared';
import { absoluteUrl } from '../infra/uploads';
import type { Material } from './entities/material.entity';

/** The one mapping from a stored material to what clients see; our own uploads become absolute links. */
export function toMaterialDto(material: Material, publicUrl: string): MaterialDto {
  return {
    id: material.id,
    type: material.type,
    title: material.title,
    summary: material.summary,
    category: material.category,
    tags: material.tags,
    body: material.body,
    mediaUrl: material.mediaUrl ? absoluteUrl(publicUrl, material.mediaUrl) : null,
    coverUrl: material.coverUrl ? absoluteUrl(publicUrl, material.coverUrl) : null,
    priceText: material.priceText,
    specs: material.specs ?? [],
    images: (material.images ?? []).map((image) => absoluteUrl(publicUrl, image)),
    status: material.status,
    publishedAt: material.publishedAt?.toISOString() ?? null,
    createdAt: material.createdAt.toISOString(),
    updatedAt: material.updatedAt.toISOString(),
  };
}
