import { Injectable } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { MetricsRegistry } from './metrics.registry.js';

/** A connection pool's state, read when Prometheus scrapes. */
export interface PoolStats {
  /** Open connections, busy or idle. */
  readonly total: number;
  readonly idle: number;
  /** Queries waiting for a free connection. */
  readonly waiting: number;
  readonly max: number;
}

/**
 * Database pool usage: connections by state, waiting queries, pool size. Saturation shows as
 * `db_pool_connections{state="used"} == db_pool_max_connections` with waiting queries above 0.
 */
@Injectable()
export class DatabasePoolMetrics {
  private source: (() => PoolStats) | undefined;

  constructor({ registry }: MetricsRegistry) {
    /** A gauge set from the pool's stats at each scrape; nothing before a pool is observed. */
    const gauge = (
      name: string,
      help: string,
      values: (stats: PoolStats) => readonly (readonly [labels: Record<string, string>, number])[],
    ): void => {
      const read = (): PoolStats | undefined => this.source?.();
      const labelNames = Object.keys(
        values({ total: 0, idle: 0, waiting: 0, max: 0 })[0]?.[0] ?? {},
      );
      new Gauge({
        name,
        help,
        labelNames,
        registers: [registry],
        collect() {
          const stats = read();
          if (!stats) return;
          for (const [labels, value] of values(stats)) this.set(labels, value);
        },
      });
    };
    gauge(
      'db_pool_connections',
      'Open database connections of this process, by state (used, idle).',
      (stats) => [
        [{ state: 'used' }, stats.total - stats.idle],
        [{ state: 'idle' }, stats.idle],
      ],
    );
    gauge(
      'db_pool_waiting_requests',
      'Queries waiting for a free database connection.',
      (stats) => [[{}, stats.waiting]],
    );
    gauge(
      'db_pool_max_connections',
      'Size limit of the database pool of this process.',
      (stats) => [[{}, stats.max]],
    );
  }

  /** Registers the pool to report (the app's PrismaService). */
  observe(source: () => PoolStats): void {
    this.source = source;
  }
}
