import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import helmet, { type HelmetOptions } from 'helmet';
import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { AppConfig } from '../config';
import { contentSecurityPolicy, inlineScriptsOf, serializePolicy } from './content-security-policy';

/**
 * helmet's headers on every answer (nosniff, frame and referrer policies, HSTS, a content security policy).
 * The CSP allows the inline scripts of the H5 build by hash, read once from its index.html. Routes that other
 * sites load (the tracker) set their own Cross-Origin-Resource-Policy.
 */
export function registerSecurityHeaders(app: NestFastifyApplication, config: AppConfig): void {
  const h5Index = join(config.h5DistDir, 'index.html');
  const inlineScripts = existsSync(h5Index) ? inlineScriptsOf(readFileSync(h5Index, 'utf8')) : [];
  const headers = helmetHeaders({
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(inlineScripts) },
    // Shared links open our pages from WeChat and other sites: keep the origin, never the path.
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
  });
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (_request, reply, done) => {
      void reply.headers(headers);
      done();
    });
}

/**
 * The headers helmet sets with these options, worked out once. They are the same for every request, and building
 * helmet's middleware per request (what @fastify/helmet does) was a visible share of a public read's profile.
 */
function helmetHeaders(options: HelmetOptions): Record<string, string> {
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
