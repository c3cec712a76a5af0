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
import { KeyValueStore } from './key-value.store.js';
import { MemoryStore } from './memory.store.js';
import { RedisStore } from './redis.store.js';

/** Ties the Redis connection to the application's lifecycle. */
class StoreLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(private readonly store: KeyValueStore) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.store instanceof RedisStore) await this.store.connected();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.store instanceof RedisStore) await this.store.close();
  }
}

/** Provides the KeyValueStore: Redis when REDIS_URL is set, in process otherwise. */
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
          provide: CacheAside,
          inject: [KeyValueStore, { token: CacheMetrics, optional: true }],
          useFactory: (store: KeyValueStore, metrics?: CacheMetrics) =>
            new CacheAside(store, Math.random, (key, hit) =>
              metrics?.lookup(key.split(':', 1)[0] ?? key, hit),
            ),
        },
        {
          provide: StoreLifecycle,
          inject: [KeyValueStore],
          useFactory: (store: KeyValueStore) => new StoreLifecycle(store),
        },
      ],
      exports: [KeyValueStore, CacheAside],
    };
  }
}
