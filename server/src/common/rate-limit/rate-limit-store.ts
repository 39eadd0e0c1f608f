/** A counter's state: hits in the current window and when the window ends (ms since the epoch). */
export interface WindowCount {
  count: number;
  resetAt: number;
}

/**
 * Where rate-limit counters live. Fixed windows: the first hit of a key opens a window of `windowMs`, later
 * hits in it add to the count, and the key is forgotten when the window ends. The in-memory store serves one
 * instance; several instances behind a load balancer need a shared store (Redis: INCR + PEXPIRE NX, GET +
 * PTTL, DEL) behind this same interface, provided as `RateLimitStore`.
 */
export abstract class RateLimitStore {
  /** Adds one hit to `key` and returns the window's count including it. */
  abstract increment(key: string, windowMs: number, now?: number): Promise<WindowCount>;
  /** The current window of `key`, or undefined when it has none. */
  abstract peek(key: string, now?: number): Promise<WindowCount | undefined>;
  abstract reset(key: string): Promise<void>;
}

/** Expired windows are swept after this many increments, so memory stays bounded by the active keys. */
const SWEEP_EVERY = 1000;

export class InMemoryRateLimitStore extends RateLimitStore {
  private readonly windows = new Map<string, WindowCount>();
  private incrementsSinceSweep = 0;

  async increment(key: string, windowMs: number, now = Date.now()): Promise<WindowCount> {
    if (++this.incrementsSinceSweep >= SWEEP_EVERY) this.sweep(now);
    const current = this.windows.get(key);
    if (current && current.resetAt > now) {
      current.count += 1;
      return { ...current };
    }
    const opened = { count: 1, resetAt: now + windowMs };
    this.windows.set(key, opened);
    return { ...opened };
  }

  async peek(key: string, now = Date.now()): Promise<WindowCount | undefined> {
    const current = this.windows.get(key);
    return current && current.resetAt > now ? { ...current } : undefined;
  }

  async reset(key: string): Promise<void> {
    this.windows.delete(key);
  }

  private sweep(now: number): void {
    this.incrementsSinceSweep = 0;
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
  }
}
