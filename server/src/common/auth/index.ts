export {
  Authenticated,
  CurrentPrincipal,
  CurrentStaff,
  Public,
  Roles,
  type AccessPolicy,
  type StaffPrincipal,
} from './access.decorators';
export { AuthCoreModule } from './auth-core.module';
export { findInOrganization } from './organization-scope';
export { SESSION_TTL_SECONDS, SessionService } from './session.service';
export {
  InvalidTokenError,
  TokenService,
  type InvalidTokenReason,
  type SignedToken,
  type TokenClaims,
  type VerifiedClaims,
} from './token.service';
