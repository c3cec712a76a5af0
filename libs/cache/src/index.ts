export { CacheAside } from './cache-aside.js';
export { CacheModule } from './cache.module.js';
export { type CounterState, type CounterWindow, KeyValueStore } from './key-value.store.js';
export { MemoryStore } from './memory.store.js';
export { RedisStore } from './redis.store.js';
