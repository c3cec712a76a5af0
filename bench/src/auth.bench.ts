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
import { CONNECTIONS, SECONDS, load, type Row } from './support/load.js';
import { benchDatabase, startApi } from './support/services.js';

/** The service's defaults (libs/config): m = 19 MiB, t = 2, p = 1, 4 hashes at once. */
const ARGON2 = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
const ARGON2_CONCURRENCY = 4;
const PASSWORD = 'benchmark passphrase 2026';

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

async function main(): Promise<void> {
  const database = await benchDatabase('auth');
  let stopApi: (() => Promise<void>) | undefined;
  try {
    await deployMigrations(database.url);
    const api = await startApi(database.url);
    stopApi = api.stop;

    const hashRate = await argon2Rate();
    let counter = 0;
    const register = await load(api.baseUrl, {
      name: 'register',
      method: 'POST',
      path: '/v1/auth/register',
      body: () => JSON.stringify({ email: `bench-${counter++}@example.com`, password: PASSWORD }),
    });
    const account = JSON.stringify({ email: 'bench-0@example.com', password: PASSWORD });
    const login = await load(api.baseUrl, {
      name: 'login',
      method: 'POST',
      path: '/v1/auth/login',
      body: () => account,
    });

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
    await stopApi?.();
    await database.drop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
