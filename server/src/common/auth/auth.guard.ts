import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  Logger,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { type Principal, type Role, roleAtLeast } from '@cardhub/shared';
import type { FastifyRequest } from 'fastify';
import { ACCESS_POLICY, AccessPolicy } from './access.decorators';
import { SessionService } from './session.service';

/**
 * The global guard: a route is closed unless it declares `@Public()`, `@Authenticated()` or `@Roles(...)`.
 * Missing, invalid or expired token → 401; a valid caller without the role → 403.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger(AuthGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const policy = this.reflector.getAllAndOverride<AccessPolicy | undefined>(ACCESS_POLICY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!policy) {
      this.logger.error(
        `${context.getClass().name}.${context.getHandler().name} declares no access policy: denied`,
      );
      throw new ForbiddenException('该接口未开放');
    }

    const token = bearerToken(request);
    if (policy.kind === 'public') {
      // A bad or expired token makes the caller anonymous; a database that cannot be asked is not a verdict.
      request.principal = token
        ? await this.sessions.resolve(token).catch(anonymousIfUnauthorized)
        : undefined;
      return true;
    }
    if (!token) throw new UnauthorizedException('请先登录');
    request.principal = await this.sessions.resolve(token);
    if (policy.kind === 'roles' && !policy.roles.some((role) => admits(request.principal!, role))) {
      throw new ForbiddenException('没有权限执行此操作');
    }
    return true;
  }
}

function admits(principal: Principal, role: Role): boolean {
  if (role === 'prospect') return principal.kind === 'prospect';
  return principal.kind === 'employee' && roleAtLeast(principal.role, role);
}

function bearerToken(request: FastifyRequest): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
  return match?.[1];
}

function anonymousIfUnauthorized(error: unknown): undefined {
  if (error instanceof UnauthorizedException) return undefined;
  throw error;
}
