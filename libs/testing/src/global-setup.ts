import type { Config } from 'jest';
import { writeHarnessEnv, readHarnessEnv } from './harness-env.js';
import { createTestDatabases, assertTestDatabase } from './test-databases.js';
import { startTestServices } from './test-services.js';
import { harnessState } from './harness-state.js';

/**
 * Starts (or finds) PostgreSQL and Redis once per jest run, shared by the integration and e2e
 * projects: a second project's setup finds the first one's services and only counts itself in.
 */
export default async function globalSetup(globalConfig: Config): Promise<void> {
  const state = harnessState();
  state.users += 1;
  if (readHarnessEnv()) return;

  const services = await startTestServices();
  if (services.source === 'env') assertTestDatabase(services.postgresUrl);
  const runId = `${Date.now().toString(36)}${process.pid.toString(36)}`;
  const workers = Math.max(1, Number(globalConfig.maxWorkers ?? 1));
  await createTestDatabases(services.postgresUrl, runId, workers);
  state.services = services;
  writeHarnessEnv({ runId, postgresUrl: services.postgresUrl, redisUrl: services.redisUrl });
  process.stderr.write(
    `\n[test harness] PostgreSQL and Redis from ${services.source}; ${workers} worker database(s)\n`,
  );
}
