export { LoggerModule, requestLine, requestLogLevel } from './logger.module.js';
export { requestIds } from './request-context.js';
export { BusinessMetrics } from './metrics/business.metrics.js';
export { CacheMetrics } from './metrics/cache.metrics.js';
export { DatabasePoolMetrics } from './metrics/database-pool.metrics.js';
export { HttpMetrics } from './metrics/http.metrics.js';
export { MetricsModule } from './metrics/metrics.module.js';
export { MetricsRegistry } from './metrics/metrics.registry.js';
export { MetricsServer } from './metrics/metrics.server.js';
export { OutboxMetrics } from './metrics/outbox.metrics.js';
export {
  currentTraceContext,
  currentTraceId,
  recordRoute,
  untraced,
  withTraceContext,
} from './telemetry/trace-context.js';
export { pingIndicator } from './health/ping-indicator.js';
