import { Injectable } from '@nestjs/common';
import type { OrderStatus } from '@libs/database';
import { BusinessMetrics } from '@libs/observability';
import { CatalogCache } from './catalog-cache.js';
import { recordOrderEvent } from './order-events.js';
import {
  type LockedOrder,
  type OrderRecord,
  OrdersRepository,
  type Transaction,
} from './orders.repository.js';

/**
 * Decides on the locked order whether the change goes ahead: true goes on, false leaves the
 * order as it is (the change answers null), and throwing refuses it (nothing is written).
 */
export type TransitionCheck = (current: LockedOrder | undefined) => boolean;

/** More writes in the transaction of a change (an audit row): `from` is the status before. */
export type AlongsideTransition = (
  tx: Transaction,
  change: { readonly order: OrderRecord; readonly from: OrderStatus },
) => Promise<void>;

/**
 * Status changes of an order after it was placed, the same for the API (cancel, admin moves)
 * and the worker (stale orders released): one transaction locks the order row, asks `check`,
 * gives the stock back when cancelling, writes the new status and its `order.<status>` outbox
 * event. After the commit the returned products leave the catalog cache and cancellations are
 * counted. Concurrent changes of one order queue on its row lock and re-check under it.
 */
@Injectable()
export class OrderTransitions {
  constructor(
    private readonly orders: OrdersRepository,
    private readonly catalog: CatalogCache,
    private readonly metrics: BusinessMetrics,
  ) {}

  async change(
    id: string,
    status: Exclude<OrderStatus, 'pending'>,
    check: TransitionCheck,
    traceHeaders: Readonly<Record<string, string>> = {},
    alongside?: AlongsideTransition,
  ): Promise<OrderRecord | null> {
    let returnedStock: string[] = [];
    const changed = await this.orders.transaction(async (tx) => {
      const current = await this.orders.lockOrder(tx, id);
      if (!check(current) || !current) return null;
      if (status === 'cancelled') returnedStock = await this.orders.returnStock(tx, id);
      const order = await this.orders.setStatus(tx, id, status);
      await recordOrderEvent(tx, `order.${status}`, order, traceHeaders);
      await alongside?.(tx, { order, from: current.status });
      return order;
    });
    if (!changed) return null;
    if (returnedStock.length > 0) await this.catalog.invalidate(...returnedStock);
    if (status === 'cancelled') this.metrics.orderCancelled();
    return changed;
  }
}
