import { describe, expect, it } from '@jest/globals';
import { type Invalidation, InvalidationBus, LocalInvalidationBus } from './invalidation-bus.js';
import { NearCache } from './near-cache.js';

const OPTIONS = { topic: 't', ttlMs: 1_000, maxEntries: 3 };

/** A bus shared by "replicas" in one test, recording what is published. */
class RecordingBus extends InvalidationBus {
  connected = true;
  readonly published: { topic: string; keys: readonly string[] }[] = [];
  private readonly listeners: ((invalidation: Invalidation) => void)[] = [];

  publish(topic: string, keys: readonly string[]): Promise<void> {
    this.published.push({ topic, keys });
    for (const listener of this.listeners) listener(keys);
    return Promise.resolve();
  }
  subscribe(_topic: string, listener: (invalidation: Invalidation) => void): void {
    this.listeners.push(listener);
  }
  everything(): void {
    for (const listener of this.listeners) listener('everything');
  }
}

describe('NearCache edge cases', () => {
  it('counts a rewritten key as newest, so eviction takes another', () => {
    const cache = new NearCache<number>(new LocalInvalidationBus(), OPTIONS);
    for (const key of ['a', 'b', 'c']) cache.set(key, 1, cache.version());
    cache.set('a', 2, cache.version());
    cache.set('d', 1, cache.version());
    expect([cache.get('a'), cache.get('b'), cache.get('c'), cache.get('d')]).toEqual([
      2,
      undefined,
      1,
      1,
    ]);
  });

  it('does not evict when rewriting a key of a full cache', () => {
    const cache = new NearCache<number>(new LocalInvalidationBus(), OPTIONS);
    for (const key of ['a', 'b', 'c']) cache.set(key, 1, cache.version());
    cache.set('c', 2, cache.version());
    expect(cache.size).toBe(3);
    expect(cache.get('a')).toBe(1);
  });

  it('restarts the time to live when a key is written again', () => {
    let now = 0;
    const cache = new NearCache<string>(new LocalInvalidationBus(), OPTIONS, () => now);
    cache.set('a', 'A', cache.version());
    now = 900;
    cache.set('a', 'A2', cache.version());
    now = 1_500;
    expect(cache.get('a')).toBe('A2');
  });

  it('drops an expired entry when it is read', () => {
    let now = 0;
    const cache = new NearCache<string>(new LocalInvalidationBus(), OPTIONS, () => now);
    cache.set('a', 'A', cache.version());
    now = 1_000;
    expect(cache.size).toBe(1);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('keeps nothing written while the bus is disconnected', () => {
    const bus = new RecordingBus();
    const cache = new NearCache<string>(bus, OPTIONS);
    bus.connected = false;
    cache.set('a', 'A', cache.version());
    bus.connected = true;
    expect(cache.get('a')).toBeUndefined();
  });

  it('publishes nothing and refuses no load when invalidating no keys', async () => {
    const bus = new RecordingBus();
    const cache = new NearCache<string>(bus, OPTIONS);
    const version = cache.version();
    await cache.invalidate([]);
    expect(bus.published).toEqual([]);
    cache.set('a', 'A', version);
    expect(cache.get('a')).toBe('A');
  });

  it('refuses a load on another replica begun before an invalidation reached it', async () => {
    const bus = new RecordingBus();
    const [one, two] = [new NearCache<string>(bus, OPTIONS), new NearCache<string>(bus, OPTIONS)];
    const version = two.version();
    await one.invalidate(['a']);
    two.set('a', 'stale', version);
    expect(two.get('a')).toBeUndefined();
  });

  it('refuses a load begun before any invalidation, even of another key', async () => {
    const cache = new NearCache<string>(new RecordingBus(), OPTIONS);
    const version = cache.version();
    await cache.invalidate(['b']);
    cache.set('a', 'A', version);
    expect(cache.get('a')).toBeUndefined();
  });

  it('refuses loads begun before a drop of everything', () => {
    const bus = new RecordingBus();
    const cache = new NearCache<string>(bus, OPTIONS);
    const version = cache.version();
    bus.everything();
    cache.set('a', 'A', version);
    expect(cache.get('a')).toBeUndefined();
  });

  it('publishes on its own topic only, and drops keys of that topic only', async () => {
    const local = new LocalInvalidationBus();
    const sessions = new NearCache<string>(local, { ...OPTIONS, topic: 'session' });
    const products = new NearCache<string>(local, { ...OPTIONS, topic: 'product' });
    sessions.set('a', 'S', sessions.version());
    products.set('a', 'P', products.version());
    await sessions.invalidate(['a']);
    expect([sessions.get('a'), products.get('a')]).toEqual([undefined, 'P']);
  });
});
