import { Logger } from '@nestjs/common';
import { Redis } from 'ioredis';
import { KeyValueStore } from './key-value.store.js';

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

  async delete(...keys: string[]): Promise<void> {
    if (keys.length > 0) await this.client.del(...keys);
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
