import { Logger } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import {
  type CounterState,
  type CounterWindow,
  type KeyValueStore,
  MemoryStore,
} from '@libs/cache';
import type { ThrottlerStorageRecord } from './rate-limit.quota.js';

const KEY_PREFIX = 'rate-limit:';

/**
 * After Redis fails, count in process for this long before asking Redis again, so an outage
 * costs one failed command per interval rather than one per request (or a timeout each, if
 * Redis hangs instead of refusing).
 */
const REDIS_RETRY_INTERVAL_MS = 5_000;

/**
 * Throttler's storage on the KeyValueStore: one atomic increment per hit, in Redis when it is
 * configured (so every replica shares the counters) and in process otherwise. While Redis fails,
 * hits are counted in process instead: limits hold per process, requests never fail or hang on it.
 */
export class RateLimitStorage implements ThrottlerStorage {
  private readonly logger = new Logger('RateLimit');
  /** Set while Redis is failing: the time until which the fallback is used without asking Redis. */
  private degradedUntil: number | undefined;

  constructor(
    private readonly store: KeyValueStore,
    private readonly now: () => number = Date.now,
    private readonly fallback: KeyValueStore = new MemoryStore(now),
  ) {}

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
    const { hits, ttlMs } = await this.count(KEY_PREFIX + key, window);
    const isBlocked = hits > limit;
    const seconds = Math.max(1, Math.ceil(ttlMs / 1_000));
    return {
      totalHits: hits,
      timeToExpire: seconds,
      isBlocked,
      timeToBlockExpire: isBlocked ? seconds : 0,
    };
  }

  private async count(key: string, window: CounterWindow): Promise<CounterState> {
    if (this.degradedUntil !== undefined && this.now() < this.degradedUntil) {
      return this.fallback.increment(key, window);
    }
    try {
      const state = await this.store.increment(key, window);
      if (this.degradedUntil !== undefined) {
        this.degradedUntil = undefined;
        this.logger.log(`${this.store.kind} answers again: rate limits are shared again`);
      }
      return state;
    } catch (error) {
      if (this.degradedUntil === undefined) {
        this.logger.warn(
          { err: error },
          `${this.store.kind} failed: rate limits are counted per process until it answers`,
        );
      }
      this.degradedUntil = this.now() + REDIS_RETRY_INTERVAL_MS;
      return this.fallback.increment(key, window);
    }
  }
}
