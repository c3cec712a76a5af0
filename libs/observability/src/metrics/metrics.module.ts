import { Global, Module } from '@nestjs/common';
import { BusinessMetrics } from './business.metrics.js';
import { CacheMetrics } from './cache.metrics.js';
import { DatabasePoolMetrics } from './database-pool.metrics.js';
import { HttpMetrics } from './http.metrics.js';
import { MetricsRegistry } from './metrics.registry.js';
import { MetricsServer } from './metrics.server.js';
import { OutboxMetrics } from './outbox.metrics.js';

const providers = [
  MetricsRegistry,
  MetricsServer,
  HttpMetrics,
  CacheMetrics,
  DatabasePoolMetrics,
  BusinessMetrics,
  OutboxMetrics,
];

/** Prometheus metrics of an app; inject the one metrics class a service records into. */
@Global()
@Module({ providers, exports: providers })
export class MetricsModule {}
