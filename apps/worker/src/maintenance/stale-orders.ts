import { Injectable } from '@nestjs/common';
import { CatalogCache, OrdersRepository, recordOrderEvent } from '@libs/commerce';
import { type Config, InjectConfig } from '@libs/config';
import { BusinessMetrics } from '@libs/observability';
import { MaintenanceRepository } from './maintenance.repository.js';

const BATCH = 100;

/**
 * Cancels orders left pending past PENDING_ORDER_TIMEOUT_MINUTES and gives their stock back.
 * Each order in its own short transaction, exactly like a cancel through the API (row lock,
 * status re-checked under it, stock returned, `order.cancelled` in the outbox), so it is safe
 * next to API traffic and on several replicas, and running it twice changes nothing twice.
 */
@Injectable()
export class StaleOrders {
  constructor(
    private readonly maintenance: MaintenanceRepository,
    private readonly orders: OrdersRepository,
    private readonly catalog: CatalogCache,
    private readonly metrics: BusinessMetrics,
    @InjectConfig() private readonly config: Config,
  ) {}

  /** Returns how many orders it cancelled. */
  async release(now: Date): Promise<number> {
    const cutoff = new Date(now.getTime() - this.config.worker.pendingOrderTimeoutMs);
    const limits = {
      maxWaitMs: this.config.database.poolTimeoutMs || 2_000,
      timeoutMs: this.config.database.statementTimeoutMs || 10_000,
    };
    let released = 0;
    for (;;) {
      const candidates = await this.maintenance.pendingOrdersBefore(cutoff, BATCH);
      for (const id of candidates) {
        const products = await this.orders.transaction(async (tx) => {
          const current = await this.orders.lockOrder(tx, id);
          // Paid or cancelled meanwhile (through the API, or by another replica): leave it.
          if (current?.status !== 'pending') return null;
          const returned = await this.orders.returnStock(tx, id);
          const cancelled = await this.orders.setStatus(tx, id, 'cancelled');
          await recordOrderEvent(tx, 'order.cancelled', cancelled);
          return returned;
        }, limits);
        if (products === null) continue;
        released += 1;
        this.metrics.orderCancelled();
        if (products.length > 0) await this.catalog.invalidate(...products);
      }
      if (candidates.length < BATCH) return released;
    }
  }
}
