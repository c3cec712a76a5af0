/**
 * Shared short-lived state: cache entries, rate-limit counters, idempotency markers.
 * Redis in production; in process for the embedded default (`npm start` without REDIS_URL).
 */
export abstract class KeyValueStore {
  abstract readonly kind: 'redis' | 'memory';
  abstract get(key: string): Promise<string | null>;
  abstract set(key: string, value: string, ttlMs: number): Promise<void>;
  abstract delete(...keys: string[]): Promise<void>;
  /** Resolves when the store answers; rejects quickly when it does not. */
  abstract ping(): Promise<void>;
}
