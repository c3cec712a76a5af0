import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Registry } from 'prom-client';

/**
 * The app's Prometheus registry: its own metrics plus Node's runtime metrics (CPU, memory, event
 * loop lag, GC). One per application instance, so apps built side by side in tests never clash.
 */
@Injectable()
export class MetricsRegistry {
  readonly registry = new Registry();

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  /** Prometheus text exposition format (what `GET /metrics` answers). */
  render(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
