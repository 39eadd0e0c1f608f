import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { hash } from 'node:crypto';
import { ACCESS_POLICY, type AccessPolicy } from '../auth/access.decorators';
import { AppConfig } from '../config';
import { RateLimitStore } from './rate-limit-store';
import { tooManyRequests } from './too-many-requests';

const TOO_MANY = '请求过于频繁，请 {seconds} 秒后再试';

/**
 * Every `@Public()` route (tracking and site ingest, share links, public cards and materials, logins, the
 * contact form, and whatever public route comes next) is limited per client IP and, when the request names
 * one, per visitor: its visitor key, visit token or login. Signed-in staff routes are not limited here.
 */
@Injectable()
export class PublicRateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly config: AppConfig,
    private readonly store: RateLimitStore,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const policy = this.reflector.getAllAndOverride<AccessPolicy | undefined>(ACCESS_POLICY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (policy?.kind !== 'public') return true;
    const http = context.switchToHttp();
    await this.limit(http.getRequest<FastifyRequest>(), http.getResponse<FastifyReply>());
    return true;
  }

  /** Counts a public request; throws the 429 when it is over a limit (also used by bare routes, common/http). */
  async limit(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const { perIp, perVisitor, windowSeconds } = this.config.rateLimits;
    const windowMs = windowSeconds * 1000;

    const byIp = await this.store.increment(`ip:${request.ip}`, windowMs);
    if (byIp.count > perIp) throw tooManyRequests(reply, byIp.resetAt, TOO_MANY);
    const visitor = visitorOf(request);
    if (visitor) {
      const byVisitor = await this.store.increment(`visitor:${visitor}`, windowMs);
      if (byVisitor.count > perVisitor) throw tooManyRequests(reply, byVisitor.resetAt, TOO_MANY);
    }
  }
}

/** Who the request says it comes from, hashed (keys stay short and hold no token). */
function visitorOf(request: FastifyRequest): string | undefined {
  const body = bodyObject(request.body);
  const claimed =
    (typeof body?.visitorKey === 'string' && body.visitorKey) ||
    (typeof body?.visitToken === 'string' && body.visitToken) ||
    request.headers.authorization;
  return claimed ? hash('sha256', claimed, 'base64url').slice(0, 22) : undefined;
}

/** The JSON body, also when the site tracker sent it as text/plain (validated later, by the route's pipe). */
function bodyObject(body: unknown): Record<string, unknown> | undefined {
  if (typeof body === 'string') {
    try {
      return bodyObject(JSON.parse(body));
    } catch {
      return undefined;
    }
  }
  return body !== null && typeof body === 'object' ? (body as Record<string, unknown>) : undefined;
}
