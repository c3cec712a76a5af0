import { beforeEach, describe, expect, it } from '@jest/globals';
import { CacheAside, MemoryStore } from '@libs/cache';
import { BusinessMetrics, MetricsRegistry } from '@libs/observability';
import { ManualClock, asReal } from '@libs/testing/fakes';
import { InMemoryOrdersRepository } from '../test/orders.repository.fake.js';
import { CatalogCache } from './catalog-cache.js';
import { OrderTransitions } from './order-transitions.js';
import type { OrdersRepository } from './orders.repository.js';

const USER = '00000000-0000-4000-8000-0000000000aa';

describe('OrderTransitions', () => {
  let orders: InMemoryOrdersRepository;
  let store: MemoryStore;
  let registry: MetricsRegistry;
  let transitions: OrderTransitions;

  beforeEach(() => {
    const clock = new ManualClock();
    orders = new InMemoryOrdersRepository(clock);
    store = new MemoryStore(() => clock.now().getTime());
    registry = new MetricsRegistry();
    transitions = new OrderTransitions(
      asReal<OrdersRepository>(orders),
      new CatalogCache(new CacheAside(store), store),
      new BusinessMetrics(registry),
    );
  });

  const cancelledCount = async (): Promise<number> =>
    (await registry.registry.getSingleMetric('orders_cancelled_total')?.get())?.values[0]?.value ??
    0;

  const orderOf = (quantity: number, status: 'pending' | 'paid' | 'shipped' = 'pending') =>
    orders.addOrderOfOneProduct({ userId: USER, quantity, stock: 5, status });

  it('cancels: stock back, new version, order.cancelled in the outbox, counted', async () => {
    const { order, product } = orderOf(2);
    const changed = await transitions.change(order.id, 'cancelled', () => true, {
      traceparent: '00-abc-def-01',
    });
    expect(changed).toMatchObject({ status: 'cancelled', version: 2 });
    expect(orders.product(product.id)?.stock).toBe(7);
    expect(orders.events).toEqual([
      expect.objectContaining({ type: 'order.cancelled', aggregateId: order.id }),
    ]);
    expect(await cancelledCount()).toBe(1);
  });

  it('drops the cached products whose stock came back', async () => {
    const { order, product } = orderOf(1);
    await store.set(`catalog:product:${product.id}`, '{"stale":true}', 60_000);
    await transitions.change(order.id, 'cancelled', () => true);
    expect(await store.get(`catalog:product:${product.id}`)).toBeNull();
  });

  it('moves other statuses without touching stock or the cancellation count', async () => {
    const { order, product } = orderOf(2);
    await expect(transitions.change(order.id, 'paid', () => true)).resolves.toMatchObject({
      status: 'paid',
    });
    expect(orders.product(product.id)?.stock).toBe(5);
    expect(orders.events.map((event) => event.type)).toEqual(['order.paid']);
    expect(await cancelledCount()).toBe(0);
  });

  it('shows the check the locked order, and leaves it alone when the check says no', async () => {
    const { order, product } = orderOf(2, 'paid');
    const seen: unknown[] = [];
    const changed = await transitions.change(order.id, 'cancelled', (current) => {
      seen.push(current);
      return current?.status === 'pending';
    });
    expect(changed).toBeNull();
    expect(seen).toEqual([{ userId: USER, status: 'paid', version: 1 }]);
    expect(orders.order(order.id)?.status).toBe('paid');
    expect(orders.product(product.id)?.stock).toBe(5);
    expect(orders.events).toEqual([]);
  });

  it('shows the check an unknown order as undefined', async () => {
    let seen: unknown = 'not called';
    await transitions.change('00000000-0000-4000-8000-00000000ffff', 'paid', (current) => {
      seen = current;
      return false;
    });
    expect(seen).toBeUndefined();
  });

  it('writes nothing when the check refuses by throwing', async () => {
    const { order } = orderOf(1);
    const refusal = new Error('not yours');
    await expect(
      transitions.change(order.id, 'cancelled', () => {
        throw refusal;
      }),
    ).rejects.toBe(refusal);
    expect(orders.order(order.id)?.status).toBe('pending');
    expect(await cancelledCount()).toBe(0);
  });
});
