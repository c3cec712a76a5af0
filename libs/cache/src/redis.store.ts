import { Logger } from '@nestjs/common';
import { Redis } from 'ioredis';
import { createHash } from 'node:crypto';
import {
  type CounterState,
  type CounterWindow,
  KeyValueStore,
  type Reservation,
} from './key-value.store.js';

/**
 * KeyValueStore.reserve (and increment, one hit) in one atomic round trip: up to ARGV[4] hits,
 * never more than the limit leaves, at least one. The window starts with the first hit; the hit
 * that goes over the limit restarts it for the block duration. A key without a TTL (written by
 * something else) gets the window, so a counter can never live forever.
 */
const INCREMENT_SCRIPT = `
local limit = tonumber(ARGV[2])
local previous = tonumber(redis.call('GET', KEYS[1]) or '0')
local granted = math.max(1, math.min(tonumber(ARGV[4]), limit - previous))
local hits = redis.call('INCRBY', KEYS[1], granted)
if hits == granted then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
if hits == limit + 1 and tonumber(ARGV[3]) > 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[3])
end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return { hits, ttl, granted }
`;
const INCREMENT_SHA = createHash('sha1').update(INCREMENT_SCRIPT).digest('hex');

export interface RedisStoreOptions {
  readonly url: string;
  readonly keyPrefix: string;
}

/**
 * Redis-backed store. Commands fail fast while Redis is unreachable (no offline queue, one
 * retry, short timeouts) so callers can degrade instead of hanging; the client keeps
 * reconnecting in the background.
 */
export class RedisStore extends KeyValueStore {
  readonly kind = 'redis';
  readonly client: Redis;
  private readonly logger = new Logger(RedisStore.name);
  private lastError: string | undefined;

  constructor({ url, keyPrefix }: RedisStoreOptions) {
    super();
    this.client = new Redis(url, {
      keyPrefix,
      connectTimeout: 2_000,
      commandTimeout: 1_000,
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
      // Commands issued in the same tick (rate limit, session, cache lookups of concurrent
      // requests) go out in one write: fewer syscalls per request under load.
      enableAutoPipelining: true,
      retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
    });
    // Log each distinct failure once, not at every reconnect attempt.
    this.client.on('error', (error: Error) => {
      if (error.message !== this.lastError) this.logger.warn(`Redis: ${error.message}`);
      this.lastError = error.message;
    });
    this.client.on('ready', () => {
      this.lastError = undefined;
    });
  }

  /**
   * Waits for the first connection attempt to succeed or fail (bounded by connectTimeout), so a
   * process that starts next to a healthy Redis is ready at once; a down Redis does not block.
   */
  async connected(): Promise<void> {
    if (this.client.status === 'ready') return;
    await new Promise<void>((resolve) => {
      const done = (): void => {
        this.client.off('ready', done).off('error', done);
        resolve();
      };
      this.client.once('ready', done).once('error', done);
    });
  }

  async get(key: string): Promise<string | null> {
    return this.client.get(key);
  }

  async set(key: string, value: string, ttlMs: number): Promise<void> {
    await this.client.set(key, value, 'PX', ttlMs);
  }

  /** GETDEL (Redis ≥ 6.2) is atomic on the server, so a value is handed out only once. */
  async take(key: string): Promise<string | null> {
    return this.client.getdel(key);
  }

  async delete(...keys: string[]): Promise<void> {
    if (keys.length > 0) await this.client.del(...keys);
  }

  async increment(key: string, window: CounterWindow): Promise<CounterState> {
    const { hits, ttlMs } = await this.reserve(key, window, 1);
    return { hits, ttlMs };
  }

  async reserve(
    key: string,
    { windowMs, limit, blockMs }: CounterWindow,
    wanted: number,
  ): Promise<Reservation> {
    const args = [key, windowMs, limit, blockMs, wanted] as const;
    let reply: unknown;
    try {
      // The script body is sent only when this Redis has not cached it yet (after a restart).
      reply = await this.client.evalsha(INCREMENT_SHA, 1, ...args);
    } catch (error) {
      if (!(error instanceof Error && error.message.startsWith('NOSCRIPT'))) throw error;
      reply = await this.client.eval(INCREMENT_SCRIPT, 1, ...args);
    }
    const [hits, ttlMs, granted] = reply as [number, number, number];
    return { hits, ttlMs, granted };
  }

  async ping(): Promise<void> {
    await this.client.ping();
  }

  async close(): Promise<void> {
    try {
      await this.client.quit();
    } catch {
      this.client.disconnect();
    }
  }
}
