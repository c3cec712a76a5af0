import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CacheAside, RedisStore } from '@libs/cache';
import { requireHarnessEnv, testConfig } from '@libs/testing';

describe('CacheAside on Redis', () => {
  // Two stores on one prefix: two replicas of the service sharing Redis.
  let first: RedisStore;
  let second: RedisStore;

  beforeAll(async () => {
    const keyPrefix = testConfig().redis.keyPrefix;
    const url = requireHarnessEnv().redisUrl;
    first = new RedisStore({ url, keyPrefix });
    second = new RedisStore({ url, keyPrefix });
    await Promise.all([first.connected(), second.connected()]);
  });

  afterAll(async () => {
    await Promise.all([first.close(), second.close()]);
  });

  it('serves one replica what another loaded, and drops it everywhere on invalidation', async () => {
    const a = new CacheAside(first);
    const b = new CacheAside(second);
    let loads = 0;
    const load = (): Promise<{ version: number }> => Promise.resolve({ version: ++loads });
    const options = { ttlMs: 60_000 };

    expect(await a.get('product:1', options, load)).toEqual({ version: 1 });
    expect(await b.get('product:1', options, load)).toEqual({ version: 1 });
    expect(loads).toBe(1);

    await b.invalidate('product:1');
    expect(await a.get('product:1', options, load)).toEqual({ version: 2 });
  });

  it('stores entries with a TTL within the jitter', async () => {
    await new CacheAside(first, () => 0.5).get('ttl-probe', { ttlMs: 10_000, jitter: 0.2 }, () =>
      Promise.resolve('x'),
    );
    const ttl = await first.client.pttl('ttl-probe');
    expect(ttl).toBeGreaterThan(10_000);
    expect(ttl).toBeLessThanOrEqual(11_000);
  });
});
