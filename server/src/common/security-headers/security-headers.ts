import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import helmet, { type HelmetOptions } from 'helmet';
import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { AppConfig } from '../config';
import { contentSecurityPolicy, inlineScriptsOf, serializePolicy } from './content-security-policy';

/**
 * The headers that act on any answer, whatever it is: HSTS, nosniff, the referrer policy (on a redirect it decides
 * what the destination learns of the link), who may load it (CORP) and frame it. The others (the content
 * security policy, COOP, Origin-Agent-Cluster, DNS prefetching, downloads, cross-domain policies, the XSS filter)
 * act only on a document a browser renders.
 */
const ANY_ANSWER_HEADERS = [
  'Strict-Transport-Security',
  'X-Content-Type-Options',
  'Referrer-Policy',
  'Cross-Origin-Resource-Policy',
  'X-Frame-Options',
];

/**
 * helmet's headers on every answer (nosniff, frame and referrer policies, HSTS, a content security policy).
 * The CSP allows the inline scripts of the H5 build by hash, read once from its index.html. Routes that other
 * sites load (the tracker) set their own Cross-Origin-Resource-Policy. The bare routes (common/http), whose
 * answers are never a document (a redirect, a small JSON), get only the headers that act on them: writing the
 * seven others, the long CSP first, cost the redirect a few percent of its rate (docs/benchmarks.md).
 */
export function registerSecurityHeaders(app: NestFastifyApplication, config: AppConfig): void {
  const h5Index = join(config.h5DistDir, 'index.html');
  const inlineScripts = existsSync(h5Index) ? inlineScriptsOf(readFileSync(h5Index, 'utf8')) : [];
  const headers = helmetHeaders(inlineScripts);
  const anyAnswerHeaders = Object.fromEntries(ANY_ANSWER_HEADERS.map((name) => [name, headers[name]!]));
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (request, reply, done) => {
      void reply.headers(request.routeOptions.config.bare ? anyAnswerHeaders : headers);
      done();
    });
}

/** For a bare route that answers with a page after all (a not-found page): the document's headers on top. */
export function documentHeadersFor(html: string): Record<string, string> {
  const headers = helmetHeaders(inlineScriptsOf(html));
  for (const name of ANY_ANSWER_HEADERS) delete headers[name];
  return headers;
}

/**
 * The headers helmet sets for pages with these inline scripts, worked out once per page. They are the same for
 * every request, and building helmet's middleware per request (what @fastify/helmet does) was a visible share
 * of a public read's profile.
 */
function helmetHeaders(inlineScripts: readonly string[]): Record<string, string> {
  const options: HelmetOptions = {
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(inlineScripts) },
    // Shared links open our pages from WeChat and other sites: keep the origin, never the path.
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
  };
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader: (name: string, value: string | number) => (headers[name] = String(value)),
    removeHeader: (name: string) => delete headers[name],
  };
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, () => undefined);
  return headers;
}

/** For a page we render ourselves: the policy, also admitting that page's own inline scripts. */
export function contentSecurityPolicyFor(html: string): string {
  return serializePolicy(contentSecurityPolicy(inlineScriptsOf(html)));
}
