import { exportJWK, generateKeyPair } from 'jose';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const POSTGRES =
  process.env.BENCH_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
export const REDIS = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

export async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  return port;
}

/** Runs one statement on the benchmark's PostgreSQL server (database-level DDL). */
export async function onServer(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A new database on the server for one benchmark run; `drop` removes it. */
export async function benchDatabase(
  label: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `bench_${label}_${Date.now()}`;
  await onServer(`CREATE DATABASE "${name}"`);
  const url = new URL(POSTGRES);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => onServer(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

export interface RunningApi {
  readonly port: number;
  readonly baseUrl: string;
  readonly stop: () => Promise<void>;
}

/**
 * The built API in its own process, in production mode, against `databaseUrl` and Redis; rate
 * limits out of the way (the benchmark is one client address). Resolves once it is ready.
 */
export async function startApi(databaseUrl: string): Promise<RunningApi> {
  const port = await freePort();
  const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), kid: 'bench' };
  const main = fileURLToPath(new URL('../../../apps/api/dist/main.js', import.meta.url));
  const api: ChildProcess = spawn(process.execPath, [main], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      REDIS_URL: REDIS,
      REDIS_KEY_PREFIX: `bench:${port}:`,
      JWT_SIGNING_KEYS: JSON.stringify([jwk]),
      LOG_LEVEL: 'warn',
      OPENAPI_ENABLED: 'false',
      RATE_LIMIT_PER_MINUTE: '100000000',
      RATE_LIMIT_AUTH_PER_MINUTE: '100000000',
      RATE_LIMIT_ACCOUNT_PER_MINUTE: '100000000',
    },
  });
  const stop = async (): Promise<void> => {
    if (api.exitCode !== null) return;
    api.kill('SIGTERM');
    await once(api, 'exit');
  };
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const ready = await fetch(`${baseUrl}/health/ready`).then(
      (res) => res.ok,
      () => false,
    );
    if (ready) return { port, baseUrl, stop };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await stop();
  throw new Error('the API did not become ready within 30 s');
}
