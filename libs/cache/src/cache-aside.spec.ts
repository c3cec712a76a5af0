import { describe, expect, it } from '@jest/globals';
import { CacheAside } from './cache-aside.js';
import { MemoryStore } from './memory.store.js';

const options = { ttlMs: 1_000, jitter: 0.5 };

describe('CacheAside', () => {
  it('loads once, then serves from the store', async () => {
    const cache = new CacheAside(new MemoryStore());
    let loads = 0;
    const load = (): Promise<{ n: number }> => Promise.resolve({ n: ++loads });
    expect(await cache.get('k', options, load)).toEqual({ n: 1 });
    expect(await cache.get('k', options, load)).toEqual({ n: 1 });
    expect(loads).toBe(1);
  });

  it('shares one load between concurrent misses of a key (no stampede)', async () => {
    const cache = new CacheAside(new MemoryStore());
    const gate = Promise.withResolvers<string>();
    let loads = 0;
    const load = (): Promise<string> => {
      loads += 1;
      return gate.promise;
    };
    const readers = Array.from({ length: 10 }, () => cache.get('hot', options, load));
    gate.resolve('value');
    expect(await Promise.all(readers)).toEqual(Array<string>(10).fill('value'));
    expect(loads).toBe(1);
  });

  it('reloads after invalidation', async () => {
    const cache = new CacheAside(new MemoryStore());
    let version = 1;
    const load = (): Promise<number> => Promise.resolve(version);
    expect(await cache.get('k', options, load)).toBe(1);
    version = 2;
    await cache.invalidate('k');
    expect(await cache.get('k', options, load)).toBe(2);
  });

  it('spreads expiry by the jitter', async () => {
    let now = 0;
    const store = new MemoryStore(() => now);
    const cache = new CacheAside(store, () => 1); // maximal jitter: ttl 1 500 ms
    let loads = 0;
    const load = (): Promise<number> => Promise.resolve(++loads);
    await cache.get('k', options, load);
    now = 1_499;
    expect(await cache.get('k', options, load)).toBe(1);
    now = 1_500;
    expect(await cache.get('k', options, load)).toBe(2);
  });

  it('reads through when the store fails, and does not cache the failure of a load', async () => {
    const broken = new MemoryStore();
    broken.get = () => Promise.reject(new Error('connection refused'));
    broken.set = () => Promise.reject(new Error('connection refused'));
    const cache = new CacheAside(broken);
    expect(await cache.get('k', options, () => Promise.resolve('from source'))).toBe('from source');

    const working = new CacheAside(new MemoryStore());
    await expect(
      working.get('k', options, () => Promise.reject(new Error('db down'))),
    ).rejects.toThrow('db down');
    expect(await working.get('k', options, () => Promise.resolve('recovered'))).toBe('recovered');
  });
});
