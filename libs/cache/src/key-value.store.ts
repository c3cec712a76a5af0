/** A fixed-window hit counter, the building block of rate limits. */
export interface CounterWindow {
  /** Length of the window; it starts at the first hit. */
  readonly windowMs: number;
  /** Hits allowed in the window. */
  readonly limit: number;
  /**
   * The hit that goes over `limit` restarts the window for this long, so the caller stays blocked
   * for `blockMs` after it; 0 keeps the window as it is (blocked until it ends).
   */
  readonly blockMs: number;
}

export interface CounterState {
  /** Hits counted in the current window, this one included. */
  readonly hits: number;
  /** Milliseconds until the counter starts again from zero. */
  readonly ttlMs: number;
}

/** What `reserve` counted: `granted` hits at once, `hits` the counter's total after them. */
export interface Reservation extends CounterState {
  readonly granted: number;
}

/**
 * Shared short-lived state: cache entries, rate-limit counters, idempotency markers.
 * Redis in production; in process for the embedded default (`npm start` without REDIS_URL).
 */
export abstract class KeyValueStore {
  abstract readonly kind: 'redis' | 'memory';
  abstract get(key: string): Promise<string | null>;
  abstract set(key: string, value: string, ttlMs: number): Promise<void>;
  /**
   * Reads and deletes a key in one atomic step: of concurrent callers (on any replica), exactly
   * one gets the value. For single-use values such as OIDC sign-in state.
   */
  abstract take(key: string): Promise<string | null>;
  abstract delete(...keys: string[]): Promise<void>;
  /** Counts one hit against the counter at `key`, atomically (one round trip on Redis). */
  abstract increment(key: string, window: CounterWindow): Promise<CounterState>;
  /**
   * Counts up to `wanted` hits at once, atomically, never more than the limit leaves: a caller
   * spends them later, one per request (see the rate limiter's leases). With nothing left under
   * the limit it counts one hit, the one that goes over (with `increment`'s block rule).
   */
  abstract reserve(key: string, window: CounterWindow, wanted: number): Promise<Reservation>;
  /** Resolves when the store answers; rejects quickly when it does not. */
  abstract ping(): Promise<void>;
}
