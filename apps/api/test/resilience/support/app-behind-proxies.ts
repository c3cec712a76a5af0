import { FaultProxy, requireHarnessEnv, targetOfUrl, workerDatabaseUrl } from '@libs/testing';
import type { Type } from '@nestjs/common';
import { startTestApp, type TestApp } from '../../support/test-app.js';

export interface AppBehindProxies extends TestApp {
  /** Between the app and this worker's PostgreSQL database. */
  readonly postgres: FaultProxy;
  /** Between the app and Redis. */
  readonly redis: FaultProxy;
}

/**
 * Short connection timeouts, so an outage is answered in about a second (production defaults
 * are a few seconds; the behaviour is the same).
 */
export const FAST_FAILURE_ENV = {
  DATABASE_CONNECT_TIMEOUT_MS: '1000',
  DATABASE_POOL_TIMEOUT_MS: '1000',
};

/**
 * The real app with PostgreSQL and Redis each reached through a FaultProxy of its own, so a test
 * can fail them without touching the services other tests use.
 */
export async function startAppBehindProxies({
  env = {},
  extraModules = [],
  beforeStart,
}: {
  env?: Record<string, string>;
  extraModules?: Type[];
  /** Sets faults before the app starts (a dependency that is down at startup). */
  beforeStart?: (proxies: { postgres: FaultProxy; redis: FaultProxy }) => void;
} = {}): Promise<AppBehindProxies> {
  const databaseUrl = workerDatabaseUrl();
  const { redisUrl } = requireHarnessEnv();
  const [postgres, redis] = await Promise.all([
    FaultProxy.start(targetOfUrl(databaseUrl)),
    FaultProxy.start(targetOfUrl(redisUrl)),
  ]);
  beforeStart?.({ postgres, redis });
  const app = await startTestApp(
    {
      ...FAST_FAILURE_ENV,
      DATABASE_URL: postgres.via(databaseUrl),
      REDIS_URL: redis.via(redisUrl),
      ...env,
    },
    extraModules,
  );
  return {
    ...app,
    postgres,
    redis,
    close: async () => {
      // Faults off first, so the app's shutdown is not held up by them.
      postgres.pass();
      redis.pass();
      await app.close();
      await Promise.all([postgres.close(), redis.close()]);
    },
  };
}
