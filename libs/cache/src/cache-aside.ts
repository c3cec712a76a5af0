import { Logger } from '@nestjs/common';
import { type KeyValueStore } from './key-value.store.js';

export interface CacheAsideOptions {
  /** Base lifetime of an entry; each write adds up to `jitter` of it at random. */
  readonly ttlMs: number;
  /** 0.1 spreads expiries over +10 %, so entries written together do not expire together. */
  readonly jitter?: number;
}

/**
 * Cache-aside reads: the value from the store, else from `load` (then stored). Concurrent misses
 * of one key in this process share one load (no stampede on a hot key), and a failing store
 * (Redis down or slow) degrades to loading from the source: slower, never an error.
 * Writers call `invalidate` after changing the source, so the next read sees the change.
 * Provided by CacheModule.
 */
export class CacheAside {
  private readonly logger = new Logger(CacheAside.name);
  private readonly loading = new Map<string, Promise<unknown>>();

  constructor(
    private readonly store: KeyValueStore,
    private readonly random: () => number = Math.random,
    /** Told of every read, hit or miss (metrics); keys are `<cache>:<rest>`. */
    private readonly onLookup: (key: string, hit: boolean) => void = () => undefined,
  ) {}

  async get<T>(key: string, options: CacheAsideOptions, load: () => Promise<T>): Promise<T> {
    const cached = await this.store.get(key).catch((error: unknown) => this.degraded(error));
    const hit = cached !== null && cached !== undefined;
    this.onLookup(key, hit);
    if (hit) return JSON.parse(cached) as T;

    const inFlight = this.loading.get(key) as Promise<T> | undefined;
    if (inFlight) return inFlight;
    const loaded = this.loadAndStore(key, options, load).finally(() => this.loading.delete(key));
    this.loading.set(key, loaded);
    return loaded;
  }

  /** Drops entries after their source changed. A failure is logged: entries still expire. */
  async invalidate(...keys: string[]): Promise<void> {
    await this.store.delete(...keys).catch((error: unknown) => this.degraded(error));
  }

  private async loadAndStore<T>(
    key: string,
    options: CacheAsideOptions,
    load: () => Promise<T>,
  ): Promise<T> {
    const value = await load();
    // `undefined` cannot round-trip through JSON: such values are not cached.
    if (value !== undefined) {
      const ttlMs = Math.round(options.ttlMs * (1 + (options.jitter ?? 0.1) * this.random()));
      await this.store
        .set(key, JSON.stringify(value), ttlMs)
        .catch((error: unknown) => this.degraded(error));
    }
    return value;
  }

  private degraded(error: unknown): undefined {
    this.logger.warn(
      `cache unavailable, reading through: ${error instanceof Error ? error.message : String(error)}`,
    );
    return undefined;
  }
}
