import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { PrismaService } from '@libs/database';
import { eventually, query, requireHarnessEnv, testConfig, workerDatabaseUrl } from '@libs/testing';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import request from 'supertest';
import {
  type ApiProcess,
  PROCESS_TEST_TIMEOUT_MS,
  startApiProcess,
} from '../support/api-process.js';
import { bearer, login, register, type Target, type Tokens } from '../support/identity.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { type AppBehindProxies, startAppBehindProxies } from './support/app-behind-proxies.js';
import { expectUnavailable, timed } from './support/expectations.js';
import { lockRows, lockUserRows } from './support/row-lock.js';

const STOCK = 5;

async function newProduct(): Promise<string> {
  const [product] = await query<{ id: string }>(
    workerDatabaseUrl(),
    `INSERT INTO products (id, sku, name, price_cents, currency, stock, updated_at)
     VALUES (gen_random_uuid(), $1, 'Retried mug', 100, 'EUR', $2, now()) RETURNING id`,
    [`SKU-${randomUUID()}`, STOCK],
  );
  return product!.id;
}

const placeOrder = (target: Target, token: string, productId: string, key: string) =>
  request(target)
    .post('/v1/orders')
    .set(...bearer(token))
    .set('Idempotency-Key', key)
    .send({ items: [{ productId, quantity: 1 }] });

/**
 * What a client does after a failed attempt: the same request with the same key until it gets
 * an answer for good. 503 and 409 in flight are the retryable ones (after `Retry-After`; here
 * at once, since the test knows the fault is over).
 */
async function retryUntilAnswered(send: () => request.Test): Promise<request.Response> {
  return eventually(
    'an answer for good',
    async () => {
      const res = await send();
      const inFlight = res.status === 409 && res.body.type === '/problems/idempotency-in-flight';
      return res.status === 503 || inFlight ? undefined : res;
    },
    { timeoutMs: 15_000, intervalMs: 100 },
  );
}

/** The books for one buyer and product: orders placed, and stock left. */
async function books(userId: string, productId: string) {
  const db = workerDatabaseUrl();
  const [orders] = await query<{ count: number }>(
    db,
    'SELECT count(*)::int AS count FROM orders WHERE user_id = $1',
    [userId],
  );
  const [product] = await query<{ stock: number }>(db, 'SELECT stock FROM products WHERE id = $1', [
    productId,
  ]);
  return { orders: orders?.count, stock: product?.stock };
}

/**
 * A retry of a failed order, with the same Idempotency-Key and body, either places the order or
 * replays the committed answer, whatever ended the first attempt: no key outlives its attempt.
 */
describe('an order retried after its attempt failed', () => {
  describe('PostgreSQL crashes while the order runs', () => {
    let t: AppBehindProxies;

    beforeAll(async () => {
      t = await startAppBehindProxies();
    });

    afterAll(async () => {
      await t.close();
    });

    it('answers 503, and the retry places exactly one order', async () => {
      const buyer = await register(t.server);
      const productId = await newProduct();
      const key = randomUUID();
      // The order stops mid-way (key taken, waiting for the product), as a slow one would.
      const lock = await lockRows('products', [productId]);
      try {
        const first = placeOrder(t.server, buyer.accessToken, productId, key).then((res) => res);
        await lock.blocked(1);
        t.postgres.refuse();
        expectUnavailable(await first);
      } finally {
        await lock.release();
      }
      t.postgres.pass();

      const retried = await retryUntilAnswered(() =>
        placeOrder(t.server, buyer.accessToken, productId, key),
      );
      expect(retried.status).toBe(201);
      expect(await books(buyer.user.id, productId)).toEqual({ orders: 1, stock: STOCK - 1 });
      const replay = await placeOrder(t.server, buyer.accessToken, productId, key).expect(201);
      expect(replay.body).toEqual(retried.body);
    });
  });

  describe('the API process is killed (SIGKILL) while the order runs', () => {
    let api: ApiProcess;
    let replica: TestApp;

    beforeAll(async () => {
      replica = await startTestApp();
      api = await startApiProcess({
        DATABASE_URL: workerDatabaseUrl(),
        REDIS_URL: requireHarnessEnv().redisUrl,
        REDIS_KEY_PREFIX: testConfig().redis.keyPrefix,
        RATE_LIMIT_PER_MINUTE: '1000000',
        RATE_LIMIT_AUTH_PER_MINUTE: '1000000',
        RATE_LIMIT_ACCOUNT_PER_MINUTE: '1000000',
      });
    }, PROCESS_TEST_TIMEOUT_MS);

    afterAll(async () => {
      await api.kill('SIGKILL');
      await replica.close();
    });

    it(
      'a retry on another replica places exactly one order',
      async () => {
        const buyer = await register(api.baseUrl);
        const productId = await newProduct();
        const key = randomUUID();
        const lock = await lockRows('products', [productId]);
        try {
          const first = placeOrder(api.baseUrl, buyer.accessToken, productId, key).then(
            (res) => res.status,
            () => 'no answer',
          );
          await lock.blocked(1);
          await api.kill('SIGKILL');
          expect(await first).toBe('no answer');
        } finally {
          await lock.release();
        }

        // Each process signs with keys of its own: sign in again on the replica.
        const again: Tokens = await login(replica.server, buyer.user.email);
        const retried = await retryUntilAnswered(() =>
          placeOrder(replica.server, again.accessToken, productId, key),
        );
        expect(retried.status).toBe(201);
        expect(await books(buyer.user.id, productId)).toEqual({ orders: 1, stock: STOCK - 1 });
      },
      PROCESS_TEST_TIMEOUT_MS,
    );
  });

  describe('the connection pool runs dry while the order runs', () => {
    const POOL_TIMEOUT_MS = 1_500;
    let t: TestApp;
    const side: pg.Client[] = [];

    beforeAll(async () => {
      t = await startTestApp({
        DATABASE_POOL_SIZE: '2',
        DATABASE_POOL_TIMEOUT_MS: String(POOL_TIMEOUT_MS),
      });
    });

    afterEach(async () => {
      await Promise.all(side.splice(0).map((client) => client.end()));
    });

    afterAll(async () => {
      await t.close();
    });

    it('answers 201 or 503, and the retry places exactly one order', async () => {
      const [buyer, first, second] = await Promise.all([
        register(t.server),
        register(t.server),
        register(t.server),
      ]);
      // Sessions looked up once, so they are cached: below, each request's one pool wait is its own.
      for (const tokens of [buyer, first, second])
        await request(t.server)
          .get('/v1/users/me')
          .set(...bearer(tokens.accessToken))
          .expect(200);
      const productId = await newProduct();
      const key = randomUUID();
      const rename = (tokens: Tokens): request.Test =>
        request(t.server)
          .patch('/v1/users/me')
          .set(...bearer(tokens.accessToken))
          .send({ name: 'renamed' });

      // Another attempt with the key, still open: the order waits for it, holding a connection.
      const twin = new pg.Client({ connectionString: workerDatabaseUrl() });
      side.push(twin);
      await twin.connect();
      await twin.query('BEGIN');
      await twin.query(
        `INSERT INTO idempotency_keys (user_id, key, request_hash, created_at, expires_at)
         VALUES ($1, $2, repeat('0', 64), now(), now() + interval '1 day')`,
        [buyer.user.id, key],
      );
      const users = await lockUserRows([first.user.id, second.user.id]);
      try {
        // One rename holds the other connection; the next one queues for the pool.
        const renamed = [rename(first).then((res) => res.status)];
        await users.blocked(1);
        const order = placeOrder(t.server, buyer.accessToken, productId, key).then((res) => res);
        await users.blocked(2);
        renamed.push(rename(second).then((res) => res.status));
        const pool = t.app.get(PrismaService);
        await eventually('a request queued for the pool', () => pool.poolStats().waiting >= 1);
        // The twin dies: the key is free, and the queued rename takes the next free connection.
        await twin.query('ROLLBACK');
        const { value: answer, ms } = await timed(() => order);
        if (answer.status !== 201) expectUnavailable(answer);
        // Whatever it answers, it waited for the pool once at most (no second wait to clean up).
        expect(ms).toBeLessThan(POOL_TIMEOUT_MS + 500);
        await users.release();
        expect(await Promise.all(renamed)).toEqual([200, 200]);
      } finally {
        await users.release();
      }

      const retried = await retryUntilAnswered(() =>
        placeOrder(t.server, buyer.accessToken, productId, key),
      );
      expect(retried.status).toBe(201);
      expect(await books(buyer.user.id, productId)).toEqual({ orders: 1, stock: STOCK - 1 });
    });
  });
});
