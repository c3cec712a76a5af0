import { Injectable } from '@nestjs/common';
import { Counter } from 'prom-client';
import { MetricsRegistry } from './metrics.registry.js';

/**
 * Cache reads, hit or miss, per cache. Hit ratio:
 * `sum by (cache) (rate(cache_lookups_total{result="hit"}[5m])) / sum by (cache) (rate(cache_lookups_total[5m]))`.
 */
@Injectable()
export class CacheMetrics {
  private readonly lookups: Counter<'cache' | 'result'>;

  constructor({ registry }: MetricsRegistry) {
    this.lookups = new Counter({
      name: 'cache_lookups_total',
      help: 'Cache reads by cache and result (hit, miss).',
      labelNames: ['cache', 'result'],
      registers: [registry],
    });
  }

  /** `cache` names a fixed family of keys (`session`, `catalog`), never a key itself. */
  lookup(cache: string, hit: boolean): void {
    this.lookups.inc({ cache, result: hit ? 'hit' : 'miss' });
  }
}
