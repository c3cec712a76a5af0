/**
 * The ceilings: bare Fastify servers doing only the essential work of a scenario, run as their
 * own processes exactly like the API, so "API / ceiling" says how much the framework, auth,
 * validation and the rest cost on top.
 *
 *   node bench/dist/ceilings/bare-server.js json|pg|pg-user|pg-users|redis   (PORT, BENCH_* from the suite)
 *
 * - json:     GET /product answers the JSON of a product read (BENCH_PRODUCT_JSON), serialized per
 *             request; GET /hello answers `{"status":"ok"}` (what GET /health/live answers).
 * - pg:       GET /orders/:id reads one order and its lines by primary key through a pg pool of
 *             the API's default size, in one statement, and answers it as JSON.
 * - pg-user:  GET /users/:id reads one user's public columns by primary key (what /v1/users/me answers).
 * - pg-users: GET /users answers the first 20 users in (created_at, id) order (the admin list's page).
 * - redis: GET /product answers one Redis GET (the cached product the API reads).
 */
import Fastify from 'fastify';
import { Redis } from 'ioredis';
import pg from 'pg';

const mode = process.argv[2] ?? '';
const app = Fastify({ logger: false });
app.get('/ready', () => ({ status: 'ok' }));

const ORDER_SQL = `
  SELECT o.id, o.user_id AS "userId", o.status, o.total_cents::float8 AS "totalCents", o.currency,
         o.created_at AS "createdAt", o.updated_at AS "updatedAt",
         coalesce((SELECT json_agg(json_build_object('productId', l.product_id, 'sku', l.sku,
                     'name', l.name, 'quantity', l.quantity, 'unitPriceCents', l.unit_price_cents)
                     ORDER BY l.line_no)
                   FROM order_lines AS l WHERE l.order_id = o.id), '[]') AS items
  FROM orders AS o WHERE o.id = $1`;

let close: () => Promise<void> = () => Promise.resolve();
switch (mode) {
  case 'json': {
    const product = JSON.parse(process.env.BENCH_PRODUCT_JSON ?? '{}') as unknown;
    app.get('/product', () => product);
    // The same fixed answer as the API's liveness probe.
    app.get('/hello', () => ({ status: 'ok' }));
    break;
  }
  case 'pg': {
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
    app.get<{ Params: { id: string } }>('/orders/:id', async (request, reply) => {
      const { rows } = await pool.query(ORDER_SQL, [request.params.id]);
      const [order] = rows as unknown[];
      if (order === undefined) return reply.status(404).send({ status: 404 });
      return order;
    });
    close = () => pool.end();
    break;
  }
  case 'pg-user':
  case 'pg-users': {
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
    const columns = `id, email, name, role::text AS role, created_at AS "createdAt"`;
    app.get<{ Params: { id: string } }>('/users/:id', async (request, reply) => {
      const { rows } = await pool.query(`SELECT ${columns} FROM users WHERE id = $1`, [
        request.params.id,
      ]);
      const [user] = rows as unknown[];
      if (user === undefined) return reply.status(404).send({ status: 404 });
      return user;
    });
    app.get('/users', async () => {
      const { rows } = await pool.query(
        `SELECT ${columns} FROM users ORDER BY created_at, id LIMIT 21`,
      );
      return { items: rows.slice(0, 20), nextCursor: null };
    });
    close = () => pool.end();
    break;
  }
  case 'redis': {
    const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    const key = process.env.BENCH_REDIS_KEY ?? 'bench:product';
    app.get('/product', async (_request, reply) => {
      const value = await redis.get(key);
      return reply.type('application/json').send(value);
    });
    close = async () => {
      await redis.quit();
    };
    break;
  }
  default:
    throw new Error(`unknown ceiling "${mode}": json, pg, pg-user, pg-users or redis`);
}

process.once('SIGTERM', () => {
  void app
    .close()
    .then(close)
    .then(() => process.exit(0));
});
await app.listen({ host: process.env.HOST ?? '127.0.0.1', port: Number(process.env.PORT ?? 0) });
