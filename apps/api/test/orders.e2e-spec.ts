import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PrismaService } from '@libs/database';
import { eventually, workerDatabaseUrl } from '@libs/testing';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import request from 'supertest';
import { type Product, createProduct } from './support/catalog.js';
import { bearer, register, registerAdmin, type Tokens } from './support/identity.js';
import { type Line, type Order, placeOrder, postOrder } from './support/orders.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('orders', () => {
  let t: TestApp;
  let admin: Tokens;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await registerAdmin(t);
  });

  afterAll(async () => {
    await t.close();
  });

  const product = (fields: Parameters<typeof createProduct>[2] = {}): Promise<Product> =>
    createProduct(t.server, admin.accessToken, fields);
  const stockOf = async (id: string): Promise<number> =>
    ((await request(t.server).get(`/v1/products/${id}`).expect(200)).body as Product).stock;
  const ordersOf = (userId: string): Promise<number> =>
    t.app.get(PrismaService).order.count({ where: { userId } });
  const cancel = (token: string, id: string): request.Test =>
    request(t.server)
      .post(`/v1/orders/${id}/cancel`)
      .set(...bearer(token));
  const setStatus = (id: string, status: string, ifMatch?: string): request.Test => {
    const req = request(t.server)
      .patch(`/v1/orders/${id}`)
      .set(...bearer(admin.accessToken));
    if (ifMatch) void req.set('If-Match', ifMatch);
    return req.send({ status });
  };

  describe('POST /v1/orders', () => {
    it('places an order at catalog prices: 201, Location, the Order shape, stock taken', async () => {
      const buyer = await register(t.server);
      const mug = await product({ name: 'Mug', priceCents: 1_450, stock: 10 });
      const tea = await product({ name: 'Tea', priceCents: 399, stock: 5 });
      const res = await postOrder(t.server, buyer.accessToken, {
        items: [
          { productId: mug.id, quantity: 2 },
          { productId: tea.id, quantity: 3 },
        ],
      }).expect(201);
      expect(res.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        userId: buyer.user.id,
        status: 'pending',
        items: [
          { productId: mug.id, sku: mug.sku, name: 'Mug', quantity: 2, unitPriceCents: 1_450 },
          { productId: tea.id, sku: tea.sku, name: 'Tea', quantity: 3, unitPriceCents: 399 },
        ],
        totalCents: 2 * 1_450 + 3 * 399,
        currency: 'EUR',
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      expect(res.headers.location).toBe(`/v1/orders/${res.body.id}`);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(await stockOf(mug.id)).toBe(8);
      expect(await stockOf(tea.id)).toBe(2);
    });

    it('keeps the price it was placed at when the catalog price changes', async () => {
      const buyer = await register(t.server);
      const item = await product({ priceCents: 500 });
      const order = await placeOrder(t.server, buyer.accessToken, [
        { productId: item.id, quantity: 1 },
      ]);
      await request(t.server)
        .patch(`/v1/products/${item.id}`)
        .set(...bearer(admin.accessToken))
        .send({ priceCents: 9_999 })
        .expect(200);
      const res = await request(t.server)
        .get(`/v1/orders/${order.id}`)
        .set(...bearer(buyer.accessToken))
        .expect(200);
      expect(res.body).toMatchObject({ totalCents: 500, items: [{ unitPriceCents: 500 }] });
    });

    // Every rule of the header is unit-tested (idempotency-key.decorator.spec.ts); here, that a
    // refusal is a 400 problem that writes nothing, and that the longest key goes through.
    it('refuses a missing or malformed Idempotency-Key with 400, writing nothing; takes 255 characters', async () => {
      const buyer = await register(t.server);
      const item = await product();
      const body = { items: [{ productId: item.id, quantity: 1 }] };
      for (const key of [null, 'k'.repeat(256)]) {
        const res = await postOrder(t.server, buyer.accessToken, body, key).expect(400);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(res.body.detail).toMatch(/Idempotency-Key/);
      }
      expect(await ordersOf(buyer.user.id)).toBe(0);
      await postOrder(t.server, buyer.accessToken, body, 'k'.repeat(255)).expect(201);
    });

    describe('refuses what the client may not send or decide (400, nothing written)', () => {
      const line = (productId: string, fields: object = {}): object => ({
        productId,
        quantity: 1,
        ...fields,
      });
      // Every rule of the body is unit-tested (order.schemas.spec.ts); here, that a refusal is a
      // 400 with pointers and writes nothing.
      it('a quantity of 0 or a total of its own', async () => {
        const buyer = await register(t.server);
        const item = await product({ stock: 100 });
        const cases: [object, string][] = [
          [{ items: [line(item.id, { quantity: 0 })] }, '#/items/0/quantity'],
          [{ items: [line(item.id)], totalCents: 1 }, '#'],
        ];
        for (const [body, pointer] of cases) {
          const res = await postOrder(t.server, buyer.accessToken, body).expect(400);
          expect(res.body.errors).toEqual(
            expect.arrayContaining([expect.objectContaining({ pointer })]),
          );
        }
        expect(await ordersOf(buyer.user.id)).toBe(0);
        expect(await stockOf(item.id)).toBe(100);
      });
    });

    it('does not consume the key of a request that failed validation', async () => {
      const buyer = await register(t.server);
      const item = await product();
      const key = randomUUID();
      await postOrder(t.server, buyer.accessToken, { items: [] }, key).expect(400);
      await postOrder(
        t.server,
        buyer.accessToken,
        { items: [{ productId: item.id, quantity: 1 }] },
        key,
      ).expect(201);
    });

    it('refuses a line it cannot fill with 409, pointing at it, and changes nothing', async () => {
      const buyer = await register(t.server);
      const plenty = await product({ stock: 50 });
      const scarce = await product({ stock: 2 });
      const res = await postOrder(t.server, buyer.accessToken, {
        items: [
          { productId: plenty.id, quantity: 5 },
          { productId: scarce.id, quantity: 3 },
        ],
      }).expect(409);
      expect(res.body).toMatchObject({
        status: 409,
        type: '/problems/insufficient-stock',
        errors: [{ pointer: '#/items/1/quantity', detail: 'only 2 left' }],
      });
      expect(await stockOf(plenty.id)).toBe(50);
      expect(await stockOf(scarce.id)).toBe(2);
      expect(await ordersOf(buyer.user.id)).toBe(0);
    });

    it('answers 422 for an archived or unknown product, changing nothing', async () => {
      const buyer = await register(t.server);
      const sold = await product({ stock: 10 });
      const archived = await product();
      await request(t.server)
        .delete(`/v1/products/${archived.id}`)
        .set(...bearer(admin.accessToken))
        .expect(204);
      for (const productId of [archived.id, randomUUID()]) {
        const res = await postOrder(t.server, buyer.accessToken, {
          items: [
            { productId: sold.id, quantity: 1 },
            { productId, quantity: 1 },
          ],
        }).expect(422);
        expect(res.body).toMatchObject({
          type: '/problems/product-unavailable',
          errors: [{ pointer: '#/items/1/productId' }],
        });
      }
      expect(await stockOf(sold.id)).toBe(10);
      expect(await ordersOf(buyer.user.id)).toBe(0);
    });

    it('answers 422 for lines in different currencies', async () => {
      const buyer = await register(t.server);
      const euro = await product({ currency: 'EUR' });
      const dollar = await product({ currency: 'USD' });
      const res = await postOrder(t.server, buyer.accessToken, {
        items: [
          { productId: euro.id, quantity: 1 },
          { productId: dollar.id, quantity: 1 },
        ],
      }).expect(422);
      expect(res.body.type).toBe('/problems/mixed-currencies');
      expect(await stockOf(euro.id)).toBe(10);
    });

    describe('Idempotency-Key', () => {
      it('replays the original response to a retry and writes nothing new', async () => {
        const buyer = await register(t.server);
        const item = await product({ stock: 10 });
        const key = randomUUID();
        const body = { items: [{ productId: item.id, quantity: 2 }] };
        const first = await postOrder(t.server, buyer.accessToken, body, key).expect(201);
        // Same request, keys in another order: still the same request.
        const again = await postOrder(
          t.server,
          buyer.accessToken,
          { items: [{ quantity: 2, productId: item.id }] },
          key,
        ).expect(201);
        expect(again.body).toEqual(first.body);
        expect(again.headers.location).toBe(first.headers.location);
        expect(again.headers['idempotent-replayed']).toBe('true');
        expect(first.headers['idempotent-replayed']).toBeUndefined();
        expect(await ordersOf(buyer.user.id)).toBe(1);
        expect(await stockOf(item.id)).toBe(8);
      });

      it('refuses the same key with a different body: 422', async () => {
        const buyer = await register(t.server);
        const item = await product();
        const key = randomUUID();
        await postOrder(
          t.server,
          buyer.accessToken,
          { items: [{ productId: item.id, quantity: 1 }] },
          key,
        ).expect(201);
        const res = await postOrder(
          t.server,
          buyer.accessToken,
          { items: [{ productId: item.id, quantity: 2 }] },
          key,
        ).expect(422);
        expect(res.body.type).toBe('/problems/idempotency-key-reused');
        expect(await ordersOf(buyer.user.id)).toBe(1);
      });

      it('is scoped per user: the same key from another user is another order', async () => {
        const [a, b] = [await register(t.server), await register(t.server)];
        const item = await product();
        const key = randomUUID();
        const body = { items: [{ productId: item.id, quantity: 1 }] };
        const first = await postOrder(t.server, a.accessToken, body, key).expect(201);
        const second = await postOrder(t.server, b.accessToken, body, key).expect(201);
        expect(second.body.id).not.toBe(first.body.id);
        expect(second.body.userId).toBe(b.user.id);
      });

      it('replays a refusal too: the retry of an out-of-stock order stays 409', async () => {
        const buyer = await register(t.server);
        const item = await product({ stock: 1 });
        const key = randomUUID();
        const body = { items: [{ productId: item.id, quantity: 2 }] };
        const first = await postOrder(t.server, buyer.accessToken, body, key).expect(409);
        await request(t.server)
          .patch(`/v1/products/${item.id}`)
          .set(...bearer(admin.accessToken))
          .send({ stock: 5 })
          .expect(200);
        const again = await postOrder(t.server, buyer.accessToken, body, key).expect(409);
        expect(again.body).toEqual(first.body);
        expect(await ordersOf(buyer.user.id)).toBe(0);
      });

      it('answers a twin 409 in flight with Retry-After while the first still runs', async () => {
        const buyer = await register(t.server);
        const item = await product({ stock: 10 });
        const key = randomUUID();
        const body = { items: [{ productId: item.id, quantity: 1 }] };
        // The product's row lock, held elsewhere, keeps the first attempt running.
        const holder = new pg.Client({ connectionString: workerDatabaseUrl() });
        await holder.connect();
        await holder.query('BEGIN');
        await holder.query('SELECT 1 FROM products WHERE id = $1 FOR UPDATE', [item.id]);
        let first: Promise<request.Response>;
        try {
          first = postOrder(t.server, buyer.accessToken, body, key).then((res) => res);
          await eventually('the first attempt to wait for the product', async () => {
            const { rows } = await holder.query<{ n: number }>(
              `SELECT count(*)::int AS n FROM pg_stat_activity
                WHERE datname = current_database() AND wait_event_type = 'Lock'`,
            );
            return rows[0]!.n >= 1;
          });
          const twin = await postOrder(t.server, buyer.accessToken, body, key).expect(409);
          expect(twin.headers['content-type']).toMatch(/^application\/problem\+json/);
          expect(twin.headers['retry-after']).toBe('1');
          expect(twin.body.type).toBe('/problems/idempotency-in-flight');
        } finally {
          await holder.query('ROLLBACK');
          await holder.end();
        }
        const placed = await first;
        expect(placed.status).toBe(201);
        const retry = await postOrder(t.server, buyer.accessToken, body, key).expect(201);
        expect(retry.body).toEqual(placed.body);
        expect(await ordersOf(buyer.user.id)).toBe(1);
      });
    });
  });

  describe('GET /v1/orders/:id', () => {
    it('shows the owner their order with an ETag; anyone else gets 404, even after it was read', async () => {
      const [owner, other] = [await register(t.server), await register(t.server)];
      const item = await product();
      const order = await placeOrder(t.server, owner.accessToken, [
        { productId: item.id, quantity: 1 },
      ]);
      const res = await request(t.server)
        .get(`/v1/orders/${order.id}`)
        .set(...bearer(owner.accessToken))
        .expect(200);
      expect(res.body).toEqual(order);
      expect(res.headers.etag).toBe('"1"');
      const foreign = await request(t.server)
        .get(`/v1/orders/${order.id}`)
        .set(...bearer(other.accessToken))
        .expect(404);
      const missing = await request(t.server)
        .get(`/v1/orders/${randomUUID()}`)
        .set(...bearer(other.accessToken))
        .expect(404);
      // Indistinguishable from an order that does not exist.
      expect({ ...foreign.body, instance: undefined }).toEqual({
        ...missing.body,
        instance: undefined,
      });
    });

    it('shows an admin any order', async () => {
      const owner = await register(t.server);
      const item = await product();
      const order = await placeOrder(t.server, owner.accessToken, [
        { productId: item.id, quantity: 1 },
      ]);
      await request(t.server)
        .get(`/v1/orders/${order.id}`)
        .set(...bearer(admin.accessToken))
        .expect(200);
    });

    it('answers 400 for a malformed id and 401 without a token', async () => {
      const owner = await register(t.server);
      await request(t.server)
        .get('/v1/orders/1')
        .set(...bearer(owner.accessToken))
        .expect(400);
      await request(t.server).get(`/v1/orders/${randomUUID()}`).expect(401);
    });
  });

  describe('GET /v1/orders', () => {
    let buyer: Tokens;
    let other: Tokens;
    let placed: Order[];

    beforeAll(async () => {
      [buyer, other] = [await register(t.server), await register(t.server)];
      const item = await product({ stock: 100 });
      placed = [];
      for (let i = 0; i < 5; i++)
        placed.push(
          await placeOrder(t.server, buyer.accessToken, [{ productId: item.id, quantity: 1 }]),
        );
      await placeOrder(t.server, other.accessToken, [{ productId: item.id, quantity: 1 }]);
      await setStatus(placed[1]!.id, 'paid').expect(200);
    });

    async function listAll(token: string, query: Record<string, string> = {}): Promise<Order[]> {
      const items: Order[] = [];
      let cursor: string | null = null;
      do {
        const res = await request(t.server)
          .get('/v1/orders')
          .set(...bearer(token))
          .query({ limit: '2', ...query, ...(cursor ? { cursor } : {}) })
          .expect(200);
        items.push(...(res.body.data as Order[]));
        cursor = res.body.nextCursor as string | null;
      } while (cursor);
      return items;
    }

    it('lists only your own orders, newest first, across pages', async () => {
      const orders = await listAll(buyer.accessToken);
      expect(orders.map((o) => o.id)).toEqual(placed.map((o) => o.id).reverse());
      expect(orders[4]).toEqual(placed[0]);
    });

    it('filters by status', async () => {
      const paid = await listAll(buyer.accessToken, { status: 'paid' });
      expect(paid.map((o) => o.id)).toEqual([placed[1]!.id]);
    });

    it('shows an admin everyone’s orders, or one user’s with userId', async () => {
      const mine = await listAll(admin.accessToken, { userId: other.user.id });
      expect(mine).toHaveLength(1);
      expect(mine[0]?.userId).toBe(other.user.id);
      const all = await request(t.server)
        .get('/v1/orders')
        .set(...bearer(admin.accessToken))
        .query({ limit: 100 })
        .expect(200);
      const owners = new Set((all.body.data as Order[]).map((o) => o.userId));
      expect(owners.has(buyer.user.id) && owners.has(other.user.id)).toBe(true);
    });

    it('refuses userId from a user with 403 (it is an admin filter)', async () => {
      await request(t.server)
        .get('/v1/orders')
        .set(...bearer(other.accessToken))
        .query({ userId: buyer.user.id })
        .expect(403);
    });

    // Every rule of the query is unit-tested (order.schemas.spec.ts); here, that the route asks.
    it('refuses a bad filter or page with a 400 problem pointing at it', async () => {
      const res = await request(t.server)
        .get('/v1/orders')
        .set(...bearer(admin.accessToken))
        .query({ status: 'lost', userId: 'x' })
        .expect(400);
      const errors = res.body.errors as { pointer: string }[];
      expect(errors.map((error) => error.pointer).sort()).toEqual(['#/status', '#/userId']);
    });
  });

  describe('POST /v1/orders/:id/cancel', () => {
    it('cancels a pending order of yours and returns its stock', async () => {
      const buyer = await register(t.server);
      const item = await product({ stock: 10 });
      const order = await placeOrder(t.server, buyer.accessToken, [
        { productId: item.id, quantity: 4 },
      ]);
      expect(await stockOf(item.id)).toBe(6);
      const res = await cancel(buyer.accessToken, order.id).expect(200);
      expect(res.body).toMatchObject({ id: order.id, status: 'cancelled' });
      expect(res.headers.etag).toBe('"2"');
      expect(await stockOf(item.id)).toBe(10);
    });

    it('answers 409 when the order is not cancellable, returning stock only once', async () => {
      const buyer = await register(t.server);
      const item = await product({ stock: 10 });
      const order = await placeOrder(t.server, buyer.accessToken, [
        { productId: item.id, quantity: 4 },
      ]);
      await cancel(buyer.accessToken, order.id).expect(200);
      const again = await cancel(buyer.accessToken, order.id).expect(409);
      expect(again.body.type).toBe('/problems/order-not-cancellable');
      expect(await stockOf(item.id)).toBe(10);

      const shipped = await placeOrder(t.server, buyer.accessToken, [
        { productId: item.id, quantity: 1 },
      ]);
      await setStatus(shipped.id, 'paid').expect(200);
      await setStatus(shipped.id, 'shipped').expect(200);
      await cancel(buyer.accessToken, shipped.id).expect(409);
    });

    it('cancels a paid order, also as an admin', async () => {
      const buyer = await register(t.server);
      const item = await product();
      const order = await placeOrder(t.server, buyer.accessToken, [
        { productId: item.id, quantity: 1 },
      ]);
      await setStatus(order.id, 'paid').expect(200);
      await cancel(admin.accessToken, order.id).expect(200);
    });

    it('answers 404 for someone else’s order and leaves it alone', async () => {
      const [owner, other] = [await register(t.server), await register(t.server)];
      const item = await product({ stock: 10 });
      const order = await placeOrder(t.server, owner.accessToken, [
        { productId: item.id, quantity: 3 },
      ]);
      await cancel(other.accessToken, order.id).expect(404);
      await cancel(other.accessToken, randomUUID()).expect(404);
      const res = await request(t.server)
        .get(`/v1/orders/${order.id}`)
        .set(...bearer(owner.accessToken))
        .expect(200);
      expect(res.body.status).toBe('pending');
      expect(await stockOf(item.id)).toBe(7);
    });
  });

  describe('PATCH /v1/orders/:id', () => {
    async function pendingOrder(
      stock = 10,
      quantity = 1,
    ): Promise<{ order: Order; item: Product }> {
      const buyer = await register(t.server);
      const item = await product({ stock });
      const lines: Line[] = [{ productId: item.id, quantity }];
      return { order: await placeOrder(t.server, buyer.accessToken, lines), item };
    }

    it('moves an order along pending → paid → shipped → delivered', async () => {
      const { order } = await pendingOrder();
      for (const [status, etag] of [
        ['paid', '"2"'],
        ['shipped', '"3"'],
        ['delivered', '"4"'],
      ] as const) {
        const res = await setStatus(order.id, status).expect(200);
        expect(res.body.status).toBe(status);
        expect(res.headers.etag).toBe(etag);
      }
    });

    // The whole status machine is unit-tested (orders.service.spec.ts); here, the two answers.
    it('refuses a move the status machine does not allow with 409, naming why', async () => {
      const { order } = await pendingOrder();
      await setStatus(order.id, 'paid').expect(200);
      const skip = await setStatus(order.id, 'delivered').expect(409);
      expect(skip.body.type).toBe('/problems/invalid-status-transition');
      await setStatus(order.id, 'shipped').expect(200);
      const cancel = await setStatus(order.id, 'cancelled').expect(409);
      expect(cancel.body.type).toBe('/problems/order-not-cancellable');
    });

    it('returns stock when an admin cancels through PATCH', async () => {
      const { order, item } = await pendingOrder(10, 6);
      await setStatus(order.id, 'cancelled').expect(200);
      expect(await stockOf(item.id)).toBe(10);
    });

    it('honours If-Match: stale 412, current 200', async () => {
      const { order } = await pendingOrder();
      await setStatus(order.id, 'paid', '"1"').expect(200);
      const stale = await setStatus(order.id, 'shipped', '"1"').expect(412);
      expect(stale.body.type).toBe('/problems/precondition-failed');
      await setStatus(order.id, 'shipped', '"2"').expect(200);
    });

    it('is for admins only; unknown orders 404; bad bodies 400', async () => {
      const buyer = await register(t.server);
      const item = await product();
      const order = await placeOrder(t.server, buyer.accessToken, [
        { productId: item.id, quantity: 1 },
      ]);
      await request(t.server)
        .patch(`/v1/orders/${order.id}`)
        .set(...bearer(buyer.accessToken))
        .send({ status: 'paid' })
        .expect(403);
      await setStatus(randomUUID(), 'paid').expect(404);
      await setStatus(order.id, 'lost').expect(400);
      await request(t.server)
        .patch(`/v1/orders/${order.id}`)
        .set(...bearer(admin.accessToken))
        .send({ status: 'paid', totalCents: 0 })
        .expect(400);
    });
  });

  it('writes one outbox event per change, in order', async () => {
    const buyer = await register(t.server);
    const item = await product();
    const order = await placeOrder(t.server, buyer.accessToken, [
      { productId: item.id, quantity: 2 },
    ]);
    await setStatus(order.id, 'paid').expect(200);
    await cancel(buyer.accessToken, order.id).expect(200);
    const events = await t.app.get(PrismaService).outboxEvent.findMany({
      where: { aggregateId: order.id },
      orderBy: { id: 'asc' },
    });
    expect(events.map((e) => e.type)).toEqual(['order.placed', 'order.paid', 'order.cancelled']);
    expect(events[0]?.payload).toEqual({
      orderId: order.id,
      userId: buyer.user.id,
      status: 'pending',
      totalCents: order.totalCents,
      currency: 'EUR',
      items: [{ productId: item.id, quantity: 2 }],
    });
  });
});
