import {
  FaultProxy,
  requireHarnessEnv,
  targetOfUrl,
  testConfig,
  workerDatabaseUrl,
} from '@libs/testing';
import { type ApiProcess, startApiProcess } from '../../support/api-process.js';

export interface ApiProcessBehindProxy extends ApiProcess {
  /** Between the process and this worker's PostgreSQL database. */
  readonly postgres: FaultProxy;
  /** Stops the process (at once if it already stopped), then the proxy. */
  close(): Promise<void>;
}

/**
 * The built main.js (a real process, real signals) on this worker's database reached through a
 * FaultProxy, so a test can stall PostgreSQL and hold requests in flight, and on Redis under this
 * run's prefix. Rate limits are out of the way of the load these tests send; it logs at info,
 * where its shutdown says what it does. `env` adds to that.
 */
export async function startApiProcessBehindProxy(
  env: Record<string, string> = {},
): Promise<ApiProcessBehindProxy> {
  const databaseUrl = workerDatabaseUrl();
  const postgres = await FaultProxy.start(targetOfUrl(databaseUrl));
  let api: ApiProcess;
  try {
    api = await startApiProcess({
      DATABASE_URL: postgres.via(databaseUrl),
      REDIS_URL: requireHarnessEnv().redisUrl,
      REDIS_KEY_PREFIX: testConfig().redis.keyPrefix,
      LOG_LEVEL: 'info',
      RATE_LIMIT_PER_MINUTE: '1000000',
      RATE_LIMIT_AUTH_PER_MINUTE: '1000000',
      RATE_LIMIT_ACCOUNT_PER_MINUTE: '1000000',
      ...env,
    });
  } catch (error) {
    await postgres.close();
    throw error;
  }
  return {
    ...api,
    postgres,
    close: async () => {
      // The fault off first, so the shutdown is not held up by it.
      postgres.pass();
      await api.stop();
      await postgres.close();
    },
  };
}
