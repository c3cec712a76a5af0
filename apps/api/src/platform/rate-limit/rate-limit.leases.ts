import type { CounterState, CounterWindow, Reservation } from '@libs/cache';

/** At most this many hits per lease: one shared-store round trip per 50 requests of a client. */
const MAX_LEASE = 50;
/** A lease is at most this share of the limit, so replicas holding leases leave the rest to others. */
const LEASE_SHARE = 1 / 20;
/** Expired leases are swept once the map holds this many clients. */
const SWEEP_AT = 10_000;

/**
 * Hits of one lease a process may count for a counter: 1/20 of the limit, at most 50, at least
 * one. Under 40 a minute it is one, so small limits (sign-in, sign-up) are counted in the shared
 * store hit by hit, exactly as without leases.
 */
export function leaseSize(limit: number): number {
  return Math.max(1, Math.min(MAX_LEASE, Math.floor(limit * LEASE_SHARE)));
}

interface Lease {
  /** Hits reserved in the shared store for this process. */
  readonly granted: number;
  /** Of those, spent by requests so far. */
  used: number;
  /** The shared counter right after the reservation (every replica's hits, this lease's included). */
  readonly hitsAfter: number;
  /** When the shared window ends, by this process's clock, never later than the store's. */
  readonly expiresAt: number;
}

/**
 * Rate-limit counters that reserve hits from the shared store in leases instead of one round
 * trip per request. A request spends a hit of its counter's lease when one is left (no I/O);
 * otherwise it reserves the next lease, and concurrent requests share that one reservation.
 *
 * Bounds, with R replicas and a lease of L = leaseSize(limit) hits:
 * - over-admission: none. Every hit a process admits was reserved in the shared counter first,
 *   within its window (a lease expires when the store's window does, measured from before the
 *   reservation was sent), and a reservation never takes more than the limit leaves.
 * - under-admission: a client may be refused after limit − (R − 1) × (L − 1) hits in a window,
 *   when every other replica holds a lease of its counter it has not spent yet (at most L − 1
 *   hits each). One replica alone admits exactly the limit.
 * - block: the hit that goes over the limit starts the block in the store (as before); the
 *   process then answers "blocked" from its lease until the block ends, without asking again.
 */
export class LeasedCounters {
  private readonly leases = new Map<string, Lease>();
  private readonly reserving = new Map<string, Promise<Lease>>();

  constructor(
    private readonly reserve: (
      key: string,
      window: CounterWindow,
      wanted: number,
    ) => Promise<Reservation>,
    private readonly now: () => number = Date.now,
  ) {}

  /** Leases held (expired ones until the next sweep). */
  get size(): number {
    return this.leases.size;
  }

  /** Counts one hit of `key`: the counter's total as this process knows it, and its window. */
  async increment(key: string, window: CounterWindow): Promise<CounterState> {
    const held = this.leases.get(key);
    if (held && this.now() < held.expiresAt) {
      const state = this.spend(held, window);
      if (state) return state;
    }
    for (;;) {
      // The store has just counted this lease in its live window: spend it even if the round
      // trip took the local clock past the window's end (it then ended a moment ago at most).
      const state = this.spend(await this.renew(key, window), window);
      if (state) return state;
      // Concurrent requests spent the whole new lease first: reserve another.
    }
  }

  /** Drops every lease: the next hit of each counter reserves again (after a store failover). */
  clear(): void {
    this.leases.clear();
  }

  /** One hit of `lease`: its state, or undefined when the lease is spent. */
  private spend(lease: Lease, window: CounterWindow): CounterState | undefined {
    const ttlMs = Math.max(0, lease.expiresAt - this.now());
    // Over the limit: blocked until the window the over-limit hit started ends.
    if (lease.hitsAfter > window.limit) return { hits: lease.hitsAfter, ttlMs };
    if (lease.used === lease.granted) return undefined;
    lease.used += 1;
    return { hits: lease.hitsAfter - lease.granted + lease.used, ttlMs };
  }

  private renew(key: string, window: CounterWindow): Promise<Lease> {
    let pending = this.reserving.get(key);
    if (pending === undefined) {
      const sentAt = this.now();
      pending = this.reserve(key, window, leaseSize(window.limit))
        .then(({ granted, hits, ttlMs }) => {
          this.sweep(sentAt);
          const lease = { granted, used: 0, hitsAfter: hits, expiresAt: sentAt + ttlMs };
          this.leases.set(key, lease);
          return lease;
        })
        .finally(() => this.reserving.delete(key));
      this.reserving.set(key, pending);
    }
    return pending;
  }

  private sweep(now: number): void {
    if (this.leases.size < SWEEP_AT) return;
    for (const [key, lease] of this.leases) if (lease.expiresAt <= now) this.leases.delete(key);
  }
}
