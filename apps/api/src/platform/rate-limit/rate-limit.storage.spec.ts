import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import {
  type CounterState,
  type CounterWindow,
  KeyValueStore,
  MemoryStore,
  type Reservation,
} from '@libs/cache';
import { RateLimitStorage } from './rate-limit.storage.js';

const MINUTE = 60_000;

/** A Redis that is down: every command is refused, as RedisStore does without a connection. */
class DownStore extends KeyValueStore {
  readonly kind = 'redis';
  calls = 0;
  up = false;
  private readonly memory = new MemoryStore();

  get(): Promise<string | null> {
    return Promise.reject(new Error('down'));
  }
  set(): Promise<void> {
    return Promise.reject(new Error('down'));
  }
  take(): Promise<string | null> {
    return Promise.reject(new Error('down'));
  }
  delete(): Promise<void> {
    return Promise.reject(new Error('down'));
  }
  increment(key: string, window: CounterWindow): Promise<CounterState> {
    return this.reserve(key, window, 1);
  }
  reserve(key: string, window: CounterWindow, wanted: number): Promise<Reservation> {
    this.calls += 1;
    if (!this.up) return Promise.reject(new Error('Stream is not writeable'));
    return this.memory.reserve(key, window, wanted);
  }
  ping(): Promise<void> {
    return Promise.reject(new Error('down'));
  }
}

describe('RateLimitStorage', () => {
  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('answers throttler with hits and seconds, counting per key', async () => {
    let now = 0;
    const storage = new RateLimitStorage(new MemoryStore(() => now), () => now);
    expect(await storage.increment('a', MINUTE, 2, MINUTE, 'default')).toEqual({
      totalHits: 1,
      timeToExpire: 60,
      isBlocked: false,
      timeToBlockExpire: 0,
    });
    now = 20_500;
    expect(await storage.increment('a', MINUTE, 2, MINUTE, 'default')).toEqual({
      totalHits: 2,
      timeToExpire: 40,
      isBlocked: false,
      timeToBlockExpire: 0,
    });
    expect(await storage.increment('b', MINUTE, 2, MINUTE, 'default')).toMatchObject({
      totalHits: 1,
      isBlocked: false,
    });
  });

  it('blocks for blockDuration from the hit over the limit, then counts afresh', async () => {
    let now = 0;
    const storage = new RateLimitStorage(new MemoryStore(() => now), () => now);
    await storage.increment('a', MINUTE, 1, 30_000, 'auth');
    now = 50_000;
    expect(await storage.increment('a', MINUTE, 1, 30_000, 'auth')).toEqual({
      totalHits: 2,
      timeToExpire: 30,
      isBlocked: true,
      timeToBlockExpire: 30,
    });
    now = 79_999;
    expect(await storage.increment('a', MINUTE, 1, 30_000, 'auth')).toMatchObject({
      isBlocked: true,
      timeToBlockExpire: 1,
    });
    now = 80_000;
    expect(await storage.increment('a', MINUTE, 1, 30_000, 'auth')).toMatchObject({
      totalHits: 1,
      isBlocked: false,
    });
  });

  it('counts in process while the store fails, logs that once, and asks it again later', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const log = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    let now = 0;
    const redis = new DownStore();
    const storage = new RateLimitStorage(redis, () => now);

    const answers = [];
    for (let i = 0; i < 3; i += 1)
      answers.push(await storage.increment('a', MINUTE, 2, MINUTE, 'x'));
    expect(answers.map((answer) => answer.isBlocked)).toEqual([false, false, true]);
    expect(redis.calls).toBe(1);
    expect(warn).toHaveBeenCalledTimes(1);

    now = 5_000;
    await storage.increment('b', MINUTE, 2, MINUTE, 'x');
    expect(redis.calls).toBe(2);
    expect(warn).toHaveBeenCalledTimes(1);

    redis.up = true;
    now = 10_000;
    expect(await storage.increment('b', MINUTE, 2, MINUTE, 'x')).toMatchObject({ totalHits: 1 });
    expect(redis.calls).toBe(3);
    expect(log).toHaveBeenCalledTimes(1);
    // The in-process block of 'a' ended with the outage: Redis counts it afresh.
    expect(await storage.increment('a', MINUTE, 2, MINUTE, 'x')).toMatchObject({
      totalHits: 1,
      isBlocked: false,
    });
    expect(redis.calls).toBe(4);
  });
});
