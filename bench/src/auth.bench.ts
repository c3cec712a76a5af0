/**
 * Login and register throughput of the built API next to the machine's Argon2id hash rate at
 * the service's parameters (the ceiling for both: each request hashes once).
 *
 *   pnpm bench:auth            (needs PostgreSQL and Redis; defaults: 127.0.0.1:5432 and :6379)
 *   BENCH_POSTGRES_URL=… BENCH_REDIS_URL=… BENCH_SECONDS=10 pnpm bench:auth
 *
 * The API runs in its own process (NODE_ENV=production), load comes from this one over loopback.
 */
import { deployMigrations } from '@libs/database';
import * as argon2 from 'argon2';
import autocannon from 'autocannon';
import { exportJWK, generateKeyPair } from 'jose';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const POSTGRES = process.env.BENCH_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const REDIS = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
/** The service's defaults (libs/config): m = 19 MiB, t = 2, p = 1, 4 hashes at once. */
const ARGON2 = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
const ARGON2_CONCURRENCY = 4;
const PASSWORD = 'benchmark passphrase 2026';

interface Row {
  scenario: string;
  'req/s': number;
  'p50 ms': number;
  'p99 ms': number;
  errors: number;
}

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  return port;
}

async function onServer(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function argon2Rate(): Promise<number> {
  const deadline = Date.now() + SECONDS * 1000;
  let hashes = 0;
  const worker = async (): Promise<void> => {
    while (Date.now() < deadline) {
      await argon2.hash(PASSWORD, ARGON2);
      hashes += 1;
    }
  };
  const started = Date.now();
  await Promise.all(Array.from({ length: ARGON2_CONCURRENCY }, worker));
  return hashes / ((Date.now() - started) / 1000);
}

async function startApi(databaseUrl: string, port: number): Promise<ChildProcess> {
  const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), kid: 'bench' };
  const main = fileURLToPath(new URL('../../apps/api/dist/main.js', import.meta.url));
  const api = spawn(process.execPath, [main], {
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
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const ready = await fetch(`http://127.0.0.1:${port}/health/ready`).then(
      (res) => res.ok,
      () => false,
    );
    if (ready) return api;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  api.kill('SIGKILL');
  throw new Error('the API did not become ready within 30 s');
}

async function load(
  scenario: string,
  port: number,
  path: string,
  body: () => string,
): Promise<Row> {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: [
      {
        method: 'POST',
        path,
        headers: { 'content-type': 'application/json' },
        setupRequest: (request) => ({ ...request, body: body() }),
      },
    ],
  });
  return {
    scenario,
    'req/s': Math.round(result.requests.average),
    'p50 ms': result.latency.p50,
    'p99 ms': result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

async function main(): Promise<void> {
  const database = `bench_auth_${Date.now()}`;
  await onServer(`CREATE DATABASE "${database}"`);
  const url = new URL(POSTGRES);
  url.pathname = `/${database}`;
  let api: ChildProcess | undefined;
  try {
    await deployMigrations(url.toString());
    const port = await freePort();
    api = await startApi(url.toString(), port);

    const hashRate = await argon2Rate();
    let counter = 0;
    const register = await load('register', port, '/v1/auth/register', () =>
      JSON.stringify({ email: `bench-${counter++}@example.com`, password: PASSWORD }),
    );
    const account = JSON.stringify({ email: 'bench-0@example.com', password: PASSWORD });
    const login = await load('login', port, '/v1/auth/login', () => account);

    const rows: (Row | Record<string, string | number>)[] = [
      {
        scenario: `argon2id hashes/s (${ARGON2_CONCURRENCY} at once)`,
        'req/s': Math.round(hashRate),
      },
      register,
      login,
    ];
    process.stdout.write(
      `\n${SECONDS}s per scenario, ${CONNECTIONS} connections, m=19 MiB t=2 p=1\n`,
    );
    console.table(rows);
    process.stdout.write(
      `login / argon2id = ${((login['req/s'] / hashRate) * 100).toFixed(0)} %, register / argon2id = ${((register['req/s'] / hashRate) * 100).toFixed(0)} %\n`,
    );
  } finally {
    api?.kill('SIGTERM');
    if (api) await once(api, 'exit');
    await onServer(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
