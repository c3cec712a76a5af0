export { CacheAside } from './cache-aside.js';
export { CacheModule } from './cache.module.js';
export {
  type CounterState,
  type CounterWindow,
  KeyValueStore,
  type Reservation,
} from './key-value.store.js';
export { MemoryStore } from './memory.store.js';
export { RedisStore } from './redis.store.js';
export {
  type Invalidation,
  InvalidationBus,
  LocalInvalidationBus,
  RedisInvalidationBus,
} from './invalidation-bus.js';
export { NearCache, type NearCacheOptions } from './near-cache.js';
