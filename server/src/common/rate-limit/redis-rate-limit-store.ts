import type { Redis } from 'ioredis';
import { RateLimitStore, type WindowCount } from './rate-limit-store';

/**
 * Rate-limit windows shared by every server instance (REDIS_URL): otherwise each instance would allow the
 * limit again. The first hit of a window sets its expiry (PEXPIRE NX), later hits only add to the count.
 */
export class RedisRateLimitStore extends RateLimitStore {
  constructor(
    private readonly redis: Redis,
    private readonly keyPrefix: string,
  ) {
    super();
  }

  async increment(key: string, windowMs: number, now = Date.now()): Promise<WindowCount> {
    const name = this.nameOf(key);
    const results = await this.redis.multi().incr(name).pexpire(name, windowMs, 'NX').pttl(name).exec();
    const [count, , ttl] = (results ?? []).map(([error, value]) => {
      if (error) throw error;
      return Number(value);
    });
    return { count: count!, resetAt: now + Math.max(0, ttl!) };
  }

  async peek(key: string, now = Date.now()): Promise<WindowCount | undefined> {
    const name = this.nameOf(key);
    const [count, ttl] = await Promise.all([this.redis.get(name), this.redis.pttl(name)]);
    return count === null || ttl <= 0 ? undefined : { count: Number(count), resetAt: now + ttl };
  }

  async reset(key: string): Promise<void> {
    await this.redis.del(this.nameOf(key));
  }

  private nameOf(key: string): string {
    return `${this.keyPrefix}rate:${key}`;
  }
}
