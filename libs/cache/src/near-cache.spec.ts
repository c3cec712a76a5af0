import { describe, expect, it } from '@jest/globals';
import { type Invalidation, InvalidationBus, LocalInvalidationBus } from './invalidation-bus.js';
import { NearCache } from './near-cache.js';

const OPTIONS = { topic: 't', ttlMs: 1_000, maxEntries: 3 };

/** A bus shared by "replicas" in one test, whose connection can drop. */
class FakeBus extends InvalidationBus {
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
  reconnect(): void {
    for (const listener of this.listeners) listener('everything');
  }
}

describe('NearCache', () => {
  it('serves what was set until it expires', () => {
    let now = 0;
    const cache = new NearCache<string>(new LocalInvalidationBus(), OPTIONS, () => now);
    cache.set('a', 'A', cache.version());
    expect(cache.get('a')).toBe('A');
    now = 999;
    expect(cache.get('a')).toBe('A');
    now = 1_000;
    expect(cache.get('a')).toBeUndefined();
  });

  it('drops a key on every process sharing the bus when one invalidates it', async () => {
    const bus = new FakeBus();
    const [one, two] = [new NearCache<string>(bus, OPTIONS), new NearCache<string>(bus, OPTIONS)];
    one.set('a', 'A', one.version());
    two.set('a', 'A', two.version());
    two.set('b', 'B', two.version());
    await one.invalidate(['a']);
    expect([one.get('a'), two.get('a'), two.get('b')]).toEqual([undefined, undefined, 'B']);
    expect(bus.published).toEqual([{ topic: 't', keys: ['a'] }]);
  });

  it('refuses a value loaded before an invalidation arrived', () => {
    const cache = new NearCache<string>(new LocalInvalidationBus(), OPTIONS);
    const version = cache.version();
    void cache.invalidate(['a']);
    cache.set('a', 'stale', version);
    expect(cache.get('a')).toBeUndefined();
  });

  it('serves nothing while the bus is disconnected and drops everything on reconnecting', () => {
    const bus = new FakeBus();
    const cache = new NearCache<string>(bus, OPTIONS);
    cache.set('a', 'A', cache.version());
    bus.connected = false;
    expect(cache.get('a')).toBeUndefined();
    cache.set('b', 'B', cache.version());
    bus.connected = true;
    expect(cache.size).toBe(1);
    bus.reconnect();
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('holds at most maxEntries, evicting the oldest written', () => {
    const cache = new NearCache<number>(new LocalInvalidationBus(), OPTIONS);
    for (const key of ['a', 'b', 'c', 'd']) cache.set(key, 1, cache.version());
    expect(cache.size).toBe(3);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('d')).toBe(1);
  });
});
