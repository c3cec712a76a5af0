/**
 * Order-list latency at 10 k and 1 M orders: the first page and a deep page (a cursor 90 % of
 * the way down) must cost the same, because listing is keyset pagination on an index.
 *
 *   pnpm bench:orders          (needs PostgreSQL and Redis; defaults: 127.0.0.1:5432 and :6379)
 *   BENCH_ORDERS=10000,1000000 BENCH_SECONDS=10 pnpm bench:orders
 *
 * Seeds one database (db:seed:bulk's generator), growing it between sizes; the API runs in its
 * own process (NODE_ENV=production), load comes from this one over loopback.
 */
import { bulkUserEmail, deployMigrations, seedBulkData } from '@libs/database';
import * as argon2 from 'argon2';
import pg from 'pg';
import { CONNECTIONS, SECONDS, load, type Row } from './support/load.js';
import { benchDatabase, startApi } from './support/services.js';

const SIZES = (process.env.BENCH_ORDERS ?? '10000,1000000').split(',').map(Number);
const USERS = 100;
const PASSWORD = 'benchmark passphrase 2026';

/** The API's cursor format (apps/api/src/platform/pagination/cursor.ts): opaque to clients. */
const cursorOf = (createdAt: Date, id: string): string =>
  Buffer.from(JSON.stringify({ k: createdAt.toISOString(), i: id })).toString('base64url');

async function deepCursor(databaseUrl: string, userId?: string): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const where = userId ? 'WHERE user_id = $1' : '';
    const params = userId ? [userId] : [];
    const { rows: counted } = await client.query<{ count: string }>(
      `SELECT count(*) FROM orders ${where}`,
      params,
    );
    const offset = Math.floor(Number(counted[0]?.count ?? 0) * 0.9);
    const { rows } = await client.query<{ created_at: Date; id: string }>(
      `SELECT created_at, id FROM orders ${where} ORDER BY created_at DESC, id DESC OFFSET ${offset} LIMIT 1`,
      params,
    );
    const [row] = rows;
    if (!row) throw new Error('no orders to page through');
    return cursorOf(row.created_at, row.id);
  } finally {
    await client.end();
  }
}

async function signIn(baseUrl: string, email: string): Promise<{ token: string; id: string }> {
  const res = await fetch(`${baseUrl}/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (!res.ok) throw new Error(`login failed: ${res.status}`);
  const body = (await res.json()) as { accessToken: string; user: { id: string } };
  return { token: body.accessToken, id: body.user.id };
}

async function main(): Promise<void> {
  const database = await benchDatabase('orders');
  let stopApi: (() => Promise<void>) | undefined;
  const rows: (Row & { orders: number })[] = [];
  try {
    await deployMigrations(database.url);
    const passwordHash = await argon2.hash(PASSWORD, { type: argon2.argon2id });
    let seeded = 0;
    for (const size of SIZES) {
      const started = Date.now();
      await seedBulkData(database.url, {
        products: 10_000,
        users: USERS,
        orders: size - seeded,
        passwordHash,
      });
      seeded = size;
      process.stdout.write(`seeded ${size} orders in ${(Date.now() - started) / 1000} s\n`);
      await stopApi?.();
      const api = await startApi(database.url);
      stopApi = api.stop;
      // Bulk user 1 is promoted to admin, user 2 stays a buyer.
      const pool = new pg.Client({ connectionString: database.url });
      await pool.connect();
      await pool.query(`UPDATE users SET role = 'admin' WHERE email = $1`, [bulkUserEmail(1)]);
      await pool.end();
      const admin = await signIn(api.baseUrl, bulkUserEmail(1));
      const buyer = await signIn(api.baseUrl, bulkUserEmail(2));
      const scenarios = [
        { name: 'all orders, first page (admin)', token: admin.token, cursor: undefined },
        {
          name: 'all orders, page at 90 % (admin)',
          token: admin.token,
          cursor: await deepCursor(database.url),
        },
        { name: 'own orders, first page', token: buyer.token, cursor: undefined },
        {
          name: 'own orders, page at 90 %',
          token: buyer.token,
          cursor: await deepCursor(database.url, buyer.id),
        },
      ];
      for (const { name, token, cursor } of scenarios) {
        const path = `/v1/orders?limit=20${cursor ? `&cursor=${cursor}` : ''}`;
        const row = await load(api.baseUrl, {
          name,
          path,
          headers: { authorization: `Bearer ${token}` },
        });
        rows.push({ orders: size, ...row });
      }
    }
    process.stdout.write(`\n${SECONDS}s per scenario, ${CONNECTIONS} connections, 20 per page\n`);
    console.table(rows);
    for (const size of SIZES) {
      const p50 = (name: string): number =>
        rows.find((row) => row.orders === size && row.scenario === name)?.['p50 ms'] ?? NaN;
      const ratio = (deep: string, first: string): string =>
        (p50(deep) / Math.max(p50(first), 0.001)).toFixed(2);
      process.stdout.write(
        `${size} orders: deep/first p50 = ${ratio('all orders, page at 90 % (admin)', 'all orders, first page (admin)')} (all), ${ratio('own orders, page at 90 %', 'own orders, first page')} (own)\n`,
      );
    }
  } finally {
    await stopApi?.();
    await database.drop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
