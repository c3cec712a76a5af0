import { loadConfig, type Config } from '@libs/config';
import {
  DEMO_ACCOUNTS,
  DEMO_PRODUCTS,
  PrismaService,
  deployMigrations,
  repoRoot,
  seedDemoData,
  startEmbeddedPostgres,
} from '@libs/database';
import { MetricsServer } from '@libs/observability';
import { Logger } from 'nestjs-pino';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createApp } from './app.factory.js';
import { PasswordHasher } from './auth/passwords/password-hasher.js';
import { exitGracefullyOnSignals } from './platform/lifecycle/graceful-shutdown.js';
import { DOCS_PATH } from './platform/openapi/openapi.js';

/**
 * `npm start`: the API for a laptop. Without DATABASE_URL it runs an embedded PostgreSQL
 * (PGlite, data in .cache/pglite) and seeds demo data; without REDIS_URL state stays in process.
 * Migrations are applied either way. Production uses main.ts, which never embeds anything.
 */
async function local(): Promise<void> {
  let config: Config = loadConfig();
  const embedded = config.database.url
    ? undefined
    : await startEmbeddedPostgres({ dataDir: join(repoRoot(), '.cache', 'pglite') });
  if (embedded) config = { ...config, database: { ...config.database, url: embedded.url } };
  const databaseUrl = config.database.url ?? '';

  const applied = await deployMigrations(databaseUrl);
  const app = await createApp(config);
  const logger = app.get(Logger);
  for (const name of applied) logger.log(`migration applied: ${name}`);
  if (embedded) {
    const hasher = app.get(PasswordHasher);
    await seedDemoData(app.get(PrismaService), (password) => hasher.hash(password));
  }

  exitGracefullyOnSignals(
    app,
    config.shutdownTimeoutMs,
    (message) => logger.log(message),
    async () => {
      await embedded?.stop();
    },
  );
  const metricsPort = await app.get(MetricsServer).listen(config.http.host, config.metricsPort);
  await app.listen({ host: config.http.host, port: config.http.port });

  const { port } = app.getHttpServer().address() as AddressInfo;
  const base = `http://localhost:${port}`;
  const lines = [
    '',
    `  API        ${base}/v1`,
    config.openApiEnabled
      ? `  API docs   ${base}${DOCS_PATH}`
      : '  API docs   switched off (OPENAPI_ENABLED=false)',
    `  Health     ${base}/health/ready`,
    `  Metrics    http://localhost:${metricsPort}/metrics`,
    `  Database   ${embedded ? 'embedded PostgreSQL (.cache/pglite)' : 'DATABASE_URL'}`,
    `  Redis      ${config.redis.url ? 'REDIS_URL' : 'none: cache and rate limits in process'}`,
    ...(embedded
      ? [
          `  Demo products: ${DEMO_PRODUCTS.map(({ sku }) => sku).join(', ')}`,
          '  Demo accounts:',
          ...DEMO_ACCOUNTS.map(
            ({ role, email, password }) =>
              `    ${role.padEnd(6)} ${email.padEnd(20)} password: ${password}`,
          ),
        ]
      : []),
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

local().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
