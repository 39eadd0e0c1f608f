import { PUBLIC_READ_TTL_MS, PublicReadCache } from './public-read-cache';

describe('PublicReadCache', () => {
  const counter = () => {
    let loads = 0;
    return { load: async () => ++loads, loads: () => loads };
  };

  it('answers from memory within the TTL and reads again after it', async () => {
    const cache = new PublicReadCache();
    const source = counter();
    expect(await cache.read('card', source.load, 0)).toBe(1);
    expect(await cache.read('card', source.load, PUBLIC_READ_TTL_MS - 1)).toBe(1);
    expect(await cache.read('card', source.load, PUBLIC_READ_TTL_MS)).toBe(2);
  });

  it('reads again after clear(), and never keeps a read that raced a clear', async () => {
    const cache = new PublicReadCache();
    const source = counter();
    await cache.read('card', source.load, 0);
    cache.clear();
    // This read started before the change committed: it may answer, but must not be kept.
    const racing = cache.read(
      'card',
      async () => {
        const value = await source.load();
        cache.clear();
        return value;
      },
      1,
    );
    expect(await racing).toBe(2);
    expect(await cache.read('card', source.load, 2)).toBe(3);
  });

  it('does not keep a read that failed', async () => {
    const cache = new PublicReadCache();
    await expect(cache.read('card', () => Promise.reject(new Error('404')), 0)).rejects.toThrow('404');
    expect(await cache.read('card', async () => 'found', 1)).toBe('found');
  });

  it('makes one read for a burst of misses, and a fresh one for a burst after clear()', async () => {
    const cache = new PublicReadCache();
    const source = counter();
    const burst = await Promise.all(Array.from({ length: 50 }, () => cache.read('card', source.load, 0)));
    expect(burst).toEqual(Array(50).fill(1));
    cache.clear();
    const [before, after] = await Promise.all([
      cache.read('card', source.load, 1),
      (async () => {
        cache.clear();
        return cache.read('card', source.load, 1);
      })(),
    ]);
    // The read that began before the second clear() is not shared with the one after it.
    expect([before, after]).toEqual([2, 3]);
  });
});
