import { InMemoryRateLimitStore } from './rate-limit-store';

describe('InMemoryRateLimitStore', () => {
  it('counts hits in a fixed window and starts again when it ends', async () => {
    const store = new InMemoryRateLimitStore();
    expect(await store.increment('ip:a', 1000, 0)).toEqual({ count: 1, resetAt: 1000 });
    expect(await store.increment('ip:a', 1000, 999)).toEqual({ count: 2, resetAt: 1000 });
    expect(await store.increment('ip:b', 1000, 999)).toEqual({ count: 1, resetAt: 1999 });
    expect(await store.peek('ip:a', 999)).toEqual({ count: 2, resetAt: 1000 });
    expect(await store.peek('ip:a', 1000)).toBeUndefined();
    expect(await store.increment('ip:a', 1000, 1000)).toEqual({ count: 1, resetAt: 2000 });
    await store.reset('ip:a');
    expect(await store.peek('ip:a', 1000)).toBeUndefined();
  });

  it('forgets ended windows, so a stream of one-off clients does not fill memory', async () => {
    const store = new InMemoryRateLimitStore();
    for (let client = 0; client < 5000; client++) await store.increment(`ip:${client}`, 10, client);
    const windows = (store as unknown as { windows: Map<string, unknown> }).windows;
    expect(windows.size).toBeLessThanOrEqual(1000);
  });
});
