import { Injectable } from '@nestjs/common';
import { Counter, Histogram } from 'prom-client';
import { MetricsRegistry } from './metrics.registry.js';

/** Labels of one answered request; `route` is the route pattern, never the raw path. */
export interface HttpObservation {
  readonly method: string;
  /** `/v1/users/:id`, or `unmatched` when no route matched (keeps the label set bounded). */
  readonly route: string;
  readonly statusCode: number;
  readonly seconds: number;
}

/** Request durations by route and status, and requests refused by rate limiting. */
@Injectable()
export class HttpMetrics {
  private readonly duration: Histogram<'method' | 'route' | 'status_code'>;
  private readonly rateLimited: Counter<'route'>;
  /**
   * The histogram's children by label set, bound once: a request then costs one map lookup
   * and the observation, not a label object, its validation and hashing. Routes are patterns and
   * statuses a few dozen, so the map stays small.
   */
  private readonly bound = new Map<string, (seconds: number) => void>();

  constructor({ registry }: MetricsRegistry) {
    this.duration = new Histogram({
      name: 'http_server_request_duration_seconds',
      help: 'Duration of HTTP requests answered by the API, by route pattern and status.',
      labelNames: ['method', 'route', 'status_code'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    });
    this.rateLimited = new Counter({
      name: 'http_rate_limit_rejections_total',
      help: 'Requests answered 429 by the rate limiter, by route pattern.',
      labelNames: ['route'],
      registers: [registry],
    });
  }

  observe({ method, route, statusCode, seconds }: HttpObservation): void {
    const key = `${method} ${statusCode} ${route}`;
    let observe = this.bound.get(key);
    if (observe === undefined) {
      const child = this.duration.labels({ method, route, status_code: String(statusCode) });
      observe = (value) => {
        child.observe(value);
      };
      this.bound.set(key, observe);
    }
    observe(seconds);
  }

  rateLimitRejected(route: string): void {
    this.rateLimited.inc({ route });
  }
}
