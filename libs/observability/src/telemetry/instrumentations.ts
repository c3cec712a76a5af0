import { BullMQInstrumentation } from '@appsignal/opentelemetry-instrumentation-bullmq';
import type { Instrumentation } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { IORedisInstrumentation } from '@opentelemetry/instrumentation-ioredis';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { PinoInstrumentation } from '@opentelemetry/instrumentation-pino';
import { PrismaInstrumentation } from '@prisma/instrumentation';
import type { IncomingMessage } from 'node:http';
import { NestCoreInstrumentation } from './nest-instrumentation.js';

/** Probes and scrapes arrive every few seconds; tracing them would bury the real requests. */
const UNTRACED_PATHS = ['/health/', '/metrics'];

function isUntraced(request: IncomingMessage): boolean {
  const url = request.url ?? '';
  return UNTRACED_PATHS.some((path) => url.startsWith(path));
}

/**
 * The libraries traced in every app: HTTP in and out, Nest (controller and handler), Prisma and
 * pg underneath it, ioredis, BullMQ (worker and producers), and pino, which writes the active
 * trace and span ids into every log line.
 *
 * Not Fastify (`@fastify/otel`): its request and handler spans repeat the HTTP server span and
 * Nest's, and every span costs each request, sampled or not (docs/performance.md, "Sampling").
 * The API names the server span after its route itself (`recordRoute`).
 */
export function instrumentations(): Instrumentation[] {
  return [
    new HttpInstrumentation({ ignoreIncomingRequestHook: isUntraced }),
    new NestCoreInstrumentation(),
    new PrismaInstrumentation(),
    // Only statements with a parent span: the pool's idle housekeeping is noise.
    new PgInstrumentation({ requireParentSpan: true }),
    new IORedisInstrumentation({ requireParentSpan: true }),
    new BullMQInstrumentation(),
    new PinoInstrumentation(),
  ] as Instrumentation[];
}
