import { describe, expect, it } from '@jest/globals';
import { DatabasePoolMetrics, type PoolStats } from './database-pool.metrics.js';
import { MetricsRegistry } from './metrics.registry.js';

describe('DatabasePoolMetrics', () => {
  it('reports no connections until a pool is observed', async () => {
    const metrics = new MetricsRegistry();
    new DatabasePoolMetrics(metrics);
    const text = await metrics.registry.metrics();
    expect(text).not.toMatch(/^db_pool_connections\{/m);
  });

  it('reads the pool at each scrape: used and idle connections, waiting queries, the limit', async () => {
    const metrics = new MetricsRegistry();
    const pool = new DatabasePoolMetrics(metrics);
    let stats: PoolStats = { total: 7, idle: 2, waiting: 3, max: 10 };
    pool.observe(() => stats);
    const sample = async () => {
      const text = await metrics.registry.metrics();
      return text.split('\n').filter((line) => line.startsWith('db_pool_'));
    };
    expect(await sample()).toEqual([
      'db_pool_connections{state="used"} 5',
      'db_pool_connections{state="idle"} 2',
      'db_pool_waiting_requests 3',
      'db_pool_max_connections 10',
    ]);
    stats = { total: 10, idle: 0, waiting: 0, max: 10 };
    expect(await sample()).toEqual([
      'db_pool_connections{state="used"} 10',
      'db_pool_connections{state="idle"} 0',
      'db_pool_waiting_requests 0',
      'db_pool_max_connections 10',
    ]);
  });
});
