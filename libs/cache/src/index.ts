export { CacheAside, type CacheAsideOptions } from './cache-aside.js';
export { CacheModule } from './cache.module.js';
export { type CounterState, type CounterWindow, KeyValueStore } from './key-value.store.js';
export { MemoryStore } from './memory.store.js';
export { RedisStore, type RedisStoreOptions } from './redis.store.js';
