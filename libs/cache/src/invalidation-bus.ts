import { Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';

/** What a subscriber hears: these keys changed, or anything may have (messages were missed). */
export type Invalidation = readonly string[] | 'everything';

/**
 * Tells every process of the deployment that cached entries changed, so in-process caches
 * (NearCache) can drop them. `connected` is false while this process could miss a message; a
 * NearCache then serves nothing from memory.
 */
export abstract class InvalidationBus {
  abstract readonly connected: boolean;
  /** Tells every subscriber of `topic` (this process's included) that `keys` changed. */
  abstract publish(topic: string, keys: readonly string[]): Promise<void>;
  abstract subscribe(topic: string, listener: (invalidation: Invalidation) => void): void;
}

/** One process, no Redis: a message reaches this process's subscribers at once. */
export class LocalInvalidationBus extends InvalidationBus {
  readonly connected = true;
  private readonly listeners = new Map<string, ((invalidation: Invalidation) => void)[]>();

  publish(topic: string, keys: readonly string[]): Promise<void> {
    for (const listener of this.listeners.get(topic) ?? []) listener(keys);
    return Promise.resolve();
  }

  subscribe(topic: string, listener: (invalidation: Invalidation) => void): void {
    this.listeners.set(topic, [...(this.listeners.get(topic) ?? []), listener]);
  }
}

/**
 * Redis pub/sub on one channel per key prefix (`<prefix>invalidations`), on a connection of its
 * own (a subscribed connection can do nothing else). While that connection is down this process
 * may miss messages: `connected` is false and, once it is subscribed again, every subscriber is
 * told `everything` (drop all), since what changed in between is unknown.
 */
export class RedisInvalidationBus extends InvalidationBus {
  private readonly logger = new Logger(RedisInvalidationBus.name);
  private readonly channel: string;
  private readonly listeners = new Map<string, ((invalidation: Invalidation) => void)[]>();
  private subscribed = false;
  private closing = false;

  constructor(
    private readonly publisher: Redis,
    private readonly subscriber: Redis,
    keyPrefix: string,
  ) {
    super();
    this.channel = `${keyPrefix}invalidations`;
    // The connection subscribes to this one channel only.
    subscriber.on('message', (_channel: string, message: string) => {
      this.deliver(message);
    });
    subscriber.on('ready', () => {
      void this.resubscribe();
    });
    // Connection errors are expected while Redis is away ('close' turns the caches off, the
    // client reconnects); without a listener ioredis would print each one as unhandled.
    subscriber.on('error', (error: Error) => {
      if (this.subscribed) this.logger.warn(`invalidations connection: ${error.message}`);
    });
    subscriber.on('close', () => {
      if (this.subscribed && !this.closing) {
        this.logger.warn('invalidations unsubscribed: in-process caches off');
      }
      this.subscribed = false;
      this.broadcast('everything');
    });
    if (subscriber.status === 'ready') void this.resubscribe();
  }

  get connected(): boolean {
    return this.subscribed;
  }

  async publish(topic: string, keys: readonly string[]): Promise<void> {
    if (keys.length === 0) return;
    await this.publisher.publish(this.channel, JSON.stringify({ topic, keys }));
  }

  subscribe(topic: string, listener: (invalidation: Invalidation) => void): void {
    this.listeners.set(topic, [...(this.listeners.get(topic) ?? []), listener]);
  }

  /** Disconnects the subscriber (the publisher belongs to the store). */
  close(): void {
    this.closing = true;
    this.subscriber.disconnect();
  }

  private async resubscribe(): Promise<void> {
    try {
      await this.subscriber.subscribe(this.channel);
    } catch (error) {
      this.logger.warn(`could not subscribe to invalidations: ${String(error)}`);
      return;
    }
    // Whatever changed while unsubscribed went unheard.
    this.broadcast('everything');
    this.subscribed = true;
  }

  private deliver(message: string): void {
    let parsed: { topic?: unknown; keys?: unknown } | null;
    try {
      parsed = JSON.parse(message) as typeof parsed;
    } catch {
      return;
    }
    // `null`, a number or a string is valid JSON too: not a message of ours.
    if (typeof parsed !== 'object' || parsed === null) return;
    const { topic, keys } = parsed;
    if (typeof topic !== 'string' || !Array.isArray(keys)) return;
    const strings = keys.filter((key): key is string => typeof key === 'string');
    for (const listener of this.listeners.get(topic) ?? []) listener(strings);
  }

  private broadcast(invalidation: Invalidation): void {
    for (const listeners of this.listeners.values())
      for (const listener of listeners) listener(invalidation);
  }
}
