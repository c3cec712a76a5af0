import { beforeEach, describe, expect, it } from '@jest/globals';
import { CacheAside, MemoryStore } from '@libs/cache';
import {
  CatalogCache,
  type OrderRecord,
  OrderTransitions,
  type OrdersRepository,
} from '@libs/commerce';
import { loadConfig } from '@libs/config';
import { BusinessMetrics, MetricsRegistry } from '@libs/observability';
import { ManualClock, type Public, asReal, nextUuid } from '@libs/testing/fakes';
import { InMemoryOrdersRepository } from '@libs/commerce/testing';
import { inMemoryAudit } from '../../test/fakes/audit.fake.js';
import type { InMemoryAuditRepository } from '../../test/fakes/audit.repository.fake.js';
import { InMemoryUsersRepository } from '../../test/fakes/users.repository.fake.js';
import { DomainError } from '../platform/errors/domain-error.js';
import type { UsersRepository } from '../users/users.repository.js';
import type {
  ClaimState,
  IdempotencyRepository,
  KeyClaim,
  StoredOutcome,
} from '../platform/idempotency/idempotency.repository.js';
import { IdempotencyService } from '../platform/idempotency/idempotency.service.js';
import { type OrderActor, OrdersService } from './orders.service.js';

const buyer: OrderActor = { id: nextUuid(), role: 'user' };
const stranger: OrderActor = { id: nextUuid(), role: 'user' };
const admin: OrderActor = { id: nextUuid(), role: 'admin' };

describe('OrdersService', () => {
  let clock: ManualClock;
  let orders: InMemoryOrdersRepository;
  let registry: MetricsRegistry;
  let service: OrdersService;
  let events: InMemoryAuditRepository;
  let users: InMemoryUsersRepository;
  /** The service as built in beforeEach, with other settings. */
  let build: (env?: Record<string, string>) => OrdersService;
  /** Outcomes recorded per key, as the key table would keep them (no transactions here). */
  let completed: Map<string, StoredOutcome>;
  const keys: Public<IdempotencyRepository> = {
    claim: (_tx: unknown, claim: KeyClaim): Promise<ClaimState> => {
      const outcome = completed.get(claim.key);
      return Promise.resolve(outcome ? { kind: 'completed', outcome } : { kind: 'claimed' });
    },
    complete: (_tx: unknown, claim: Pick<KeyClaim, 'key'>, outcome: StoredOutcome) => {
      completed.set(claim.key, outcome);
      return Promise.resolve();
    },
    beginWork: () => Promise.resolve(),
    undoWork: () => Promise.resolve(),
  };
  const key = (): string => nextUuid();

  const counter = async (name: string): Promise<number> =>
    (await registry.registry.getSingleMetric(name)?.get())?.values[0]?.value ?? 0;

  beforeEach(() => {
    clock = new ManualClock();
    orders = new InMemoryOrdersRepository(clock);
    registry = new MetricsRegistry();
    const store = new MemoryStore(() => clock.now().getTime());
    const catalog = new CatalogCache(new CacheAside(store), store);
    const metrics = new BusinessMetrics(registry);
    const repository = asReal<OrdersRepository>(orders);
    const fakes = inMemoryAudit(clock);
    events = fakes.events;
    orders.participants.push(events);
    users = new InMemoryUsersRepository(clock);
    build = (env = {}) =>
      new OrdersService(
        repository,
        new OrderTransitions(repository, catalog, metrics),
        catalog,
        metrics,
        new IdempotencyService(asReal<IdempotencyRepository>(keys), clock),
        fakes.audit,
        loadConfig({ NODE_ENV: 'test', ...env }, { signingKeys: false }),
        asReal<UsersRepository>(users),
      );
    service = build();
    completed = new Map();
  });

  describe('place', () => {
    it('takes the stock, snapshots prices, computes the total and records order.placed', async () => {
      const mug = orders.addProduct({ priceCents: 1_250, stock: 5 });
      const cup = orders.addProduct({ priceCents: 300, stock: 2 });
      const { placed, replayed } = await service.place(
        buyer.id,
        [
          { productId: mug.id, quantity: 2 },
          { productId: cup.id, quantity: 1 },
        ],
        key(),
      );
      expect(replayed).toBe(false);
      expect(placed.order).toMatchObject({
        userId: buyer.id,
        status: 'pending',
        totalCents: 2_800,
        currency: 'EUR',
        items: [
          { productId: mug.id, quantity: 2, unitPriceCents: 1_250 },
          { productId: cup.id, quantity: 1, unitPriceCents: 300 },
        ],
      });
      expect(orders.product(mug.id)?.stock).toBe(3);
      expect(orders.product(cup.id)?.stock).toBe(1);
      expect(orders.events.map((event) => event.type)).toEqual(['order.placed']);
      expect([...completed.values()]).toEqual([{ result: placed }]);
      expect(await counter('orders_placed_total')).toBe(1);
    });

    describe('with AUTH_REQUIRE_VERIFIED_EMAIL', () => {
      it('refuses an account that has not verified its email, and takes nothing', async () => {
        service = build({ AUTH_REQUIRE_VERIFIED_EMAIL: 'true' });
        const unverified = users.add();
        const mug = orders.addProduct({ stock: 5 });
        await expect(
          service.place(unverified.id, [{ productId: mug.id, quantity: 1 }], key()),
        ).rejects.toEqual(new DomainError('email_not_verified'));
        expect(orders.product(mug.id)?.stock).toBe(5);
        expect(orders.events).toEqual([]);
      });

      it('places the order of a verified account', async () => {
        service = build({ AUTH_REQUIRE_VERIFIED_EMAIL: 'true' });
        const verified = users.add({ emailVerifiedAt: clock.now() });
        const mug = orders.addProduct({ stock: 5 });
        const { placed } = await service.place(
          verified.id,
          [{ productId: mug.id, quantity: 1 }],
          key(),
        );
        expect(placed.order.userId).toBe(verified.id);
      });
    });

    it('does not ask for a verified email by default', async () => {
      const mug = orders.addProduct({ stock: 5 });
      // buyer has no account row at all: nothing about the account is read.
      await expect(
        service.place(buyer.id, [{ productId: mug.id, quantity: 1 }], key()),
      ).resolves.toMatchObject({ replayed: false });
    });

    it('keeps the total exact beyond 2^53 cents', async () => {
      const big = orders.addProduct({ priceCents: 100_000_000, stock: 1_000 });
      const { placed } = await service.place(
        buyer.id,
        [{ productId: big.id, quantity: 1_000 }],
        key(),
      );
      expect(placed.order).toMatchObject({ totalCents: 100_000_000_000 });
    });

    it.each([
      ['unknown', (): string => nextUuid()],
      ['archived', (o: InMemoryOrdersRepository): string => o.addProduct({ active: false }).id],
    ])('refuses an %s product with product_unavailable, pointing at the line', async (_, id) => {
      const fine = orders.addProduct();
      const error = await service
        .place(
          buyer.id,
          [
            { productId: fine.id, quantity: 1 },
            { productId: id(orders), quantity: 1 },
          ],
          key(),
        )
        .catch((caught: unknown) => caught);
      expect(error).toMatchObject({
        code: 'product_unavailable',
        errors: [{ pointer: '#/items/1/productId', detail: 'is not for sale' }],
      });
      expect(orders.product(fine.id)?.stock).toBe(10);
      expect(orders.events).toEqual([]);
      // The refusal is kept for the key: a retry gets it again.
      expect([...completed.values()]).toMatchObject([{ error: 'product_unavailable' }]);
    });

    it('refuses lines in two currencies with mixed_currencies', async () => {
      const euro = orders.addProduct({ currency: 'EUR' });
      const dollar = orders.addProduct({ currency: 'USD' });
      await expect(
        service.place(
          buyer.id,
          [
            { productId: euro.id, quantity: 1 },
            { productId: dollar.id, quantity: 1 },
          ],
          key(),
        ),
      ).rejects.toMatchObject({ code: 'mixed_currencies' });
    });

    it('refuses more than the stock with insufficient_stock, says what is left, takes nothing', async () => {
      const plenty = orders.addProduct({ stock: 10 });
      const scarce = orders.addProduct({ stock: 2 });
      await expect(
        service.place(
          buyer.id,
          [
            { productId: plenty.id, quantity: 1 },
            { productId: scarce.id, quantity: 3 },
          ],
          key(),
        ),
      ).rejects.toMatchObject({
        code: 'insufficient_stock',
        errors: [{ pointer: '#/items/1/quantity', detail: 'only 2 left' }],
      });
      expect(orders.product(plenty.id)?.stock).toBe(10);
      expect(orders.product(scarce.id)?.stock).toBe(2);
      expect(await counter('orders_placed_total')).toBe(0);
    });

    it('sells the last unit', async () => {
      const last = orders.addProduct({ stock: 1 });
      await service.place(buyer.id, [{ productId: last.id, quantity: 1 }], key());
      expect(orders.product(last.id)?.stock).toBe(0);
    });

    it('replays the outcome kept for the key: the same order, nothing placed again', async () => {
      const mug = orders.addProduct({ stock: 5 });
      const again = key();
      const first = await service.place(buyer.id, [{ productId: mug.id, quantity: 1 }], again);
      const retry = await service.place(buyer.id, [{ productId: mug.id, quantity: 1 }], again);
      expect(retry).toEqual({ placed: first.placed, replayed: true });
      expect(orders.product(mug.id)?.stock).toBe(4);
      expect(await counter('orders_placed_total')).toBe(1);
    });

    it('replays a kept refusal as the same domain error', async () => {
      const scarce = orders.addProduct({ stock: 1 });
      const again = key();
      const items = [{ productId: scarce.id, quantity: 2 }];
      await expect(service.place(buyer.id, items, again)).rejects.toMatchObject({
        code: 'insufficient_stock',
      });
      orders.addProduct({ stock: 5 });
      await expect(service.place(buyer.id, items, again)).rejects.toMatchObject({
        code: 'insufficient_stock',
        errors: [{ pointer: '#/items/0/quantity', detail: 'only 1 left' }],
      });
    });
  });

  describe('get', () => {
    let order: OrderRecord;
    beforeEach(() => {
      order = orders.addOrder({ userId: buyer.id, version: 3 });
    });

    it.each([
      ['its owner', buyer],
      ['an admin', admin],
    ])('shows an order to %s, with its version', async (_, actor) => {
      await expect(service.get(actor, order.id)).resolves.toMatchObject({
        order: { id: order.id },
        version: 3,
      });
    });

    it('hides an order of another user as order_not_found', async () => {
      await expect(service.get(stranger, order.id)).rejects.toEqual(
        new DomainError('order_not_found'),
      );
    });
  });

  describe('list', () => {
    beforeEach(() => {
      for (const [userId, status] of [
        [buyer.id, 'pending'],
        [stranger.id, 'paid'],
        [buyer.id, 'paid'],
        [buyer.id, 'cancelled'],
      ] as const) {
        orders.addOrder({ userId, status });
        clock.advance(1_000);
      }
    });

    it('shows a user only their own orders, newest first, page by page', async () => {
      const first = await service.list(buyer, { limit: 2 });
      expect(first.data.map((order) => order.status)).toEqual(['cancelled', 'paid']);
      const { k, i } = JSON.parse(Buffer.from(first.nextCursor ?? '', 'base64url').toString()) as {
        k: string;
        i: string;
      };
      const second = await service.list(buyer, { limit: 2, cursor: { key: k, id: i } });
      expect(second.data.map((order) => order.status)).toEqual(['pending']);
      expect(second.nextCursor).toBeNull();
    });

    it('filters by status', async () => {
      const page = await service.list(buyer, { limit: 10, status: 'paid' });
      expect(page.data.map((order) => order.userId)).toEqual([buyer.id]);
    });

    it('shows an admin everyone’s orders, or one user’s', async () => {
      expect((await service.list(admin, { limit: 10 })).data).toHaveLength(4);
      const one = await service.list(admin, { limit: 10, userId: stranger.id });
      expect(one.data.map((order) => order.userId)).toEqual([stranger.id]);
    });

    it('refuses userId from a user with forbidden', async () => {
      await expect(service.list(buyer, { limit: 10, userId: stranger.id })).rejects.toEqual(
        new DomainError('forbidden'),
      );
    });

    it('refuses a cursor whose key is no time with validation_failed', async () => {
      await expect(
        service.list(buyer, { limit: 10, cursor: { key: 'not a time', id: nextUuid() } }),
      ).rejects.toMatchObject({ code: 'validation_failed' });
    });
  });

  describe('cancel', () => {
    const placed = async (quantity = 2): Promise<{ orderId: string; productId: string }> => {
      const product = orders.addProduct({ stock: 5 });
      const { placed: order } = await service.place(
        buyer.id,
        [{ productId: product.id, quantity }],
        key(),
      );
      return { orderId: order.order.id, productId: product.id };
    };

    it.each([
      ['its owner', buyer],
      ['an admin', admin],
    ])('lets %s cancel a pending order: stock back, order.cancelled recorded', async (_, actor) => {
      const { orderId, productId } = await placed();
      const { order, version } = await service.cancel(actor, orderId);
      expect(order.status).toBe('cancelled');
      expect(version).toBe(2);
      expect(orders.product(productId)?.stock).toBe(5);
      expect(orders.events.map((event) => event.type)).toEqual(['order.placed', 'order.cancelled']);
      expect(await counter('orders_cancelled_total')).toBe(1);
    });

    it('cancels a paid order too', async () => {
      const order = orders.addOrder({ userId: buyer.id, status: 'paid' });
      await expect(service.cancel(buyer, order.id)).resolves.toMatchObject({
        order: { status: 'cancelled' },
      });
    });

    it.each(['shipped', 'delivered', 'cancelled'] as const)(
      'refuses to cancel a %s order with order_not_cancellable, changing nothing',
      async (status) => {
        const order = orders.addOrder({ userId: buyer.id, status });
        await expect(service.cancel(buyer, order.id)).rejects.toMatchObject({
          code: 'order_not_cancellable',
          detail: `The order is ${status}.`,
        });
        expect(orders.order(order.id)?.status).toBe(status);
        expect(orders.events).toEqual([]);
      },
    );

    it('hides another user’s order as order_not_found and leaves it alone', async () => {
      const { orderId, productId } = await placed();
      await expect(service.cancel(stranger, orderId)).rejects.toEqual(
        new DomainError('order_not_found'),
      );
      expect(orders.order(orderId)?.status).toBe('pending');
      expect(orders.product(productId)?.stock).toBe(3);
    });
  });

  describe('transition (admin)', () => {
    it.each([
      ['pending', 'paid'],
      ['paid', 'shipped'],
      ['shipped', 'delivered'],
    ] as const)('moves %s → %s and records the event', async (from, to) => {
      const order = orders.addOrder({ userId: buyer.id, status: from });
      const { order: changed } = await service.transition(admin, order.id, to, undefined);
      expect(changed.status).toBe(to);
      expect(orders.events.map((event) => event.type)).toEqual([`order.${to}`]);
    });

    it.each([
      ['pending', 'shipped'],
      ['pending', 'delivered'],
      ['paid', 'delivered'],
      ['delivered', 'shipped'],
      ['cancelled', 'paid'],
    ] as const)('refuses %s → %s with invalid_transition', async (from, to) => {
      const order = orders.addOrder({ userId: buyer.id, status: from });
      await expect(service.transition(admin, order.id, to, undefined)).rejects.toMatchObject({
        code: 'invalid_transition',
        detail: `The order is ${from}.`,
      });
    });

    it('refuses any move back to pending', async () => {
      const order = orders.addOrder({ userId: buyer.id, status: 'paid' });
      await expect(service.transition(admin, order.id, 'pending', undefined)).rejects.toMatchObject(
        {
          code: 'invalid_transition',
        },
      );
    });

    it('answers order_not_found, not invalid_transition, for an unknown order moved to pending', async () => {
      await expect(service.transition(admin, nextUuid(), 'pending', undefined)).rejects.toEqual(
        new DomainError('order_not_found'),
      );
    });

    it('applies an If-Match version that is current', async () => {
      const order = orders.addOrder({ userId: buyer.id, version: 4 });
      await expect(service.transition(admin, order.id, 'paid', 4)).resolves.toMatchObject({
        version: 5,
      });
    });

    it.each([3, null])('refuses If-Match version %p with precondition_failed', async (version) => {
      const order = orders.addOrder({ userId: buyer.id, version: 4 });
      await expect(service.transition(admin, order.id, 'paid', version)).rejects.toEqual(
        new DomainError('precondition_failed'),
      );
      expect(orders.order(order.id)?.status).toBe('pending');
    });
  });

  describe('audit', () => {
    it('records an administrator’s status change with the statuses before and after', async () => {
      const order = orders.addOrder({ userId: buyer.id, status: 'pending' });
      await service.transition(admin, order.id, 'paid', undefined);
      await service.cancel(admin, order.id);
      expect(
        events.rows.map(({ action, targetType, targetId, details }) => [
          action,
          targetType,
          targetId,
          details,
        ]),
      ).toEqual([
        ['order.status.change', 'order', order.id, { from: 'pending', to: 'paid' }],
        ['order.status.change', 'order', order.id, { from: 'paid', to: 'cancelled' }],
      ]);
    });

    it('records neither an owner’s own cancellation nor a refused move', async () => {
      const mine = orders.addOrder({ userId: buyer.id, status: 'pending' });
      await service.cancel(buyer, mine.id);
      const shipped = orders.addOrder({ userId: buyer.id, status: 'shipped' });
      await service.transition(admin, shipped.id, 'paid', undefined).catch(() => undefined);
      expect(events.rows).toEqual([]);
    });
  });
});
