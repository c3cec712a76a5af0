import { describe, expect, it } from '@jest/globals';
import type { Redis } from 'ioredis';
import { EventEmitter } from 'node:events';
import {
  type Invalidation,
  LocalInvalidationBus,
  RedisInvalidationBus,
} from './invalidation-bus.js';

/**
 * The two ioredis connections as the bus uses them: the publisher records what it was asked to
 * publish, the subscriber emits `ready`, `message` and `close` when the test says so. The bus
 * against real Redis (two replicas, a dropped connection) is test/cache/shared-counters.int-spec.ts.
 */
class Connection extends EventEmitter {
  status = 'connecting';
  readonly published: [string, string][] = [];
  readonly subscribedTo: string[] = [];
  refuseSubscribe = false;
  disconnected = false;

  publish(channel: string, message: string): Promise<number> {
    this.published.push([channel, message]);
    return Promise.resolve(1);
  }

  subscribe(channel: string): Promise<number> {
    if (this.refuseSubscribe) return Promise.reject(new Error('NOPERM'));
    this.subscribedTo.push(channel);
    return Promise.resolve(1);
  }

  disconnect(): void {
    this.disconnected = true;
    this.emit('close');
  }

  /** Lets the bus's pending subscribe settle. */
  async ready(): Promise<void> {
    this.status = 'ready';
    this.emit('ready');
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

function bus(subscriberStatus = 'connecting'): {
  bus: RedisInvalidationBus;
  publisher: Connection;
  subscriber: Connection;
  heard: Record<string, Invalidation[]>;
} {
  const publisher = new Connection();
  const subscriber = new Connection();
  subscriber.status = subscriberStatus;
  const created = new RedisInvalidationBus(
    publisher as unknown as Redis,
    subscriber as unknown as Redis,
    'app:',
  );
  const heard: Record<string, Invalidation[]> = { products: [], users: [] };
  created.subscribe('products', (invalidation) => heard.products?.push(invalidation));
  created.subscribe('users', (invalidation) => heard.users?.push(invalidation));
  return { bus: created, publisher, subscriber, heard };
}

describe('RedisInvalidationBus', () => {
  it('publishes a topic and its keys as JSON on the prefix’s channel', async () => {
    const { bus: redisBus, publisher } = bus();
    await redisBus.publish('products', ['a', 'b']);
    expect(publisher.published).toEqual([
      ['app:invalidations', JSON.stringify({ topic: 'products', keys: ['a', 'b'] })],
    ]);
  });

  it('publishes nothing for no keys', async () => {
    const { bus: redisBus, publisher } = bus();
    await redisBus.publish('products', []);
    expect(publisher.published).toEqual([]);
  });

  it('is not connected until subscribed, then tells every subscriber to drop everything', async () => {
    const { bus: redisBus, subscriber, heard } = bus();
    expect(redisBus.connected).toBe(false);
    await subscriber.ready();
    expect(subscriber.subscribedTo).toEqual(['app:invalidations']);
    expect(redisBus.connected).toBe(true);
    expect(heard).toEqual({ products: ['everything'], users: ['everything'] });
  });

  it('subscribes at once on a connection that is ready already', async () => {
    const { bus: redisBus, subscriber } = bus('ready');
    await new Promise<void>((resolve) => setImmediate(resolve));
    expect(subscriber.subscribedTo).toEqual(['app:invalidations']);
    expect(redisBus.connected).toBe(true);
  });

  it('stays disconnected when the subscription is refused', async () => {
    const { bus: redisBus, subscriber, heard } = bus();
    subscriber.refuseSubscribe = true;
    await subscriber.ready();
    expect(redisBus.connected).toBe(false);
    expect(heard).toEqual({ products: [], users: [] });
  });

  it('delivers a message to the subscribers of its topic only, with its string keys', async () => {
    const { subscriber, heard } = bus();
    await subscriber.ready();
    heard.products = [];
    heard.users = [];
    subscriber.emit(
      'message',
      'app:invalidations',
      JSON.stringify({ topic: 'products', keys: ['a', 7, null, 'b'] }),
    );
    subscriber.emit(
      'message',
      'app:invalidations',
      JSON.stringify({ topic: 'orders', keys: ['x'] }),
    );
    expect(heard).toEqual({ products: [['a', 'b']], users: [] });
  });

  it.each([
    ['not JSON', '{topic'],
    ['no topic', JSON.stringify({ keys: ['a'] })],
    ['a topic that is no string', JSON.stringify({ topic: 1, keys: ['a'] })],
    ['keys that are no array', JSON.stringify({ topic: 'products', keys: 'a' })],
    ['JSON null', 'null'],
  ])('ignores a message with %s', async (_case, message) => {
    const { subscriber, heard } = bus();
    await subscriber.ready();
    heard.products = [];
    expect(() => subscriber.emit('message', 'app:invalidations', message)).not.toThrow();
    expect(heard.products).toEqual([]);
  });

  it('drops everything and turns disconnected when the connection closes, and again once back', async () => {
    const { bus: redisBus, subscriber, heard } = bus();
    await subscriber.ready();
    subscriber.emit('close');
    expect(redisBus.connected).toBe(false);
    expect(heard.products).toEqual(['everything', 'everything']);
    await subscriber.ready();
    expect(redisBus.connected).toBe(true);
    expect(heard.products).toEqual(['everything', 'everything', 'everything']);
  });

  it('takes connection errors as a degraded cache, not an unhandled error', async () => {
    const { bus: redisBus, subscriber } = bus();
    await subscriber.ready();
    expect(() => subscriber.emit('error', new Error('Command timed out'))).not.toThrow();
    expect(redisBus.connected).toBe(true);
  });

  it('close disconnects the subscriber only', async () => {
    const { bus: redisBus, publisher, subscriber } = bus();
    await subscriber.ready();
    redisBus.close();
    expect(subscriber.disconnected).toBe(true);
    expect(publisher.disconnected).toBe(false);
    expect(redisBus.connected).toBe(false);
  });
});

describe('LocalInvalidationBus', () => {
  it('is always connected and delivers to the subscribers of the topic at once', async () => {
    const local = new LocalInvalidationBus();
    const heard: Invalidation[] = [];
    local.subscribe('products', (invalidation) => heard.push(invalidation));
    local.subscribe('products', (invalidation) => heard.push(invalidation));
    local.subscribe('users', () => heard.push('everything'));
    await local.publish('products', ['a']);
    expect(local.connected).toBe(true);
    expect(heard).toEqual([['a'], ['a']]);
  });
});
