import { Injectable, UnauthorizedException } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { AppConfig } from '../config';
import { RateLimitStore } from './rate-limit-store';
import { tooManyRequests } from './too-many-requests';

const DAY_MS = 24 * 60 * 60 * 1000;
const LONGEST_LOCKOUT_MS = 60 * 60 * 1000;
const LOCKED = '登录失败次数过多，请 {seconds} 秒后再试';

/**
 * Slows down password guessing: after `loginMaxFailures` failed logins of one account from one IP the pair is
 * locked for `loginLockoutSeconds`, doubled for every further lockout that day (at most an hour). A success
 * clears the failures, not the lockout history.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    private readonly config: AppConfig,
    private readonly store: RateLimitStore,
  ) {}

  /** Runs `login` unless the account is locked from this IP (429); a 401 from it counts as a failure. */
  async attempt<T>(account: string, ip: string, reply: FastifyReply, login: () => Promise<T>): Promise<T> {
    const key = `${account.trim().toLowerCase()}|${ip}`;
    const lock = await this.store.peek(`login-lock:${key}`);
    if (lock) throw tooManyRequests(reply, lock.resetAt, LOCKED);
    try {
      const result = await login();
      await this.store.reset(`login-failures:${key}`);
      return result;
    } catch (error) {
      if (error instanceof UnauthorizedException) await this.recordFailure(key);
      throw error;
    }
  }

  private async recordFailure(key: string): Promise<void> {
    const { loginMaxFailures, loginFailureWindowSeconds, loginLockoutSeconds } = this.config.rateLimits;
    const failures = await this.store.increment(`login-failures:${key}`, loginFailureWindowSeconds * 1000);
    if (failures.count < loginMaxFailures) return;
    await this.store.reset(`login-failures:${key}`);
    const lockouts = await this.store.increment(`login-lockouts:${key}`, DAY_MS);
    const lockMs = Math.min(loginLockoutSeconds * 1000 * 2 ** (lockouts.count - 1), LONGEST_LOCKOUT_MS);
    await this.store.increment(`login-lock:${key}`, lockMs);
  }
}
