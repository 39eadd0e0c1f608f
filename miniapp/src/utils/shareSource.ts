import { parseShareScene } from '@cardhub/shared';

/** The share a page was opened with: `sc` in its query (links, paths) or the `scene` of a mini-program code. */
export function shareCodeOf(params: Partial<Record<string, string>>): string | undefined {
  return params.sc ?? (params.scene ? parseShareScene(params.scene) : null) ?? undefined;
}
