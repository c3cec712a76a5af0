import 'reflect-metadata';
import type { Config } from '@libs/config';
import type { DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { recordRoute, requestIds, requestLine } from '@libs/observability';
import { Logger, PinoLogger } from 'nestjs-pino';
import { readFileSync } from 'node:fs';
import { AppModule } from './app.module.js';
import { drainWhileShuttingDown } from './platform/lifecycle/graceful-shutdown.js';
import { AllowedMethods, ROUTER_OPTIONS } from './platform/http/allowed-methods.js';
import { answerClientError, answerFrameworkError } from './platform/http/framework-errors.js';
import { REQUEST_ID_HEADER, requestIdOf } from './platform/http/request-id.js';
import { recordRequestMetrics } from './platform/metrics/request-metrics.js';
import { applySecurity } from './platform/http/security.js';
import { setupOpenApi } from './platform/openapi/openapi.js';
import { ProblemDetailsFilter } from './platform/problem/problem-details.filter.js';
import { SchemaValidationPipe } from './platform/validation/schema-validation.pipe.js';

const API_VERSION = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;

/** A hop count trusts that many proxies, nearest first (what proxy-addr does for numbers). */
function trustProxyOption(
  value: boolean | number | string,
): boolean | string | ((address: string, hop: number) => boolean) {
  return typeof value === 'number' ? (_address, hop) => hop < value : value;
}

/**
 * Builds the API application, initialised but not listening. main.ts listens on it; e2e tests
 * drive it through supertest. `rootModule` lets a test add modules of its own.
 */
export async function createApp(
  config: Config,
  rootModule: DynamicModule = AppModule.forRoot(config),
): Promise<NestFastifyApplication> {
  const allowedMethods = new AllowedMethods();
  const adapter = new FastifyAdapter({
    bodyLimit: config.http.bodyLimit,
    routerOptions: ROUTER_OPTIONS,
    // Node would answer a request without Host itself, bare; request-checks.ts answers a problem.
    http: { requireHostHeader: false },
    trustProxy: trustProxyOption(config.http.trustProxy),
    genReqId: requestIdOf,
    requestIdHeader: false,
    // Keys like __proto__ in a JSON body are refused (400), never merged into objects.
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    // Slow clients cannot hold a connection open forever.
    requestTimeout: 30_000,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    frameworkErrors: answerFrameworkError,
    clientErrorHandler: answerClientError,
  });
  const fastify = adapter.getInstance();
  fastify.addHook('onRoute', (route) => allowedMethods.add(route.method, route.url));
  fastify.addHook('onRequest', (request, reply, done) => {
    // The request serializer reads the id from the raw request: log lines and responses share it.
    (request.raw as typeof request.raw & { id: string }).id = request.id;
    void reply.header(REQUEST_ID_HEADER, request.id);
    // The trace's server span is named after the route pattern, never the path with its ids.
    recordRoute(request.routeOptions.url);
    // Log lines written while serving the request carry its id (no child logger per request).
    requestIds.run(request.id, done);
  });
  // Reading a body leaves the request's async context behind: enter it again for the handler.
  fastify.addHook('preHandler', (request, _reply, done) => {
    requestIds.run(request.id, done);
  });
  // One line per answered request, at the level its status calls for (if that level logs).
  fastify.addHook('onResponse', (request, reply, done) => {
    requestLine(PinoLogger.root, request.raw, reply.raw, reply.elapsedTime, request.id);
    done();
  });
  // JSON is the only body format (docs/api.md): other content types get 415.
  fastify.removeContentTypeParser('text/plain');

  const app = await NestFactory.create<NestFastifyApplication>(rootModule, adapter, {
    bodyParser: false,
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.useGlobalFilters(new ProblemDetailsFilter(allowedMethods, config.http.bodyLimit));
  app.useGlobalPipes(new SchemaValidationPipe());
  applySecurity(app, config);
  drainWhileShuttingDown(app);
  recordRequestMetrics(app);
  if (config.openApiEnabled) setupOpenApi(app, API_VERSION);
  await app.init();
  await fastify.ready();
  return app;
}
