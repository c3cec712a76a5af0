export { LoggerModule, loggerParams } from './logger.module.js';
export { BusinessMetrics } from './metrics/business.metrics.js';
export { CacheMetrics } from './metrics/cache.metrics.js';
export { DatabasePoolMetrics, type PoolStats } from './metrics/database-pool.metrics.js';
export { HttpMetrics, type HttpObservation } from './metrics/http.metrics.js';
export { MetricsModule } from './metrics/metrics.module.js';
export { MetricsRegistry } from './metrics/metrics.registry.js';
export { METRICS_PATH, MetricsServer } from './metrics/metrics.server.js';
export { OutboxMetrics } from './metrics/outbox.metrics.js';
export { REDACTED_PATHS } from './redaction.js';
export {
  currentTraceContext,
  type TraceCarrier,
  untraced,
  withTraceContext,
} from './telemetry/trace-context.js';
export { PING_TIMEOUT_MS, pingIndicator } from './health/ping-indicator.js';
