import { beforeEach, describe, expect, it } from '@jest/globals';
import { CacheAside, MemoryStore } from '@libs/cache';
import { CatalogCache, OrderTransitions, type OrdersRepository } from '@libs/commerce';
import { InMemoryOrdersRepository } from '@libs/commerce/testing';
import { loadConfig } from '@libs/config';
import { BusinessMetrics, MetricsRegistry } from '@libs/observability';
import { ManualClock, asReal } from '@libs/testing/fakes';
import type { MaintenanceRepository } from './maintenance.repository.js';
import { StaleOrders } from './stale-orders.js';

const MINUTE = 60_000;
const USER = '00000000-0000-4000-8000-0000000000bb';

describe('StaleOrders', () => {
  const config = loadConfig(
    { NODE_ENV: 'test', PENDING_ORDER_TIMEOUT_MINUTES: '30' },
    { signingKeys: false },
  );
  let clock: ManualClock;
  let orders: InMemoryOrdersRepository;
  let stale: StaleOrders;

  beforeEach(() => {
    clock = new ManualClock();
    orders = new InMemoryOrdersRepository(clock);
    const store = new MemoryStore(() => clock.now().getTime());
    const repository = asReal<OrdersRepository>(orders);
    // The candidates query as the database answers it: pending, placed before the cutoff.
    const maintenance = {
      pendingOrdersBefore: (cutoff: Date, limit: number) =>
        Promise.resolve(
          orders
            .all()
            .filter((order) => order.status === 'pending' && order.createdAt < cutoff)
            .slice(0, limit)
            .map((order) => order.id),
        ),
    } as unknown as MaintenanceRepository;
    stale = new StaleOrders(
      maintenance,
      new OrderTransitions(
        repository,
        new CatalogCache(new CacheAside(store), store),
        new BusinessMetrics(new MetricsRegistry()),
      ),
      config,
    );
  });

  const pending = (quantity = 1) =>
    orders.addOrderOfOneProduct({ userId: USER, quantity, stock: 10 });

  it('cancels orders pending longer than the timeout and gives their stock back', async () => {
    const { order, product } = pending(3);
    clock.advance(31 * MINUTE);
    await expect(stale.release(clock.now())).resolves.toBe(1);
    expect(orders.order(order.id)?.status).toBe('cancelled');
    expect(orders.product(product.id)?.stock).toBe(13);
    expect(orders.events.map((event) => event.type)).toEqual(['order.cancelled']);
  });

  it('leaves younger orders alone', async () => {
    const { order } = pending();
    clock.advance(29 * MINUTE);
    await expect(stale.release(clock.now())).resolves.toBe(0);
    expect(orders.order(order.id)?.status).toBe('pending');
  });

  it('changes nothing the second time', async () => {
    const { product } = pending(2);
    clock.advance(31 * MINUTE);
    await stale.release(clock.now());
    await expect(stale.release(clock.now())).resolves.toBe(0);
    expect(orders.product(product.id)?.stock).toBe(12);
  });

  it('releases more orders than one batch holds', async () => {
    for (let index = 0; index < 150; index += 1) pending();
    clock.advance(31 * MINUTE);
    await expect(stale.release(clock.now())).resolves.toBe(150);
  });
});
