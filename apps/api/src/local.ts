import { loadConfig, type Config } from '@libs/config';
import { PrismaService } from '@libs/database';
import { startEmbeddedPostgres } from '@libs/database/embedded';
import { deployMigrations, repoRoot } from '@libs/database/migrate';
import { DEMO_ACCOUNTS, DEMO_PRODUCTS, seedDemoData } from '@libs/database/seed';
import { MetricsServer } from '@libs/observability';
import { Logger } from 'nestjs-pino';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createApp } from './app.factory.js';
import { PasswordHasher } from './auth/passwords/password-hasher.js';
import { developmentSigningKey } from './auth/tokens/development-signing-key.js';
import { startInProcessWorker } from './local/in-process-worker.js';
import { developmentMfaKey } from './mfa/development-mfa-key.js';
import { LOCAL_HOST, localEnvironment } from './local/local-environment.js';
import { exitGracefullyOnSignals } from './platform/lifecycle/graceful-shutdown.js';
import { DOCS_PATH } from './platform/openapi/openapi.js';

/** Kept between runs of `npm start` (git-ignored), so tokens outlive a restart. */
const DEV_SIGNING_KEY_FILE = join('.cache', 'dev-signing-key.json');
/** Kept the same way, so TOTP secrets enrolled here still open after a restart. */
const DEV_MFA_KEY_FILE = join('.cache', 'dev-mfa-key.txt');

/**
 * `npm start`: the API for a laptop. It listens on 127.0.0.1 unless HOST is set. Without
 * DATABASE_URL it runs an embedded PostgreSQL (PGlite, data in .cache/pglite) and seeds demo
 * data; without REDIS_URL state stays in process; without JWT_SIGNING_KEYS (MFA_ENCRYPTION_KEYS)
 * it signs tokens (seals TOTP secrets) with a key kept in .cache; with LOCAL_WORKER=true (and Redis) the worker runs in this process too.
 * Migrations are applied either way. Production uses main.ts, which never embeds anything.
 */
async function local(): Promise<void> {
  // A stop asked for while starting (`npm run dev` restarting on a save) waits until the app
  // can drain: the embedded database must be closed cleanly, never cut off mid-write.
  const early: NodeJS.Signals[] = [];
  const deferStop = (signal: NodeJS.Signals): void => {
    early.push(signal);
  };
  process.on('SIGTERM', deferStop);
  process.on('SIGINT', deferStop);

  let config: Config = loadConfig(localEnvironment(process.env));
  // Production requires configured keys (loadConfig refuses to start without them).
  const keyIsKept = !config.auth.signingKeys;
  if (keyIsKept) {
    const key = await developmentSigningKey(join(repoRoot(), DEV_SIGNING_KEY_FILE));
    config = { ...config, auth: { ...config.auth, signingKeys: [key] } };
  }
  const mfaKeyIsKept = !config.mfa.encryptionKeys;
  if (mfaKeyIsKept) {
    const key = await developmentMfaKey(join(repoRoot(), DEV_MFA_KEY_FILE));
    config = { ...config, mfa: { ...config.mfa, encryptionKeys: [key] } };
  }
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
  const worker = config.worker.inProcess ? await startInProcessWorker(config) : undefined;

  exitGracefullyOnSignals(
    app,
    config.shutdownTimeoutMs,
    (message) => logger.log(message),
    async () => {
      // After the API drained: the orders it placed meanwhile still reach the outbox relay.
      await worker?.stop();
      await embedded?.stop();
    },
  );
  process.off('SIGTERM', deferStop);
  process.off('SIGINT', deferStop);
  const [pending] = early;
  if (pending) {
    // Handed to the graceful shutdown just registered; there is nothing left to serve.
    process.kill(process.pid, pending);
    return;
  }
  const metricsPort = await app.get(MetricsServer).listen(config.http.host, config.metricsPort);
  await app.listen({ host: config.http.host, port: config.http.port });

  const { address, port } = app.getHttpServer().address() as AddressInfo;
  const base = `http://localhost:${port}`;
  const lines = [
    '',
    `  API        ${base}/v1`,
    config.openApiEnabled
      ? `  API docs   ${base}${DOCS_PATH}`
      : '  API docs   switched off (OPENAPI_ENABLED=false)',
    `  Health     ${base}/health/ready`,
    `  Metrics    http://localhost:${metricsPort}/metrics`,
    address === LOCAL_HOST
      ? `  Listening  on ${address} only: this machine (HOST=0.0.0.0 opens it to others)`
      : `  Listening  on ${address}`,
    `  Database   ${embedded ? 'embedded PostgreSQL (.cache/pglite)' : 'DATABASE_URL'}`,
    `  Redis      ${config.redis.url ? 'REDIS_URL' : 'none: cache and rate limits in process'}`,
    worker
      ? '  Worker     in this process: outbox delivery, notifications, maintenance'
      : '  Worker     not running (LOCAL_WORKER=true with REDIS_URL runs it here)',
    `  Tokens     ${keyIsKept ? `signed with the key in ${DEV_SIGNING_KEY_FILE}` : 'JWT_SIGNING_KEYS'}`,
    `  MFA        TOTP secrets sealed with ${mfaKeyIsKept ? `the key in ${DEV_MFA_KEY_FILE}` : 'MFA_ENCRYPTION_KEYS'}`,
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
