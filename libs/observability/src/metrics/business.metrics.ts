import { Injectable } from '@nestjs/common';
import { Counter } from 'prom-client';
import { MetricsRegistry } from './metrics.registry.js';

/**
 * Business events, counted where they happen. Call after the transaction that made them
 * committed (a rolled-back order was never placed), and not for idempotent replays.
 */
@Injectable()
export class BusinessMetrics {
  private readonly placed: Counter;
  private readonly cancelled: Counter;

  constructor({ registry }: MetricsRegistry) {
    this.placed = new Counter({
      name: 'orders_placed_total',
      help: 'Orders created (201), replays of an idempotent request excluded.',
      registers: [registry],
    });
    this.cancelled = new Counter({
      name: 'orders_cancelled_total',
      help: 'Orders moved to cancelled, by the owner or an admin.',
      registers: [registry],
    });
  }

  orderPlaced(): void {
    this.placed.inc();
  }

  orderCancelled(): void {
    this.cancelled.inc();
  }
}
