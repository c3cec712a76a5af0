import {
  type DynamicModule,
  Global,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { type Config, APP_CONFIG } from '@libs/config';
import { CacheMetrics } from '@libs/observability';
import { CacheAside } from './cache-aside.js';
import { InvalidationBus, LocalInvalidationBus, RedisInvalidationBus } from './invalidation-bus.js';
import { KeyValueStore } from './key-value.store.js';
import { MemoryStore } from './memory.store.js';
import { RedisStore } from './redis.store.js';

/** Ties the Redis connections to the application's lifecycle. */
class StoreLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    private readonly store: KeyValueStore,
    private readonly bus: InvalidationBus,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.store instanceof RedisStore) await this.store.connected();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.bus instanceof RedisInvalidationBus) this.bus.close();
    if (this.store instanceof RedisStore) await this.store.close();
  }
}

/**
 * Provides the KeyValueStore (Redis when REDIS_URL is set, in process otherwise) and the
 * InvalidationBus of in-process caches (Redis pub/sub between replicas, or this process only).
 */
@Global()
@Module({})
export class CacheModule {
  static forRoot(): DynamicModule {
    return {
      module: CacheModule,
      providers: [
        {
          provide: KeyValueStore,
          inject: [APP_CONFIG],
          useFactory: ({ redis }: Config): KeyValueStore =>
            redis.url
              ? new RedisStore({ url: redis.url, keyPrefix: redis.keyPrefix })
              : new MemoryStore(),
        },
        {
          provide: InvalidationBus,
          inject: [KeyValueStore, APP_CONFIG],
          useFactory: (store: KeyValueStore, { redis }: Config): InvalidationBus =>
            store instanceof RedisStore
              ? new RedisInvalidationBus(
                  store.client,
                  store.client.duplicate({ autoResubscribe: false }),
                  redis.keyPrefix,
                )
              : new LocalInvalidationBus(),
        },
        {
          provide: CacheAside,
          inject: [KeyValueStore, { token: CacheMetrics, optional: true }],
          useFactory: (store: KeyValueStore, metrics?: CacheMetrics) =>
            new CacheAside(store, Math.random, (key, hit) =>
              metrics?.lookup(key.split(':', 1)[0] ?? key, hit),
            ),
        },
        {
          provide: StoreLifecycle,
          inject: [KeyValueStore, InvalidationBus],
          useFactory: (store: KeyValueStore, bus: InvalidationBus) =>
            new StoreLifecycle(store, bus),
        },
      ],
      exports: [KeyValueStore, CacheAside, InvalidationBus],
    };
  }
}
