import { Injectable } from '@nestjs/common';
import { OrderTransitions } from '@libs/commerce';
import { type Config, InjectConfig } from '@libs/config';
import { MaintenanceRepository } from './maintenance.repository.js';

const BATCH = 100;

/**
 * Cancels orders left pending past PENDING_ORDER_TIMEOUT_MINUTES and gives their stock back,
 * each in its own short transaction, through the same status change as a cancel through the
 * API (row lock, status re-checked under it, stock returned, `order.cancelled` in the outbox),
 * so it is safe next to API traffic and on several replicas, and running it twice changes
 * nothing twice.
 */
@Injectable()
export class StaleOrders {
  constructor(
    private readonly maintenance: MaintenanceRepository,
    private readonly transitions: OrderTransitions,
    @InjectConfig() private readonly config: Config,
  ) {}

  /** Returns how many orders it cancelled. */
  async release(now: Date): Promise<number> {
    const cutoff = new Date(now.getTime() - this.config.worker.pendingOrderTimeoutMs);
    let released = 0;
    for (;;) {
      const candidates = await this.maintenance.pendingOrdersBefore(cutoff, BATCH);
      for (const id of candidates) {
        // Paid or cancelled meanwhile (through the API, or by another replica): leave it.
        const cancelled = await this.transitions.change(
          id,
          'cancelled',
          (current) => current?.status === 'pending',
        );
        if (cancelled) released += 1;
      }
      if (candidates.length < BATCH) return released;
    }
  }
}
