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
    // Each gauge is set from the pool's stats at each scrape; nothing before a pool is observed.
    const stats = (): PoolStats | undefined => this.source?.();
    new Gauge({
      name: 'db_pool_connections',
      help: 'Open database connections of this process, by state (used, idle).',
      labelNames: ['state'],
      registers: [registry],
      collect() {
        const pool = stats();
        if (!pool) return;
        this.set({ state: 'used' }, pool.total - pool.idle);
        this.set({ state: 'idle' }, pool.idle);
      },
    });
    new Gauge({
      name: 'db_pool_waiting_requests',
      help: 'Queries waiting for a free database connection.',
      registers: [registry],
      collect() {
        const pool = stats();
        if (pool) this.set(pool.waiting);
      },
    });
    new Gauge({
      name: 'db_pool_max_connections',
      help: 'Size limit of the database pool of this process.',
      registers: [registry],
      collect() {
        const pool = stats();
        if (pool) this.set(pool.max);
      },
    });
  }

  /** Registers the pool to report (the app's PrismaService). */
  observe(source: () => PoolStats): void {
    this.source = source;
  }
}
