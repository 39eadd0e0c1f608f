import type { AppConfig } from '../config/app-config';
import { InvalidTokenError, type TokenClaims, TokenService } from './token.service';

interface VisitClaims extends TokenClaims {
  kind: 'visit';
  visitId: string;
}

describe('TokenService', () => {
  const tokens = new TokenService({ tokenSecret: 's'.repeat(32) } as AppConfig);
  const now = new Date('2026-11-23T08:00:00Z');

  function reasonOf(verify: () => unknown): string {
    try {
      verify();
    } catch (error) {
      if (error instanceof InvalidTokenError) return error.reason;
      throw error;
    }
    return 'valid';
  }

  it('round-trips claims with their expiry', () => {
    const { token, expiresAt } = tokens.sign<VisitClaims>({ kind: 'visit', visitId: 'v1' }, 60, now);
    expect(expiresAt.toISOString()).toBe('2026-11-23T08:01:00.000Z');
    expect(tokens.verify<VisitClaims>(token, 'visit', now)).toMatchObject({ kind: 'visit', visitId: 'v1' });
  });

  it('rejects tampered, foreign, mistyped, expired and malformed tokens', () => {
    const { token } = tokens.sign<VisitClaims>({ kind: 'visit', visitId: 'v1' }, 60, now);
    const [body, signature] = token.split('.') as [string, string];
    const forgedBody = Buffer.from(JSON.stringify({ kind: 'visit', visitId: 'v2', exp: 9e9 })).toString(
      'base64url',
    );
    const otherKey = new TokenService({ tokenSecret: 't'.repeat(32) } as AppConfig);

    expect(reasonOf(() => tokens.verify(`${forgedBody}.${signature}`, 'visit', now))).toBe('signature');
    expect(reasonOf(() => otherKey.verify(token, 'visit', now))).toBe('signature');
    expect(reasonOf(() => tokens.verify(token, 'session', now))).toBe('kind');
    expect(reasonOf(() => tokens.verify(token, 'visit', new Date(now.getTime() + 60_000)))).toBe('expired');
    expect(reasonOf(() => tokens.verify(body, 'visit', now))).toBe('malformed');
    expect(reasonOf(() => tokens.verify(`${token}.x`, 'visit', now))).toBe('malformed');
    expect(reasonOf(() => tokens.verify('', 'visit', now))).toBe('malformed');
  });
});
