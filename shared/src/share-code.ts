import type { TargetType } from './events';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** 10 base62 characters ≈ 59 bits: short enough for a `scene`, too many to guess or enumerate. */
export const SHARE_CODE_LENGTH = 10;

export const SHARE_CODE_PATTERN = new RegExp(`^[0-9A-Za-z]{${SHARE_CODE_LENGTH}}$`);

export function isShareCode(value: unknown): value is string {
  return typeof value === 'string' && SHARE_CODE_PATTERN.test(value);
}

/**
 * A new share code. Bytes ≥ 248 are dropped (rejection sampling) so every character is equally likely:
 * 248 = 4 × 62, the largest multiple of 62 that fits in a byte.
 */
export function generateShareCode(randomBytes: (count: number) => Uint8Array): string {
  let code = '';
  while (code.length < SHARE_CODE_LENGTH) {
    for (const byte of randomBytes(SHARE_CODE_LENGTH * 2)) {
      if (byte < 248) code += ALPHABET[byte % 62];
      if (code.length === SHARE_CODE_LENGTH) break;
    }
  }
  return code;
}

/** WeChat's unlimited mini-program code carries at most 32 visible characters in `scene`. */
export const MAX_SCENE_LENGTH = 32;
const SCENE_PREFIX = 'sc=';

export function shareScene(code: string): string {
  if (!isShareCode(code)) throw new Error(`not a share code: ${code}`);
  return SCENE_PREFIX + code;
}

/** What follows `prefix` in a `scene` as WeChat hands it to a page (URL-encoded), or null. */
export function sceneValue(scene: string, prefix: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(scene);
  } catch {
    return null;
  }
  if (decoded.length > MAX_SCENE_LENGTH || !decoded.startsWith(prefix)) return null;
  return decoded.slice(prefix.length);
}

/** The share code inside a `scene` as WeChat hands it to the page (URL-encoded), or null. */
export function parseShareScene(scene: string): string | null {
  const code = sceneValue(scene, SCENE_PREFIX);
  return code !== null && isShareCode(code) ? code : null;
}

const PAGE_OF_TARGET: Record<TargetType, string> = {
  card: 'pages/card/view/index',
  material: 'pages/material/view/index',
  site_page: 'pages/card/view/index',
};

/** The mini-program page that shows a target (a mini-program code names the page without a query). */
export function miniProgramPage(targetType: TargetType): string {
  return PAGE_OF_TARGET[targetType];
}

/** The mini-program page a share opens, with its code in the query. */
export function miniProgramPath(targetType: TargetType, code: string): string {
  return `${miniProgramPage(targetType)}?sc=${code}`;
}

const withoutTrailingSlash = (url: string) => url.replace(/\/+$/, '');

/** The browser link handed out for a share: a server page with link-preview metadata. */
export function h5ShareUrl(publicUrl: string, code: string): string {
  return `${withoutTrailingSlash(publicUrl)}/v/${code}`;
}

/** The H5 app's page for a share (hash routing): the mini-program page of its target. */
export function h5TargetPageUrl(publicUrl: string, targetType: TargetType, code: string): string {
  return `${withoutTrailingSlash(publicUrl)}/#/${miniProgramPath(targetType, code)}`;
}

/**
 * The query parameter that carries a share code onto the organization's own site, where the site tracker
 * picks it up, so a visit that continues there is credited to the same share.
 */
export const SITE_SHARE_PARAM = 'ch_sc';

/**
 * Carries the visitor's own key from our H5 pages onto the official site, so the site tracker adopts it and
 * the visit continues as the same (pseudonymous) visitor across the two origins.
 */
export const SITE_VISITOR_PARAM = 'ch_vk';

/**
 * An official-site link with the share code appended (replacing one already there) and, from our H5 pages, the
 * visitor's key; other query and hash kept.
 */
export function siteUrlWithShare(siteUrl: string, code: string, visitorKey?: string): string {
  if (!isShareCode(code)) throw new Error(`not a share code: ${code}`);
  const url = new URL(siteUrl);
  url.searchParams.set(SITE_SHARE_PARAM, code);
  if (visitorKey) url.searchParams.set(SITE_VISITOR_PARAM, visitorKey);
  return url.toString();
}
