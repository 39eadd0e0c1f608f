import type { ArgumentsHost } from '@nestjs/common';
import type { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ApiExceptionFilter } from '../errors';
import type { PublicRateLimitGuard } from '../rate-limit';

export type BareHandler = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

const errors = new ApiExceptionFilter();

/** `GET /s/:code`: a method and a path, as Fastify's route table and the authorization matrix name them. */
export type BareRoute = `${'GET' | 'POST'} /${string}`;

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * A bare route: the request logger leaves it out (common/logging/request-logging.ts), and its answers, never a
     * document, get only the security headers that act on any answer (common/security-headers).
     */
    bare?: boolean;
  }
}

/** Every bare route, by what registers it. */
export const BARE_ROUTES = {
  shortLink: 'GET /s/:code',
  publicCard: 'GET /api/public/shares/:code',
  trackActions: 'POST /api/track/actions',
} as const satisfies Record<string, BareRoute>;

/** A bare route's method and path. */
export function bareRouteParts(route: BareRoute): { method: 'GET' | 'POST'; path: string } {
  const [method, path] = route.split(' ') as ['GET' | 'POST', string];
  return { method, path };
}

/**
 * A public route served by Fastify directly, past Nest's router, pipes and interceptors: only for the public
 * routes hit far more than anything else (the profile showed Nest's per-request work costing more than the
 * handler; docs/benchmarks.md). It is rate-limited like every `@Public()` route (the same guard's counters);
 * the handler validates its own input (a body with `bareBodyValidator`); errors leave exactly as from a Nest
 * route, through the same ApiExceptionFilter. Such a route is not in the Swagger document: list it in
 * docs/architecture.md.
 */
export function registerBareRoute(
  adapterHost: HttpAdapterHost,
  rateLimit: PublicRateLimitGuard,
  route: (typeof BARE_ROUTES)[keyof typeof BARE_ROUTES],
  handler: BareHandler,
): void {
  const { method, path } = bareRouteParts(route);
  const fastify = adapterHost.httpAdapter.getInstance<FastifyInstance>();
  fastify.route({
    method,
    url: path,
    // Their answers are a redirect or a small JSON: too short for compression to pay for its hook.
    config: { compress: false, bare: true },
    handler: async (request, reply) => {
      try {
        await rateLimit.limit(request, reply);
        await handler(request, reply);
      } catch (error) {
        errors.catch(error, httpHost(request, reply));
      }
      return reply;
    },
  });
}

/** What ApiExceptionFilter reads of Nest's ArgumentsHost: the request and the reply. */
function httpHost(request: FastifyRequest, reply: FastifyReply): ArgumentsHost {
  return {
    switchToHttp: () => ({ getRequest: () => request, getResponse: () => reply }),
  } as unknown as ArgumentsHost;
}
