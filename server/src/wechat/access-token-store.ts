import type { Redis } from 'ioredis';

/** An access token and when WeChat says it expires (epoch milliseconds). */
export interface CachedAccessToken {
  token: string;
  expiresAt: number;
}

/**
 * Where the access token is kept. Every instance of the server must use the same token: WeChat's stable token
 * is shared by all callers, and refreshing it separately from several places wastes the daily quota.
 */
export interface AccessTokenStore {
  get(): Promise<CachedAccessToken | null>;
  /**
   * Fetches a new token and keeps it. A shared store lets one caller fetch at a time; the others wait and get
   * that caller's token if it is `usable`.
   */
  refresh(
    fetchToken: () => Promise<CachedAccessToken>,
    usable: (token: CachedAccessToken) => boolean,
  ): Promise<CachedAccessToken>;
  clear(): Promise<void>;
}

/** One server process: its WechatClient already lets only one refresh run at a time. */
export class InProcessAccessTokenStore implements AccessTokenStore {
  private cached: CachedAccessToken | null = null;

  async get() {
    return this.cached;
  }

  async refresh(fetchToken: () => Promise<CachedAccessToken>) {
    this.cached = await fetchToken();
    return this.cached;
  }

  async clear() {
    this.cached = null;
  }
}

/** How long one instance may hold the refresh lock: longer than a WeChat call's timeout. */
const LOCK_MS = 10_000;
const POLL_MS = 50;

/** Deletes the lock only if it is still ours (it may have expired and been taken by another instance). */
const RELEASE_LOCK = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0`;

/**
 * Several server instances: the token lives in Redis, and a lock (SET NX PX) lets exactly one instance ask
 * WeChat for a new one while the others wait for it to appear.
 */
export class RedisAccessTokenStore implements AccessTokenStore {
  private readonly tokenKey: string;
  private readonly lockKey: string;

  constructor(
    private readonly redis: Redis,
    keyPrefix: string,
    appId: string,
  ) {
    this.tokenKey = `${keyPrefix}wechat:access-token:${appId}`;
    this.lockKey = `${this.tokenKey}:refreshing`;
  }

  async get(): Promise<CachedAccessToken | null> {
    const stored = await this.redis.get(this.tokenKey);
    return stored ? (JSON.parse(stored) as CachedAccessToken) : null;
  }

  async refresh(
    fetchToken: () => Promise<CachedAccessToken>,
    usable: (token: CachedAccessToken) => boolean,
  ): Promise<CachedAccessToken> {
    const owner = `${process.pid}:${Math.random().toString(36).slice(2)}`;
    const deadline = Date.now() + LOCK_MS * 2;
    for (;;) {
      if (await this.redis.set(this.lockKey, owner, 'PX', LOCK_MS, 'NX')) {
        try {
          // Another instance may have refreshed between our read and taking the lock.
          const current = await this.get();
          if (current && usable(current)) return current;
          const fresh = await fetchToken();
          await this.redis.set(
            this.tokenKey,
            JSON.stringify(fresh),
            'PX',
            Math.max(1, fresh.expiresAt - Date.now()),
          );
          return fresh;
        } finally {
          await this.redis.eval(RELEASE_LOCK, 1, this.lockKey, owner);
        }
      }
      const current = await this.get();
      if (current && usable(current)) return current;
      if (Date.now() > deadline)
        throw new Error('timed out waiting for another instance to refresh the WeChat access token');
      await new Promise((wait) => setTimeout(wait, POLL_MS));
    }
  }

  async clear(): Promise<void> {
    await this.redis.del(this.tokenKey);
  }
}
