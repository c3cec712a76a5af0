export { requireHarnessEnv } from './harness-env.js';
export { testConfig, workerDatabaseUrl, redisKeyPrefix } from './test-config.js';
export { databaseUrl } from './test-databases.js';
export { createScratchDatabase, query, type ScratchDatabase } from './scratch-database.js';
export { FaultProxy, targetOfUrl } from './fault-proxy.js';
export { eventually } from './eventually.js';
export { startServiceProcess } from './service-process.js';
export { SmtpInbox, type ReceivedMail } from './smtp-inbox.js';
