/** An access token and when WeChat says it expires (epoch milliseconds). */
export interface CachedAccessToken {
  token: string;
  expiresAt: number;
}

/** Where the access token is kept: in this process for now; a Redis store would share it across processes. */
export interface AccessTokenStore {
  get(): Promise<CachedAccessToken | null>;
  set(token: CachedAccessToken): Promise<void>;
  clear(): Promise<void>;
}

export class InProcessAccessTokenStore implements AccessTokenStore {
  private cached: CachedAccessToken | null = null;

  async get() {
    return this.cached;
  }

  async set(token: CachedAccessToken) {
    this.cached = token;
  }

  async clear() {
    this.cached = null;
  }
}
