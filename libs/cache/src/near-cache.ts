import type { Invalidation, InvalidationBus } from './invalidation-bus.js';

export interface NearCacheOptions {
  /** The bus topic its invalidations travel on; one per cache. */
  readonly topic: string;
  /** Longest an entry is served from memory, should a message ever be lost. */
  readonly ttlMs: number;
  /** Entries held at most; the oldest written goes first. */
  readonly maxEntries: number;
}

interface Entry<T> {
  readonly value: T;
  readonly expiresAt: number;
}

/**
 * An in-process cache in front of the shared one, for hot entries read on every request
 * (live sessions, catalog products): a hit costs no round trip. Entries are dropped on every
 * process when `invalidate` is called on any of them (through the InvalidationBus, Redis pub/sub
 * between replicas), so a change is seen everywhere once the message arrives; `ttlMs` bounds an
 * entry's life in case one ever does not. While the bus is disconnected nothing is served from
 * memory (and on reconnecting everything is dropped), so a missed message never leaves a stale
 * entry behind.
 *
 * Loads race invalidations: take a `version()` before reading the source, and `set` refuses the
 * value if any invalidation arrived since (it may predate the change).
 */
export class NearCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private generation = 0;

  constructor(
    private readonly bus: InvalidationBus,
    private readonly options: NearCacheOptions,
    private readonly now: () => number = Date.now,
  ) {
    bus.subscribe(options.topic, (invalidation) => {
      this.drop(invalidation);
    });
  }

  /** Entries held (expired ones until read or evicted). */
  get size(): number {
    return this.entries.size;
  }

  get(key: string): T | undefined {
    if (!this.bus.connected) return undefined;
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  /** The generation to hand to `set` after loading: take it before reading the source. */
  version(): number {
    return this.generation;
  }

  set(key: string, value: T, version: number): void {
    if (!this.bus.connected || version !== this.generation) return;
    this.entries.delete(key);
    if (this.entries.size >= this.options.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, { value, expiresAt: this.now() + this.options.ttlMs });
  }

  /** Drops `keys` here at once and on every other process once the message arrives. */
  async invalidate(keys: readonly string[]): Promise<void> {
    if (keys.length === 0) return;
    this.drop(keys);
    await this.bus.publish(this.options.topic, keys);
  }

  private drop(invalidation: Invalidation): void {
    this.generation += 1;
    if (invalidation === 'everything') this.entries.clear();
    else for (const key of invalidation) this.entries.delete(key);
  }
}
