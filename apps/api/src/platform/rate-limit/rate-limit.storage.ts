import { Logger } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import { type CounterWindow, type KeyValueStore, MemoryStore, type Reservation } from '@libs/cache';
import { LeasedCounters } from './rate-limit.leases.js';
import type { ThrottlerStorageRecord } from './rate-limit.quota.js';

const KEY_PREFIX = 'rate-limit:';

/**
 * After Redis fails, count in process for this long before asking Redis again, so an outage
 * costs one failed command per interval rather than one per request (or a timeout each, if
 * Redis hangs instead of refusing).
 */
const REDIS_RETRY_INTERVAL_MS = 5_000;

/**
 * Throttler's storage on the KeyValueStore: counters in Redis when it is configured (so every
 * replica shares them) and in process otherwise. Hits are reserved in leases (LeasedCounters: a
 * round trip per lease, not per request; no over-admission, the under-admission bound there).
 * While Redis fails, hits are counted in process instead: limits hold per process, requests never
 * fail or hang on it.
 */
export class RateLimitStorage implements ThrottlerStorage {
  private readonly logger = new Logger('RateLimit');
  /** Set while Redis is failing: the time until which the fallback is used without asking Redis. */
  private degradedUntil: number | undefined;
  private readonly counters: LeasedCounters;

  constructor(
    private readonly store: KeyValueStore,
    private readonly now: () => number = Date.now,
    private readonly fallback: KeyValueStore = new MemoryStore(now),
  ) {
    this.counters = new LeasedCounters(
      (key, window, wanted) => this.reserve(key, window, wanted),
      now,
    );
  }

  /** Throttler's contract: `ttl` and `blockDuration` in milliseconds, the answer in seconds. */
  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    _throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    const window: CounterWindow = {
      windowMs: Math.max(1, Math.ceil(ttl)),
      limit,
      blockMs: Math.max(0, Math.ceil(blockDuration)),
    };
    const { hits, ttlMs } = await this.counters.increment(KEY_PREFIX + key, window);
    const isBlocked = hits > limit;
    const seconds = Math.max(1, Math.ceil(ttlMs / 1_000));
    return {
      totalHits: hits,
      timeToExpire: seconds,
      isBlocked,
      timeToBlockExpire: isBlocked ? seconds : 0,
    };
  }

  private async reserve(key: string, window: CounterWindow, wanted: number): Promise<Reservation> {
    if (this.degradedUntil !== undefined && this.now() < this.degradedUntil) {
      return this.fallback.reserve(key, window, wanted);
    }
    try {
      const reservation = await this.store.reserve(key, window, wanted);
      if (this.degradedUntil !== undefined) {
        this.degradedUntil = undefined;
        // Leases of the in-process counters end here: the shared ones count again.
        this.counters.clear();
        this.logger.log(`${this.store.kind} answers again: rate limits are shared again`);
      }
      return reservation;
    } catch (error) {
      if (this.degradedUntil === undefined) {
        this.logger.warn(
          { err: error },
          `${this.store.kind} failed: rate limits are counted per process until it answers`,
        );
      }
      this.degradedUntil = this.now() + REDIS_RETRY_INTERVAL_MS;
      return this.fallback.reserve(key, window, wanted);
    }
  }
}
