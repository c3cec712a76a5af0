import { Injectable } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { MetricsRegistry } from './metrics.registry.js';

/**
 * Outbox lag: age in seconds of the oldest event not yet delivered (0 when none waits). The
 * worker registers how to read it; an alert on a growing lag catches a stuck relay.
 */
@Injectable()
export class OutboxMetrics {
  private source: (() => Promise<number>) | undefined;

  constructor({ registry }: MetricsRegistry) {
    const read = (): Promise<number> | undefined => this.source?.();
    new Gauge({
      name: 'outbox_lag_seconds',
      help: 'Age of the oldest undelivered outbox event, in seconds (0 when none waits).',
      registers: [registry],
      async collect() {
        // An unreadable lag (database down) is unknown, not a failed scrape: every other metric
        // is wanted most during an outage.
        const lag = await read()?.catch(() => Number.NaN);
        if (lag !== undefined) this.set(lag);
      },
    });
  }

  /** `source` answers the current lag in seconds; it runs on every scrape, so keep it one query. */
  observeLag(source: () => Promise<number>): void {
    this.source = source;
  }
}
