import type { Config } from '@libs/config';
import { testConfig } from '@libs/testing';
import type { INestApplicationContext } from '@nestjs/common';
import { createWorker, stopWorker } from '../../src/worker.js';
import type { WorkerOverrides } from '../../src/worker.module.js';

export { RecordingMailSender } from '../fakes/mail-sender.fake.js';

export interface TestWorker {
  readonly app: INestApplicationContext;
  readonly config: Config;
  stop(): Promise<void>;
}

/**
 * The real worker on this jest worker's database. Retries are fast (JOB_BACKOFF_MS 10) and the
 * relay polls often, so tests wait milliseconds, not seconds. Workers that should share queues
 * get the same REDIS_KEY_PREFIX.
 */
export async function startTestWorker(
  env: Record<string, string | undefined> = {},
  overrides: WorkerOverrides = {},
): Promise<TestWorker> {
  const config = testConfig({
    JOB_BACKOFF_MS: '10',
    JOB_ATTEMPTS: '4',
    OUTBOX_POLL_INTERVAL_MS: '20',
    ...env,
  });
  const app = await createWorker(config, overrides);
  return { app, config, stop: () => stopWorker(app) };
}
