export { CacheModule } from './cache.module.js';
export { KeyValueStore } from './key-value.store.js';
export { MemoryStore } from './memory.store.js';
export { RedisStore, type RedisStoreOptions } from './redis.store.js';
