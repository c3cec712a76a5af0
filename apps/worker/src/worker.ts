import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Config } from '@libs/config';
import { Logger } from 'nestjs-pino';
import { HealthServer } from './health/health-server.js';
import { WorkerLifecycle } from './worker-lifecycle.js';
import { WorkerModule, type WorkerOverrides } from './worker.module.js';

/** The worker as a Nest application context: no HTTP API, only its relay and consumers. */
export async function createWorker(
  config: Config,
  overrides: WorkerOverrides = {},
): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, overrides), {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  return app;
}

/**
 * Readiness 503, no new outbox batches or jobs, the ones in hand finish (BullMQ returns a job
 * that cannot finish to the queue when its lock lapses), then pools and connections close.
 */
export async function stopWorker(app: INestApplicationContext): Promise<void> {
  app.get(HealthServer).shuttingDown();
  await app.get(WorkerLifecycle).stop();
  await app.close();
}
