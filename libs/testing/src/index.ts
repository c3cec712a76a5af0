export { readHarnessEnv, requireHarnessEnv, type HarnessEnv } from './harness-env.js';
export { testConfig, workerDatabaseUrl, redisKeyPrefix } from './test-config.js';
export { assertTestDatabase, databaseName, databaseUrl } from './test-databases.js';
export { startTestServices, type TestServices } from './test-services.js';
export { createScratchDatabase, query, type ScratchDatabase } from './scratch-database.js';
export { FaultProxy, targetOfUrl, type ProxyTarget, type TargetOf } from './fault-proxy.js';
export { eventually, type EventuallyOptions } from './eventually.js';
export { startServiceProcess, type ServiceProcess } from './service-process.js';
