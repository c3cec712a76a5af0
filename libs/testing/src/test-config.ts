import { randomUUID } from 'node:crypto';
import { type Config, loadConfig } from '@libs/config';
import { requireHarnessEnv } from './harness-env.js';
import { assertTestDatabase, databaseUrl, workerName } from './test-databases.js';

/** `test:<run>:` covers everything a run wrote (teardown deletes it); below it, one app's keys. */
export const redisKeyPrefix = (runId: string, appId?: string): string =>
  `test:${runId}:${appId === undefined ? '' : `${appId}:`}`;

/** This jest worker's own database (cloned from the migrated template). */
export function workerDatabaseUrl(): string {
  const { runId, postgresUrl } = requireHarnessEnv();
  const url = databaseUrl(postgresUrl, workerName(runId, process.env.JEST_WORKER_ID ?? '1'));
  assertTestDatabase(url);
  return url;
}

/**
 * Configuration for an app under test: this worker's database, its own Redis key prefix,
 * silent logs; `overrides` are environment variables, validated like in production.
 */
export function testConfig(overrides: Record<string, string | undefined> = {}): Config {
  const { runId, redisUrl } = requireHarnessEnv();
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: workerDatabaseUrl(),
    REDIS_URL: redisUrl,
    // Each app its own keys (cache entries, rate-limit counters); a test that wants two apps
    // to share state passes the same REDIS_KEY_PREFIX to both.
    REDIS_KEY_PREFIX: redisKeyPrefix(runId, randomUUID()),
    // Tests create many accounts from one address; tests of rate limiting set their own limits.
    RATE_LIMIT_PER_MINUTE: '1000000',
    RATE_LIMIT_AUTH_PER_MINUTE: '1000000',
    RATE_LIMIT_ACCOUNT_PER_MINUTE: '1000000',
    RATE_LIMIT_API_KEY_PER_MINUTE: '1000000',
    ...overrides,
  });
}
