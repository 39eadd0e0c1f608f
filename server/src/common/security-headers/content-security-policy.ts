import { createHash } from 'node:crypto';

export type PolicyDirectives = Record<string, string[]>;

/**
 * What our pages may load: scripts only from us (plus the inline scripts named by hash: Taro's viewport
 * script in the H5 index, the redirect of a link preview), styles from us or inline (Taro injects styles at
 * run time), pictures and videos from anywhere over http(s) (a material's media may be any URL), API calls
 * to us only. The site tracker runs on other sites' pages under their policies, not this one.
 */
export function contentSecurityPolicy(inlineScripts: readonly string[] = []): PolicyDirectives {
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'", ...inlineScripts.map(scriptHashSource)],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:', 'https:', 'http:'],
    'media-src': ["'self'", 'blob:', 'https:', 'http:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'self'"],
  };
}

export function serializePolicy(directives: PolicyDirectives): string {
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

/** The contents of every inline `<script>` (without `src`) of an HTML document, as the browser hashes them. */
export function inlineScriptsOf(html: string): string[] {
  return [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map((match) => match[1]!);
}

function scriptHashSource(script: string): string {
  return `'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`;
}
