/** A cached access token, shared by every caller of one process (a Redis store can share it across processes). */
export interface CachedAccessToken {
  token: string;
  expiresAt: number;
}

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
