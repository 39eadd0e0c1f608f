import { Injectable, UnauthorizedException } from '@nestjs/common';
import type { TargetType, Touchpoint } from '@cardhub/shared';
import { type TokenClaims, TokenService, type VerifiedClaims } from '../common/auth';
import type { TrackedEvent } from './entities/tracked-event.entity';

export const VISIT_TOKEN_TTL_SECONDS = 12 * 60 * 60;
/** Verified tokens remembered (a few hundred bytes each); past this many they are all checked afresh. */
const VERIFIED_TOKENS_KEPT = 20_000;

/** Everything an action of a visit inherits from its view, so recording an action needs no lookup. */
export interface VisitClaims extends TokenClaims {
  kind: 'visit';
  visitId: string;
  organizationId: string;
  visitorId: string | null;
  actorEmployeeId: string | null;
  targetType: TargetType;
  targetId: string;
  shareId: string | null;
  creditedEmployeeId: string | null;
  touchpoint: Touchpoint;
  counted: boolean;
}

/** Signed proof that a visit happened: actions and forwards must carry it. */
@Injectable()
export class VisitTokens {
  /** A visit's token comes back with every action of the visit: its signature is checked the first time. */
  private verified = new Map<string, VerifiedClaims<VisitClaims>>();

  constructor(private readonly tokens: TokenService) {}

  /** Issued as of the moment the view was received, so a retried view gets back exactly the same token. */
  issue(view: TrackedEvent): string {
    const claims: VisitClaims = {
      kind: 'visit',
      visitId: view.id,
      organizationId: view.organizationId,
      visitorId: view.visitorId,
      actorEmployeeId: view.actorEmployeeId,
      targetType: view.targetType,
      targetId: view.targetId,
      shareId: view.shareId,
      creditedEmployeeId: view.creditedEmployeeId,
      touchpoint: view.touchpoint,
      // MariaDB hands a stored boolean back as 1: the token of a retried view must equal the first one.
      counted: Boolean(view.counted),
    };
    return this.tokens.sign(claims, VISIT_TOKEN_TTL_SECONDS, view.receivedAt).token;
  }

  verify(token: string): VisitClaims {
    const known = this.verified.get(token);
    if (known && known.exp * 1000 > Date.now()) return known;
    try {
      const claims = this.tokens.verify<VisitClaims>(token, 'visit');
      if (this.verified.size >= VERIFIED_TOKENS_KEPT) this.verified = new Map();
      this.verified.set(token, claims);
      return claims;
    } catch {
      throw new UnauthorizedException({
        message: '访问凭证无效或已过期，请重新打开页面',
        fields: [{ path: 'visitToken', message: 'visitToken is invalid or expired' }],
      });
    }
  }
}
