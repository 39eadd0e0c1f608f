import helmet from '@fastify/helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from '../config';
import { contentSecurityPolicy, inlineScriptsOf, serializePolicy } from './content-security-policy';

/**
 * helmet's headers on every answer (nosniff, frame and referrer policies, HSTS, a content security policy).
 * The CSP allows the inline scripts of the H5 build by hash, read once from its index.html. Routes that other
 * sites load (the tracker) set their own Cross-Origin-Resource-Policy.
 */
export async function registerSecurityHeaders(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  const h5Index = join(config.h5DistDir, 'index.html');
  const inlineScripts = existsSync(h5Index) ? inlineScriptsOf(readFileSync(h5Index, 'utf8')) : [];
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(inlineScripts) },
    // Shared links open our pages from WeChat and other sites: keep the origin, never the path.
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
  });
}

/** For a page we render ourselves: the policy, also admitting that page's own inline scripts. */
export function contentSecurityPolicyFor(html: string): string {
  return serializePolicy(contentSecurityPolicy(inlineScriptsOf(html)));
}
