import { loadConfig } from '@libs/config';
import { MetricsServer } from '@libs/observability';
import { Logger } from 'nestjs-pino';
import type { AddressInfo } from 'node:net';
import { createApp } from './app.factory.js';
import { exitGracefullyOnSignals } from './platform/lifecycle/graceful-shutdown.js';

/** Production entry point: configuration comes from the environment only. */
async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.database.url) {
    throw new Error(
      'DATABASE_URL is not set (for a local run with an embedded database: npm start)',
    );
  }
  const app = await createApp(config);
  const logger = app.get(Logger);
  exitGracefullyOnSignals(app, config.shutdownTimeoutMs, (message) => logger.log(message));
  const metricsPort = await app.get(MetricsServer).listen(config.http.host, config.metricsPort);
  await app.listen({ host: config.http.host, port: config.http.port });
  const { port } = app.getHttpServer().address() as AddressInfo;
  logger.log(`listening on port ${port}, metrics on port ${metricsPort}`);
}

main().catch((error: unknown) => {
  // Configuration errors list every bad variable; nothing else is expected here.
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
