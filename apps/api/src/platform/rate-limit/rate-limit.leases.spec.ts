import { describe, expect, it } from '@jest/globals';
import { type CounterWindow, MemoryStore, type Reservation } from '@libs/cache';
import fc from 'fast-check';
import { LeasedCounters, leaseSize } from './rate-limit.leases.js';

const MINUTE = 60_000;
const window = (limit: number, blockMs = MINUTE): CounterWindow => ({
  windowMs: MINUTE,
  limit,
  blockMs,
});

/** One shared store (Redis, as replicas see it) and a clock; counts the round trips. */
function sharedStore(): {
  store: MemoryStore;
  reserve: (key: string, w: CounterWindow, wanted: number) => Promise<Reservation>;
  clock: { now: number };
  calls: () => number;
} {
  const clock = { now: 0 };
  const store = new MemoryStore(() => clock.now);
  let calls = 0;
  return {
    store,
    clock,
    calls: () => calls,
    reserve: (key, w, wanted) => {
      calls += 1;
      return store.reserve(key, w, wanted);
    },
  };
}

describe('leaseSize', () => {
  it('is one under 40 a minute (exact counting), a twentieth above, at most 50', () => {
    expect([1, 5, 39, 40, 100, 1000, 5000, 1e9].map(leaseSize)).toEqual([
      1, 1, 1, 2, 5, 50, 50, 50,
    ]);
  });
});

describe('LeasedCounters', () => {
  it('admits exactly the limit in one process, with a round trip per lease', async () => {
    const shared = sharedStore();
    const counters = new LeasedCounters(shared.reserve, () => shared.clock.now);
    const states = [];
    for (let i = 0; i < 101; i += 1) states.push(await counters.increment('k', window(100)));
    expect(states.slice(0, 100).map((state) => state.hits)).toEqual(
      Array.from({ length: 100 }, (_, i) => i + 1),
    );
    expect(states[100]?.hits).toBe(101);
    // 20 leases of 5, then the hit over the limit.
    expect(shared.calls()).toBe(21);
  });

  it('shares one reservation between concurrent requests', async () => {
    const shared = sharedStore();
    const counters = new LeasedCounters(shared.reserve, () => shared.clock.now);
    const states = await Promise.all(
      Array.from({ length: 5 }, () => counters.increment('k', window(100))),
    );
    expect(states.map((state) => state.hits).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5]);
    expect(shared.calls()).toBe(1);
  });

  it('answers "blocked" in process until the block ends, then counts a new window', async () => {
    const shared = sharedStore();
    const counters = new LeasedCounters(shared.reserve, () => shared.clock.now);
    for (let i = 0; i < 2; i += 1) await counters.increment('k', window(2, 30_000));
    shared.clock.now = 10_000;
    expect(await counters.increment('k', window(2, 30_000))).toEqual({ hits: 3, ttlMs: 30_000 });
    const calls = shared.calls();
    shared.clock.now = 39_999;
    expect(await counters.increment('k', window(2, 30_000))).toEqual({ hits: 3, ttlMs: 1 });
    expect(shared.calls()).toBe(calls);
    shared.clock.now = 40_000;
    expect(await counters.increment('k', window(2, 30_000))).toMatchObject({ hits: 1 });
  });

  it('lets a lease lapse with its window: unused hits never count in the next one', async () => {
    const shared = sharedStore();
    const counters = new LeasedCounters(shared.reserve, () => shared.clock.now);
    expect(await counters.increment('k', window(1000))).toEqual({ hits: 1, ttlMs: MINUTE });
    shared.clock.now = MINUTE;
    expect(await counters.increment('k', window(1000))).toEqual({ hits: 1, ttlMs: MINUTE });
    expect(shared.calls()).toBe(2);
  });

  it('never admits more than the limit across replicas, nor refuses before limit − (R − 1)(L − 1)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 300 }),
        fc.array(fc.nat(), { minLength: 320, maxLength: 320 }),
        async (replicas, limit, picks) => {
          const shared = sharedStore();
          const processes = Array.from(
            { length: replicas },
            () => new LeasedCounters(shared.reserve, () => shared.clock.now),
          );
          let admitted = 0;
          let firstRefusalAt: number | undefined;
          for (const pick of picks.slice(0, limit + 20)) {
            const process = processes[pick % replicas];
            const state = await process?.increment('client', window(limit));
            if (state && state.hits <= limit) admitted += 1;
            else firstRefusalAt ??= admitted;
          }
          const lease = leaseSize(limit);
          expect(admitted).toBeLessThanOrEqual(limit);
          expect(firstRefusalAt).toBeGreaterThanOrEqual(limit - (replicas - 1) * (lease - 1));
        },
      ),
      { numRuns: 200 },
    );
  });
});
