import { Injectable } from '@nestjs/common';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppConfig } from '../config/app-config';

/** What every token carries; `kind` keeps a token of one purpose (a visit) from passing as another (a session). */
export interface TokenClaims {
  kind: string;
}

export type VerifiedClaims<T extends TokenClaims> = T & { iat: number; exp: number };

export interface SignedToken {
  token: string;
  expiresAt: Date;
}

export type InvalidTokenReason = 'malformed' | 'signature' | 'kind' | 'expired';

export class InvalidTokenError extends Error {
  override readonly name = 'InvalidTokenError';
  constructor(readonly reason: InvalidTokenReason) {
    super(`Invalid token (${reason})`);
  }
}

/**
 * Compact signed tokens: `base64url(JSON claims).base64url(HMAC-SHA256)`, keyed by TOKEN_SECRET.
 * Not encrypted: claims are readable by whoever holds the token, so they hold ids and roles, never secrets.
 */
@Injectable()
export class TokenService {
  constructor(private readonly config: AppConfig) {}

  sign<T extends TokenClaims>(claims: T, ttlSeconds: number, now = new Date()): SignedToken {
    const issuedAt = Math.floor(now.getTime() / 1000);
    const body = Buffer.from(
      JSON.stringify({ ...claims, iat: issuedAt, exp: issuedAt + ttlSeconds }),
    ).toString('base64url');
    return { token: `${body}.${this.signature(body)}`, expiresAt: new Date((issuedAt + ttlSeconds) * 1000) };
  }

  /** Returns the claims of a genuine, unexpired token of `expectedKind`; throws `InvalidTokenError` otherwise. */
  verify<T extends TokenClaims>(token: string, expectedKind: T['kind'], now = new Date()): VerifiedClaims<T> {
    const [body, signature, extra] = token.split('.');
    if (!body || !signature || extra !== undefined) throw new InvalidTokenError('malformed');
    const expected = Buffer.from(this.signature(body));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given))
      throw new InvalidTokenError('signature');

    const claims = parseClaims(body);
    if (claims.kind !== expectedKind) throw new InvalidTokenError('kind');
    if (claims.exp * 1000 <= now.getTime()) throw new InvalidTokenError('expired');
    return claims as VerifiedClaims<T>;
  }

  private signature(body: string): string {
    return createHmac('sha256', this.config.tokenSecret).update(body).digest('base64url');
  }
}

function parseClaims(body: string): VerifiedClaims<TokenClaims> {
  try {
    const claims: unknown = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    if (
      typeof claims === 'object' &&
      claims !== null &&
      typeof (claims as { exp?: unknown }).exp === 'number'
    ) {
      return claims as VerifiedClaims<TokenClaims>;
    }
  } catch {
    // Falls through: a signed body that is not JSON is still malformed.
  }
  throw new InvalidTokenError('malformed');
}
