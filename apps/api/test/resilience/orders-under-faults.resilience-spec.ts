import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { eventually, query, workerDatabaseUrl } from '@libs/testing';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { bearer, register, type Tokens } from '../support/identity.js';
import { type AppBehindProxies, startAppBehindProxies } from './support/app-behind-proxies.js';
import { PROBLEM } from './support/expectations.js';
import { listenOnLoopback } from './support/listen.js';
import { Load, type Outcome } from './support/load.js';

const LOOPS = 4;
const STOCK = 60;
const HANG_MS = 3_000;

/**
 * Orders while PostgreSQL crashes and comes back. Each loop places orders of one unit; a request
 * answered 503 (or not at all) is retried with the same Idempotency-Key, as a client should.
 * Whatever the fault did, the books must balance: stock never negative, initial stock = stock +
 * ordered quantities, at most one order per key, and every 201 backed by an order in the database.
 */
describe('orders while PostgreSQL crashes', () => {
  let t: AppBehindProxies;
  let url: string;
  let buyers: Tokens[];
  let productId: string;

  beforeAll(async () => {
    t = await startAppBehindProxies();
    url = await listenOnLoopback(t.app);
    // Traffic starts once the app is ready, as behind a load balancer: on a busy machine the
    // first connections to PostgreSQL can take longer than the fast-failure timeouts.
    await eventually('readiness', async () => (await request(url).get('/health/ready')).ok);
    buyers = [];
    for (let i = 0; i < LOOPS; i += 1) buyers.push(await register(t.server));
    const [product] = await query<{ id: string }>(
      workerDatabaseUrl(),
      `INSERT INTO products (id, sku, name, price_cents, currency, stock, updated_at)
       VALUES (gen_random_uuid(), $1, 'Fault-tolerant mug', 100, 'EUR', $2, now()) RETURNING id`,
      [`SKU-${randomUUID()}`, STOCK],
    );
    productId = product!.id;
  });

  afterAll(async () => {
    await t.close();
  });

  /** The key a loop uses next: the last one again unless its order was answered for good. */
  function keyFor(loop: number, outcomes: readonly Outcome[]): string {
    const last = outcomes.findLast((o) => o.loop === loop);
    const unanswered = last !== undefined && (last.status === 0 || last.status === 503);
    return unanswered ? (last.sent as string) : randomUUID();
  }

  it('keeps stock and orders consistent, one order per key, every 201 backed', async () => {
    const place = (loop: number, key: string): request.Test =>
      request(url)
        .post('/v1/orders')
        .set(...bearer(buyers[loop]!.accessToken))
        .set('Idempotency-Key', key)
        .send({ items: [{ productId, quantity: 1 }] });
    // The loops start inside the constructor: the first request of each sees no outcomes yet.
    const started: { load?: Load } = {};
    const load = new Load(LOOPS, (loop) => {
      const key = keyFor(loop, started.load?.outcomes ?? []);
      return { kind: 'order', sent: key, test: place(loop, key) };
    });
    started.load = load;
    try {
      await eventually('orders before the fault', () => load.in('before').length >= 8);
      load.phase = 'fault';
      t.postgres.refuse();
      await eventually('orders during the fault', () => load.in('fault').length >= 12);
      load.phase = 'recovering';
      t.postgres.pass();
      await eventually('readiness', async () => (await request(url).get('/health/ready')).ok);
      load.phase = 'after';
      await eventually('orders after recovery', () => load.in('after').length >= 8);
    } finally {
      await load.stop();
    }

    expect(load.in('fault').some((o) => o.status === 503)).toBe(true);

    // Finish what the fault left open: each loop's last unanswered key is retried to an answer.
    for (let loop = 0; loop < LOOPS; loop += 1) {
      const last = load.outcomes.findLast((o) => o.loop === loop);
      if (last && (last.status === 0 || last.status === 503)) {
        const res = await place(loop, last.sent as string);
        expect([201, 409]).toContain(res.status);
      }
    }

    const bad = load.outcomes.filter(
      (o) =>
        o.ms > HANG_MS ||
        !(
          [201, 409].includes(o.status) ||
          (o.status === 503 && PROBLEM.test(o.contentType ?? '')) ||
          (o.status === 0 && o.phase !== 'before' && o.endPhase !== 'after')
        ),
    );
    expect(bad.map(({ status, ms, body, phase }) => ({ status, ms, body, phase }))).toEqual([]);

    const db = workerDatabaseUrl();
    const [{ stock } = { stock: -1 }] = await query<{ stock: number }>(
      db,
      'SELECT stock FROM products WHERE id = $1',
      [productId],
    );
    const [{ ordered } = { ordered: -1 }] = await query<{ ordered: number }>(
      db,
      `SELECT coalesce(sum(quantity), 0)::int AS ordered FROM order_lines WHERE product_id = $1`,
      [productId],
    );
    expect(stock).toBeGreaterThanOrEqual(0);
    expect(stock + ordered).toBe(STOCK);

    const created = load.outcomes.filter((o) => o.status === 201);
    const acknowledged = new Set(created.map((o) => (o.body as { id: string }).id));
    const orders = await query<{ id: string; user_id: string }>(
      db,
      `SELECT o.id, o.user_id FROM orders o JOIN order_lines l ON l.order_id = o.id
        WHERE l.product_id = $1`,
      [productId],
    );
    const inDatabase = new Set(orders.map((o) => o.id));
    for (const id of acknowledged) expect(inDatabase.has(id)).toBe(true);
    // One order per key: every order in the database belongs to a key of its buyer.
    const keys = await query<{ count: number }>(
      db,
      `SELECT count(*)::int AS count FROM idempotency_keys
        WHERE user_id = ANY($1::uuid[]) AND outcome ? 'result'`,
      [buyers.map((b) => b.user.id)],
    );
    expect(orders.length).toBe(keys[0]?.count);
    expect(orders.length).toBe(ordered);
  }, 60_000);
});
