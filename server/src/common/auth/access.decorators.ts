import { ExecutionContext, SetMetadata, UnauthorizedException, createParamDecorator } from '@nestjs/common';
import type { Principal, Role } from '@cardhub/shared';
import type { FastifyRequest } from 'fastify';

export const ACCESS_POLICY = 'cardhub:access-policy';

/** Who may call a route. Every route must declare one (the guard denies routes without), on the method or the controller. */
export type AccessPolicy =
  { kind: 'public' } | { kind: 'authenticated' } | { kind: 'roles'; roles: readonly Role[] };

/** Anyone; `@CurrentPrincipal()` still yields the caller when they send a valid token. */
export const Public = () => SetMetadata(ACCESS_POLICY, { kind: 'public' } satisfies AccessPolicy);

/** Any logged-in caller, prospect or staff. */
export const Authenticated = () =>
  SetMetadata(ACCESS_POLICY, { kind: 'authenticated' } satisfies AccessPolicy);

/**
 * Callers with one of these roles. Staff roles are hierarchical: `@Roles('employee')` admits managers and
 * admins too; `'prospect'` admits WeChat-logged-in visitors.
 */
export const Roles = (...roles: Role[]) =>
  SetMetadata(ACCESS_POLICY, { kind: 'roles', roles } satisfies AccessPolicy);

export type StaffPrincipal = Extract<Principal, { kind: 'employee' }>;

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by AuthGuard: the caller, or undefined for an anonymous caller of a public route. */
    principal?: Principal;
  }
}

/** The caller (undefined on a public route called without a valid token). */
export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal | undefined =>
    context.switchToHttp().getRequest<FastifyRequest>().principal,
);

/** The calling member of staff, on routes guarded by `@Roles('employee' | 'manager' | 'admin')`. */
export const CurrentStaff = createParamDecorator(
  (_data: unknown, context: ExecutionContext): StaffPrincipal => {
    const principal = context.switchToHttp().getRequest<FastifyRequest>().principal;
    if (principal?.kind !== 'employee') throw new UnauthorizedException('需要员工身份登录');
    return principal;
  },
);
