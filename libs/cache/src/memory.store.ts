import {
  type CounterState,
  type CounterWindow,
  KeyValueStore,
  type Reservation,
} from './key-value.store.js';

interface Entry {
  readonly value: string;
  readonly expiresAt: number;
}

/** How often expired entries are swept, so keys that are never read again do not pile up. */
const SWEEP_INTERVAL_MS = 60_000;

/** In-process store for a single process without Redis. Expired entries are dropped on read. */
export class MemoryStore extends KeyValueStore {
  readonly kind = 'memory';
  private readonly entries = new Map<string, Entry>();
  private nextSweepAt: number;

  constructor(private readonly now: () => number = Date.now) {
    super();
    this.nextSweepAt = now() + SWEEP_INTERVAL_MS;
  }

  /** Entries held, expired ones included until the next sweep. */
  get size(): number {
    return this.entries.size;
  }

  get(key: string): Promise<string | null> {
    return Promise.resolve(this.live(key)?.value ?? null);
  }

  set(key: string, value: string, ttlMs: number): Promise<void> {
    this.sweep();
    this.entries.set(key, { value, expiresAt: this.now() + ttlMs });
    return Promise.resolve();
  }

  /** Reads and deletes without yielding in between, so concurrent callers cannot both win. */
  take(key: string): Promise<string | null> {
    const value = this.live(key)?.value ?? null;
    this.entries.delete(key);
    return Promise.resolve(value);
  }

  delete(...keys: string[]): Promise<void> {
    for (const key of keys) this.entries.delete(key);
    return Promise.resolve();
  }

  /** Same rules as RedisStore's script; JavaScript runs it without interleaving, so it is atomic. */
  increment(key: string, window: CounterWindow): Promise<CounterState> {
    return this.reserve(key, window, 1).then(({ hits, ttlMs }) => ({ hits, ttlMs }));
  }

  reserve(
    key: string,
    { windowMs, limit, blockMs }: CounterWindow,
    wanted: number,
  ): Promise<Reservation> {
    this.sweep();
    const now = this.now();
    const entry = this.live(key);
    const previous = entry ? Number(entry.value) : 0;
    if (!Number.isSafeInteger(previous)) {
      return Promise.reject(new Error(`value at ${key} is not an integer`));
    }
    const granted = Math.max(1, Math.min(wanted, limit - previous));
    const hits = previous + granted;
    let expiresAt = entry?.expiresAt ?? now + windowMs;
    if (hits === limit + 1 && blockMs > 0) expiresAt = now + blockMs;
    this.entries.set(key, { value: String(hits), expiresAt });
    return Promise.resolve({ hits, ttlMs: expiresAt - now, granted });
  }

  ping(): Promise<void> {
    return Promise.resolve();
  }

  private live(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  private sweep(): void {
    const now = this.now();
    if (now < this.nextSweepAt) return;
    for (const [key, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(key);
    this.nextSweepAt = now + SWEEP_INTERVAL_MS;
  }
}
