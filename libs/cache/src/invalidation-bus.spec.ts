import { describe, expect, it } from '@jest/globals';
import type { Redis } from 'ioredis';
import { EventEmitter } from 'node:events';
import { type Invalidation, RedisInvalidationBus } from './invalidation-bus.js';

/** The part of an ioredis connection the bus uses: its events, `subscribe` and `disconnect`. */
class FakeConnection extends EventEmitter {
  status = 'connecting';
  readonly published: [string, string][] = [];

  subscribe(): Promise<number> {
    return Promise.resolve(1);
  }

  publish(channel: string, message: string): Promise<number> {
    this.published.push([channel, message]);
    return Promise.resolve(1);
  }

  disconnect(): void {
    this.emit('close');
  }
}

async function subscribedBus() {
  const publisher = new FakeConnection();
  const subscriber = new FakeConnection();
  const bus = new RedisInvalidationBus(
    publisher as unknown as Redis,
    subscriber as unknown as Redis,
    'app:',
  );
  const heard: Invalidation[] = [];
  bus.subscribe('products', (invalidation) => heard.push(invalidation));
  subscriber.emit('ready');
  await Promise.resolve();
  heard.length = 0;
  return { bus, publisher, subscriber, heard };
}

describe('RedisInvalidationBus', () => {
  it('publishes on the prefix channel and delivers what its subscription hears', async () => {
    const { bus, publisher, subscriber, heard } = await subscribedBus();
    await bus.publish('products', ['p1']);
    expect(publisher.published).toEqual([
      ['app:invalidations', JSON.stringify({ topic: 'products', keys: ['p1'] })],
    ]);
    subscriber.emit('message', 'app:invalidations', publisher.published[0]![1]);
    subscriber.emit('message', 'app:invalidations', '{not json');
    expect(heard).toEqual([['p1']]);
  });

  it('drops everything when its connection closes, and is not connected until subscribed', async () => {
    const { bus, subscriber, heard } = await subscribedBus();
    expect(bus.connected).toBe(true);
    subscriber.emit('close');
    expect(bus.connected).toBe(false);
    expect(heard).toEqual(['everything']);
  });

  it('takes connection errors as a degraded cache, not an unhandled error', async () => {
    const { bus, subscriber } = await subscribedBus();
    expect(() => subscriber.emit('error', new Error('Command timed out'))).not.toThrow();
    expect(bus.connected).toBe(true);
  });
});
