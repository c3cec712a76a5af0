import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PrismaService } from '@libs/database';
import { eventually, workerDatabaseUrl } from '@libs/testing';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { PlaceOrderBody } from '../src/orders/dto/order.schemas.js';
import { OrdersService, type VersionedOrder } from '../src/orders/orders.service.js';
import { DomainError } from '../src/platform/errors/domain-error.js';
import { IdempotencyRepository } from '../src/platform/idempotency/idempotency.repository.js';
import { startTestApp, type TestApp } from './support/test-app.js';

type Items = PlaceOrderBody['items'];

/** Order placement and cancellation against real PostgreSQL, many at once. */
describe('orders under concurrency', () => {
  let t: TestApp;
  let prisma: PrismaService;
  let orders: OrdersService;
  /** SQL statements sent so far (DATABASE_LOG_QUERIES makes Prisma report each). */
  let queries = 0;

  beforeAll(async () => {
    // Query events on, for the query-count test. Dozens of orders queue for one product's lock,
    // each holding a pooled connection: on a busy machine the queue for the pool can outlast
    // the default wait, which these tests are not about.
    t = await startTestApp({ DATABASE_LOG_QUERIES: 'true', DATABASE_POOL_TIMEOUT_MS: '30000' });
    prisma = t.app.get(PrismaService);
    orders = t.app.get(OrdersService);
    prisma.onQuery(() => (queries += 1));
  });

  afterAll(async () => {
    await t.close();
  });

  const newUser = async (): Promise<string> =>
    (await prisma.user.create({ data: { email: `buyer-${randomUUID()}@example.com` } })).id;
  const newProduct = async (stock: number, priceCents = 100): Promise<string> =>
    (
      await prisma.product.create({
        data: { sku: `SKU-${randomUUID()}`, name: 'Item', priceCents, currency: 'EUR', stock },
      })
    ).id;
  const stockOf = async (id: string): Promise<number> =>
    (await prisma.product.findUniqueOrThrow({ where: { id } })).stock;

  /** What POST /v1/orders does, without HTTP. */
  const place = (
    userId: string,
    items: Items,
    key = randomUUID(),
  ): Promise<{ placed: VersionedOrder; replayed: boolean }> => orders.place(userId, items, key);
  const actor = (id: string) => ({ id, sessionId: randomUUID(), role: 'user' as const });
  const codeOf = (reason: unknown): string =>
    reason instanceof DomainError ? reason.code : String(reason);

  /** Σ quantity of the product over orders that still hold stock (not cancelled). */
  async function heldQuantity(productId: string): Promise<number> {
    const { _sum } = await prisma.orderLine.aggregate({
      where: { productId, order: { status: { not: 'cancelled' } } },
      _sum: { quantity: true },
    });
    return _sum.quantity ?? 0;
  }

  it('50 concurrent orders for a product with stock 5: exactly 5 orders, stock 0', async () => {
    const productId = await newProduct(5);
    const users = await Promise.all(Array.from({ length: 10 }, newUser));
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) => place(users[i % 10]!, [{ productId, quantity: 1 }])),
    );
    const placed = results.filter((result) => result.status === 'fulfilled');
    const refused = results.flatMap((result) =>
      result.status === 'rejected' ? [codeOf(result.reason)] : [],
    );
    expect(placed).toHaveLength(5);
    expect(new Set(refused)).toEqual(new Set(['insufficient_stock']));
    expect(await stockOf(productId)).toBe(0);
    expect(await heldQuantity(productId)).toBe(5);
  });

  it('keeps initial stock = stock + Σ open quantities under concurrent orders and cancels', async () => {
    const [a, b] = [await newProduct(40), await newProduct(40)];
    const users = await Promise.all(Array.from({ length: 5 }, newUser));
    const first = await Promise.all(
      users.map((user, i) =>
        place(user, [
          { productId: a, quantity: 1 + (i % 3) },
          { productId: b, quantity: 2 },
        ]),
      ),
    );
    const firstIds = first.map(({ placed }) => placed.order.id);

    // Every earlier order cancelled twice at once, while new orders take the same two products
    // with their lines in both orders (a deadlock would surface as an error here).
    const results = await Promise.allSettled([
      ...firstIds.flatMap((id, i) => [
        orders.cancel(actor(users[i]!), id),
        orders.cancel(actor(users[i]!), id),
      ]),
      ...Array.from({ length: 30 }, (_, i) =>
        place(
          users[i % 5]!,
          i % 2 === 0
            ? [
                { productId: a, quantity: 3 },
                { productId: b, quantity: 1 },
              ]
            : [
                { productId: b, quantity: 1 },
                { productId: a, quantity: 3 },
              ],
        ),
      ),
    ]);
    const failures = results.flatMap((result) =>
      result.status === 'rejected' ? [codeOf(result.reason)] : [],
    );
    expect(new Set(failures)).toEqual(new Set(['order_not_cancellable', 'insufficient_stock']));
    expect(failures.filter((code) => code === 'order_not_cancellable')).toHaveLength(5);

    for (const productId of [a, b])
      expect((await stockOf(productId)) + (await heldQuantity(productId))).toBe(40);
    const cancelledEvents = await prisma.outboxEvent.count({
      where: { aggregateId: { in: firstIds }, type: 'order.cancelled' },
    });
    expect(cancelledEvents).toBe(5);
  });

  it('the same idempotent request 10 times in parallel creates one order', async () => {
    const user = await newUser();
    const productId = await newProduct(100);
    const key = randomUUID();
    const items: Items = [{ productId, quantity: 7 }];
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () => place(user, items, key)),
    );
    const answered = results.flatMap((result) =>
      result.status === 'fulfilled' ? [result.value] : [],
    );
    const refused = results.flatMap((result) =>
      result.status === 'rejected' ? [codeOf(result.reason)] : [],
    );
    expect(answered.filter((result) => !result.replayed)).toHaveLength(1);
    for (const { placed } of answered) expect(placed).toEqual(answered[0]?.placed);
    // Twins wait for the first and replay it; 409 only if it ran longer than they wait.
    expect(refused.every((code) => code === 'idempotency_in_flight')).toBe(true);
    expect(await prisma.order.count({ where: { userId: user } })).toBe(1);
    expect(await stockOf(productId)).toBe(93);
  });

  describe('a twin of a request still running', () => {
    /**
     * Holds the product's row lock in a transaction of its own, so an order for it stops after
     * taking its key, as a slow order would; and reports which backends wait on locks.
     */
    async function holdProduct(productId: string) {
      const client = new pg.Client({ connectionString: workerDatabaseUrl() });
      await client.connect();
      await client.query('BEGIN');
      await client.query('SELECT 1 FROM products WHERE id = $1 FOR UPDATE', [productId]);
      let released = false;
      const waiting = async (): Promise<{ pid: number; query: string }[]> =>
        (
          await client.query<{ pid: number; query: string }>(
            `SELECT pid, query FROM pg_stat_activity
              WHERE datname = current_database() AND wait_event_type = 'Lock'`,
          )
        ).rows;
      return {
        /** Waits until `count` statements are blocked: the order on the product, twins on the key. */
        blocked: (count: number) =>
          eventually(`${count} statements waiting on locks`, async () => {
            const rows = await waiting();
            return rows.length >= count ? rows : undefined;
          }),
        /** Ends the holding transaction; once, however often called. */
        release: async () => {
          if (released) return;
          released = true;
          await client.query('ROLLBACK');
          await client.end();
        },
      };
    }

    /**
     * A user ordering one unit of a product with stock 10 under one Idempotency-Key, while the
     * product's row is held (holdProduct): `send` places that same request, again and again.
     */
    async function heldOrder() {
      const [user, productId] = [await newUser(), await newProduct(10)];
      const key = randomUUID();
      const lock = await holdProduct(productId);
      return { user, productId, lock, send: () => place(user, [{ productId, quantity: 1 }], key) };
    }

    it('waits for it and replays what it committed', async () => {
      const { user, productId, lock, send } = await heldOrder();
      try {
        const first = send();
        await lock.blocked(1);
        const twin = send();
        await lock.blocked(2);
        await lock.release();
        const [original, replay] = await Promise.all([first, twin]);
        expect(original.replayed).toBe(false);
        expect(replay).toEqual({ placed: original.placed, replayed: true });
      } finally {
        await lock.release();
      }
      expect(await prisma.order.count({ where: { userId: user } })).toBe(1);
      expect(await stockOf(productId)).toBe(9);
    });

    it('answers 409 in flight when it runs longer than a twin waits, then replays it', async () => {
      const { user, lock, send } = await heldOrder();
      let first: Promise<{ placed: VersionedOrder; replayed: boolean }>;
      try {
        first = send();
        await lock.blocked(1);
        await expect(send()).rejects.toMatchObject({
          code: 'idempotency_in_flight',
        });
      } finally {
        await lock.release();
      }
      const original = await first;
      expect(await send()).toEqual({ placed: original.placed, replayed: true });
      expect(await prisma.order.count({ where: { userId: user } })).toBe(1);
    });

    it('runs the order itself when the holder dies (its connection is killed)', async () => {
      const { user, productId, lock, send } = await heldOrder();
      try {
        const first = send();
        const [holder] = await lock.blocked(1);
        const twin = send();
        await lock.blocked(2);
        await prisma.$executeRaw`SELECT pg_terminate_backend(${holder!.pid}::int)`;
        await expect(first).rejects.toThrow();
        // The dead holder's transaction took its key along: the twin has it now.
        await lock.release();
        expect((await twin).replayed).toBe(false);
      } finally {
        await lock.release();
      }
      expect(await prisma.order.count({ where: { userId: user } })).toBe(1);
      expect(await stockOf(productId)).toBe(9);
    });
  });

  it('leaves nothing behind when the transaction fails, the key included: a retry runs', async () => {
    const user = await newUser();
    const productId = await newProduct(10);
    const key = randomUUID();
    const items: Items = [{ productId, quantity: 4 }];
    // A real failure inside the transaction, after the stock was taken: the outbox INSERT fails.
    await prisma.$executeRawUnsafe(`
      CREATE OR REPLACE FUNCTION fail_outbox_insert() RETURNS trigger LANGUAGE plpgsql AS
      $$ BEGIN RAISE EXCEPTION 'outbox unavailable'; END $$`);
    await prisma.$executeRawUnsafe(`
      CREATE TRIGGER fail_outbox_${user.replaceAll('-', '')} BEFORE INSERT ON outbox_events
      FOR EACH ROW WHEN (NEW.payload->>'userId' = '${user}') EXECUTE FUNCTION fail_outbox_insert()`);
    try {
      await expect(place(user, items, key)).rejects.toThrow(/outbox unavailable/);
      expect(await stockOf(productId)).toBe(10);
      expect(await prisma.order.count({ where: { userId: user } })).toBe(0);
      expect(await prisma.orderLine.count({ where: { productId } })).toBe(0);
      expect(await prisma.idempotencyKey.count({ where: { userId: user } })).toBe(0);
    } finally {
      await prisma.$executeRawUnsafe(
        `DROP TRIGGER fail_outbox_${user.replaceAll('-', '')} ON outbox_events`,
      );
    }
    // The key went with the rest: the retry runs.
    expect((await place(user, items, key)).replayed).toBe(false);
    expect(await stockOf(productId)).toBe(6);
  });

  it('lists orders with their lines in a constant number of queries, whatever the page size', async () => {
    const user = await newUser();
    const [a, b] = [await newProduct(1000), await newProduct(1000)];
    for (let i = 0; i < 30; i++)
      await place(user, [
        { productId: a, quantity: 1 },
        { productId: b, quantity: 1 },
      ]);
    const queriesFor = async (limit: number): Promise<number> => {
      const before = queries;
      const page = await orders.list(actor(user), { limit });
      const counted = queries - before;
      expect(page.data).toHaveLength(limit);
      expect(page.data.every((order) => order.items.length === 2)).toBe(true);
      return counted;
    };
    const small = await queriesFor(1);
    expect(small).toBeLessThanOrEqual(2);
    expect(await queriesFor(10)).toBe(small);
    expect(await queriesFor(30)).toBe(small);
  });

  it('honours keys of the previous release (leased claims, stored responses) during a rollout', async () => {
    const keys = t.app.get(IdempotencyRepository);
    const userId = await newUser();
    const now = new Date();
    const claim = (key: string) =>
      prisma.$transaction((tx) =>
        keys.claim(
          tx,
          {
            userId,
            key,
            requestHash: 'a'.repeat(64),
            now,
            expiresAt: new Date(now.getTime() + 86_400_000),
          },
          1_000,
        ),
      );
    const legacy = (key: string, fields: object) =>
      prisma.idempotencyKey.create({
        data: {
          userId,
          key,
          requestHash: 'a'.repeat(64),
          expiresAt: new Date(now.getTime() + 86_400_000),
          ...fields,
        },
      });
    const order = { id: randomUUID(), status: 'pending' };
    await legacy('completed', {
      responseStatus: 201,
      responseBody: order,
      responseHeaders: { location: `/v1/orders/${order.id}`, etag: '"1"' },
    });
    await legacy('refused', {
      responseStatus: 409,
      responseBody: { error: 'insufficient_stock', detail: 'Not enough stock for every line.' },
      responseHeaders: {},
    });
    const lease = (ms: number) => ({
      lockToken: randomUUID(),
      lockedUntil: new Date(now.getTime() + ms),
    });
    await legacy('running', lease(60_000));
    await legacy('abandoned', lease(-1));

    expect(await claim('completed')).toEqual({
      kind: 'completed',
      outcome: { result: { order, version: 1 } },
    });
    expect(await claim('refused')).toEqual({
      kind: 'completed',
      outcome: { error: 'insufficient_stock', detail: 'Not enough stock for every line.' },
    });
    expect(await claim('running')).toEqual({ kind: 'in_flight' });
    expect(await claim('abandoned')).toEqual({ kind: 'claimed' });
  });

  it('frees a key for any request once it expired', async () => {
    const keys = t.app.get(IdempotencyRepository);
    const userId = await newUser();
    const start = new Date('2030-01-01T00:00:00Z');
    const at = (now: Date, requestHash: string) => ({
      userId,
      key: 'k',
      requestHash,
      now,
      expiresAt: new Date(now.getTime() + 86_400_000),
    });
    const claim = (now: Date, requestHash: string) =>
      prisma.$transaction(async (tx) => {
        const state = await keys.claim(tx, at(now, requestHash), 1_000);
        if (state.kind === 'claimed') await keys.complete(tx, at(now, requestHash), { result: 1 });
        return state;
      });
    expect(await claim(start, 'a'.repeat(64))).toEqual({ kind: 'claimed' });
    const beforeExpiry = new Date(start.getTime() + 86_399_000);
    expect(await claim(beforeExpiry, 'b'.repeat(64))).toEqual({ kind: 'other_request' });
    expect(await claim(beforeExpiry, 'a'.repeat(64))).toEqual({
      kind: 'completed',
      outcome: { result: 1 },
    });
    const expired = new Date(start.getTime() + 86_400_000);
    expect(await claim(expired, 'b'.repeat(64))).toEqual({ kind: 'claimed' });
  });
});
