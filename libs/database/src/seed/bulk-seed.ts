import pg from 'pg';

export interface BulkSeedOptions {
  /** Catalog size, e.g. 10 000 (created on the first run only). */
  readonly products: number;
  /** Buyers the orders are spread over (created on the first run only). */
  readonly users: number;
  /** Orders to add (1 to 3 lines each), e.g. 1 000 000. */
  readonly orders: number;
  /** Argon2id hash every bulk user gets, so benchmarks can sign in as one. */
  readonly passwordHash?: string;
  /** Orders per transaction: big enough to be fast, small enough to show progress. */
  readonly batch?: number;
  readonly onProgress?: (message: string) => void;
}

/** The email of bulk user `n` (1-based). */
export const bulkUserEmail = (n: number): string => `bulk-user-${n}@example.com`;

/**
 * A UUIDv7 for a timestamp, in SQL (PostgreSQL 15 has no uuidv7()): the random UUID's first
 * 48 bits replaced by the Unix time in milliseconds, version nibble 4 → 7.
 */
const UUID7_FUNCTION = `
  CREATE FUNCTION pg_temp.uuid7(ts timestamptz) RETURNS uuid LANGUAGE sql VOLATILE AS $$
    SELECT encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid())
      PLACING substring(int8send(floor(extract(epoch FROM ts) * 1000)::bigint) FROM 3)
      FROM 1 FOR 6), 52, 1), 53, 1), 'hex')::uuid $$`;

const CATALOG_SQL = `
  INSERT INTO products (id, sku, name, description, price_cents, currency, stock, created_at, updated_at)
  SELECT pg_temp.uuid7(ts), 'BULK-' || n,
         'Product ' || n || ' ' || (ARRAY['mug', 'lamp', 'desk', 'pen', 'bag'])[1 + n % 5],
         '', 100 + (n * 37) % 10000, 'EUR', 1000000, ts, ts
  FROM generate_series(1, $1::int) AS n,
       LATERAL (SELECT now() - ($1::int - n) * interval '1 minute' AS ts) AS t`;

const USERS_SQL = `
  INSERT INTO users (id, email, name, password_hash, created_at, updated_at)
  SELECT pg_temp.uuid7(now()), 'bulk-user-' || n || '@example.com', 'Bulk user ' || n, $2, now(), now()
  FROM generate_series(1, $1::int) AS n`;

/** Numbered copies of the bulk rows, so an order picks its user and products by arithmetic. */
const NUMBERED_SQL = `
  CREATE TEMP TABLE bulk_products AS
    SELECT row_number() OVER (ORDER BY created_at, id) - 1 AS n, id, sku, name, price_cents
    FROM products WHERE sku LIKE 'BULK-%';
  CREATE UNIQUE INDEX ON bulk_products (n);
  CREATE TEMP TABLE bulk_users AS
    SELECT row_number() OVER (ORDER BY email) - 1 AS n, id FROM users
    WHERE email LIKE 'bulk-user-%@example.com';
  CREATE UNIQUE INDEX ON bulk_users (n);`;

/** Orders $1..$2 of $3 (order $3 is the newest, one second apart); $4 products. */
const LINES_SQL = `
  CREATE TEMP TABLE bulk_lines ON COMMIT DROP AS
    SELECT o.i, o.id AS order_id, o.ts, k AS line_no, p.id AS product_id, p.sku, p.name,
           1 + (o.i + k) % 3 AS quantity, p.price_cents AS unit_price_cents
    FROM (SELECT i, ts, pg_temp.uuid7(ts) AS id
          FROM generate_series($1::int, $2::int) AS i,
               LATERAL (SELECT now() - ($3::int - i) * interval '1 second' AS ts) AS t) AS o
    CROSS JOIN LATERAL generate_series(0, o.i % 3) AS k
    JOIN bulk_products AS p ON p.n = (o.i * 7 + k * 13) % $4::int`;

const ORDERS_SQL = `
  INSERT INTO orders (id, user_id, status, total_cents, currency, created_at, updated_at)
  SELECT l.order_id, u.id,
         (enum_range(NULL::order_status))[1 + l.i % 5],
         sum(l.quantity * l.unit_price_cents), 'EUR', l.ts, l.ts
  FROM bulk_lines AS l JOIN bulk_users AS u ON u.n = l.i % $1::int
  GROUP BY l.i, l.order_id, l.ts, u.id`;

const ORDER_LINES_SQL = `
  INSERT INTO order_lines (order_id, line_no, product_id, sku, name, quantity, unit_price_cents)
  SELECT order_id, line_no, product_id, sku, name, quantity, unit_price_cents FROM bulk_lines`;

/**
 * Fills a database with a large, deterministic data set for benchmarks and query-plan checks,
 * generated inside PostgreSQL (generate_series), so a million orders take seconds, not hours.
 * Orders are one second apart, statuses cycle through every status, and every order's total
 * matches its lines. Stock is not decremented: this is history, not traffic.
 * Products and users are created on the first run; each run adds `orders` more, so a benchmark
 * can grow one database from 10 k to 1 M orders.
 */
export async function seedBulkData(databaseUrl: string, options: BulkSeedOptions): Promise<void> {
  const { products, users, orders, passwordHash = null, batch = 100_000 } = options;
  const progress = options.onProgress ?? (() => undefined);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(UUID7_FUNCTION);
    const seeded = await client.query(`SELECT 1 FROM products WHERE sku = 'BULK-1'`);
    if (!seeded.rowCount) {
      await client.query(CATALOG_SQL, [products]);
      await client.query(USERS_SQL, [users, passwordHash]);
      progress(`${products} products, ${users} users`);
    }
    await client.query(NUMBERED_SQL);
    const { rows } = await client.query<{ count: string }>('SELECT count(*) FROM orders');
    const first = Number(rows[0]?.count ?? 0) + 1;
    const last = first + orders - 1;
    const productCount = (await client.query('SELECT 1 FROM bulk_products')).rowCount ?? 0;
    const userCount = (await client.query('SELECT 1 FROM bulk_users')).rowCount ?? 0;
    for (let from = first; from <= last; from += batch) {
      const to = Math.min(last, from + batch - 1);
      await client.query('BEGIN');
      await client.query(LINES_SQL, [from, to, last, productCount]);
      await client.query(ORDERS_SQL, [userCount]);
      await client.query(ORDER_LINES_SQL);
      await client.query('COMMIT');
      progress(`${to - first + 1} of ${orders} orders`);
    }
    await client.query('ANALYZE products, users, orders, order_lines');
  } finally {
    await client.end();
  }
}
