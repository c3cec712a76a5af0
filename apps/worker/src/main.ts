import { loadConfig } from '@libs/config';
import { MetricsServer } from '@libs/observability';
import { Logger } from 'nestjs-pino';
import { HealthServer } from './health/health-server.js';
import { createWorker, stopWorker } from './worker.js';

/** Production entry point of the worker: configuration comes from the environment only. */
async function main(): Promise<void> {
  // The worker signs no tokens: JWT_SIGNING_KEYS is not required (nor given to it) in production.
  const config = loadConfig(process.env, { signingKeys: false });
  if (!config.database.url || !config.redis.url)
    throw new Error('The worker needs DATABASE_URL and REDIS_URL.');
  const app = await createWorker(config);
  const logger = app.get(Logger);
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal} received: finishing the jobs in hand`);
    setTimeout(() => {
      logger.error(`shutdown took longer than ${config.shutdownTimeoutMs} ms; exiting`);
      process.exit(1);
    }, config.shutdownTimeoutMs).unref();
    stopWorker(app).then(
      () => {
        logger.log('shutdown complete');
        process.exitCode = 0;
        // Telemetry gets a moment to flush; an exporter retrying a gone collector must not
        // keep the process alive.
        setTimeout(() => process.exit(), 2_000).unref();
      },
      (error: unknown) => {
        logger.error(`shutdown failed: ${String(error)}`);
        process.exitCode = 1;
      },
    );
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
  const healthPort = await app.get(HealthServer).listen(config.http.host, config.http.port);
  const metricsPort = await app.get(MetricsServer).listen(config.http.host, config.metricsPort);
  logger.log(`worker running; health on port ${healthPort}, metrics on port ${metricsPort}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
