import { HttpMetrics } from '@libs/observability';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/** Label of requests no route matched: raw paths would make the label set unbounded. */
const UNMATCHED_ROUTE = 'unmatched';

/**
 * Records every answered request in the request-duration histogram, by route pattern and
 * status; 429s are also counted as rate-limit rejections (only the rate limiter answers 429).
 */
export function recordRequestMetrics(app: NestFastifyApplication): void {
  const metrics = app.get(HttpMetrics);
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onResponse', (request, reply, done) => {
      const route = request.routeOptions.url ?? UNMATCHED_ROUTE;
      metrics.observe({
        method: request.method,
        route,
        statusCode: reply.statusCode,
        seconds: reply.elapsedTime / 1000,
      });
      if (reply.statusCode === 429) metrics.rateLimitRejected(route);
      done();
    });
}
