import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type Invalidation, NearCache, RedisInvalidationBus, RedisStore } from '@libs/cache';
import { eventually, requireHarnessEnv, testConfig } from '@libs/testing';
import { randomUUID } from 'node:crypto';

const MINUTE = 60_000;
type Redis = RedisStore['client'];

describe('RedisStore.reserve (rate-limit leases)', () => {
  let store: RedisStore;

  beforeAll(async () => {
    store = new RedisStore({
      url: requireHarnessEnv().redisUrl,
      keyPrefix: testConfig().redis.keyPrefix,
    });
    await store.connected();
  });

  afterAll(async () => {
    await store.close();
  });

  it('reserves what the limit leaves, then one hit over it that starts the block', async () => {
    const key = `lease:${randomUUID()}`;
    const window = { windowMs: MINUTE, limit: 10, blockMs: 2 * MINUTE };
    expect(await store.reserve(key, window, 4)).toMatchObject({ granted: 4, hits: 4 });
    expect(await store.reserve(key, window, 4)).toMatchObject({ granted: 4, hits: 8 });
    const last = await store.reserve(key, window, 4);
    expect(last).toMatchObject({ granted: 2, hits: 10 });
    expect(last.ttlMs).toBeLessThanOrEqual(MINUTE);
    const over = await store.reserve(key, window, 4);
    expect(over).toMatchObject({ granted: 1, hits: 11 });
    expect(over.ttlMs).toBeGreaterThan(MINUTE);
    expect(await store.increment(key, window)).toMatchObject({ hits: 12 });
  });
});

describe('RedisInvalidationBus', () => {
  const url = (): string => requireHarnessEnv().redisUrl;
  let stores: RedisStore[] = [];
  let buses: RedisInvalidationBus[] = [];
  /** The buses' own connections (a subscribed connection can do nothing else). */
  let subscribers: Redis[] = [];

  beforeAll(async () => {
    const keyPrefix = testConfig().redis.keyPrefix;
    stores = [new RedisStore({ url: url(), keyPrefix }), new RedisStore({ url: url(), keyPrefix })];
    await Promise.all(stores.map((store) => store.connected()));
    const replicas = stores.map((store) => {
      const subscriber = store.client.duplicate({ autoResubscribe: false });
      return { subscriber, bus: new RedisInvalidationBus(store.client, subscriber, keyPrefix) };
    });
    subscribers = replicas.map(({ subscriber }) => subscriber);
    buses = replicas.map(({ bus }) => bus);
    await eventually('both buses to subscribe', () => buses.every((bus) => bus.connected));
  });

  afterAll(async () => {
    for (const bus of buses) bus.close();
    await Promise.all(stores.map((store) => store.close()));
  });

  it('drops a key on the other replica, and drops everything when its subscription drops', async () => {
    const [one, two] = buses as [RedisInvalidationBus, RedisInvalidationBus];
    const heard: Invalidation[] = [];
    two.subscribe('probe', (invalidation) => heard.push(invalidation));
    const near = new NearCache<string>(two, { topic: 'products', ttlMs: MINUTE, maxEntries: 10 });
    near.set('a', 'A', near.version());
    near.set('b', 'B', near.version());

    await one.publish('products', ['a']);
    await eventually('the other replica to drop the key', () => near.get('a') === undefined);
    expect(near.get('b')).toBe('B');

    await one.publish('probe', ['x', 'y']);
    await eventually('the message on its topic', () => heard.length === 1);
    expect(heard).toEqual([['x', 'y']]);

    // A lost connection: nothing served from memory until it is back, then nothing stale.
    subscribers[1]?.disconnect(true);
    await eventually('the reconnection to drop everything', () => heard.includes('everything'));
    await eventually('the subscription to come back', () => two.connected);
    expect(near.get('b')).toBeUndefined();
  });
});
