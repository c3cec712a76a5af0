import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Server } from 'node:http';
import { Server as NetServer } from 'node:net';
import { ERROR_CODES } from '../errors/error-codes.js';
import { PROBLEM_CONTENT_TYPE, problem } from '../problem/problem-details.js';
import { LifecycleService } from './lifecycle.service.js';

/** Probes keep answering while draining: readiness says 503 itself, liveness stays 200. */
const PROBES = '/health/';
/** A draining instance is gone in seconds; another one answers the retry. */
const DRAIN_RETRY_AFTER_SECONDS = '1';

/**
 * Drain behaviour, installed when the app is built. Every request is counted until answered.
 * Once shutdown begins, every response asks the client to close its connection, and a request
 * that still arrives (on a kept-alive connection; new connections are refused by then) is
 * answered 503 problem+json with Retry-After instead of being run: the client retries elsewhere.
 */
export function drainWhileShuttingDown(app: NestFastifyApplication): void {
  const lifecycle = app.get(LifecycleService);
  const server = app.getHttpServer();
  server.on('request', (_request, response) => {
    lifecycle.requestStarted();
    response.once('close', () => lifecycle.requestEnded());
  });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', async (request, reply) => {
    if (!lifecycle.isShuttingDown || request.url.startsWith(PROBES)) return;
    // Nothing was done and a retry (on another instance) will be answered: the outage problem.
    const body = problem(503, {
      type: ERROR_CODES.dependency_unavailable.type,
      title: ERROR_CODES.dependency_unavailable.title,
      detail: 'This instance is shutting down. Retry the request.',
      instance: request.url.split('?', 1)[0],
    });
    await reply
      .status(503)
      .headers({
        'retry-after': DRAIN_RETRY_AFTER_SECONDS,
        'content-type': `${PROBLEM_CONTENT_TYPE}; charset=utf-8`,
      })
      .send(JSON.stringify(body));
  });
  fastify.addHook('onSend', (_request, reply, payload, done) => {
    if (lifecycle.isShuttingDown) void reply.header('connection', 'close');
    done(null, payload);
  });
}

/** Resolves once the event loop has polled for I/O again: bytes already received are read. */
function afterIoPoll(): Promise<void> {
  // The outer callback runs at the end of this loop iteration; the inner one only after the
  // next iteration's poll phase, which reads every socket with data waiting.
  return new Promise((resolve) => setImmediate(() => setImmediate(resolve)));
}

/**
 * Resolves once no request is in flight and none is on its way in. After the last answer the
 * event loop first reads what the connections have already received: a request that landed on a
 * kept-alive connection just as that answer went out is counted then (and answered 503), so its
 * connection is not closed under it with the request unread, which the client sees as a reset.
 */
async function settled(lifecycle: LifecycleService): Promise<void> {
  do {
    await lifecycle.idle();
    await afterIoPoll();
  } while (lifecycle.requestsInFlight > 0);
}

/**
 * Stops taking connections but keeps the open ones (http.Server#close would drop the idle
 * kept-alive ones at once, resetting a request already on its way), waits until every request
 * in flight is answered and none has just arrived, then closes what is left: idle connections
 * and unfinished request heads.
 */
async function drainHttpServer(server: Server, lifecycle: LifecycleService): Promise<void> {
  const closed = new Promise<void>((resolve) => {
    NetServer.prototype.close.call(server, () => resolve());
  });
  await settled(lifecycle);
  server.closeAllConnections();
  await closed;
}

/**
 * Stops the application in the order that loses no request:
 * 1. readiness turns 503, so load balancers stop sending new traffic;
 * 2. the HTTP server stops accepting connections and waits for in-flight requests, answering
 *    requests that still arrive on kept-alive connections 503 (`drainWhileShuttingDown`);
 * 3. only then the Nest shutdown hooks close the database pool and Redis.
 * Nest's own `close()` runs its hooks before closing the server, which would cut in-flight
 * requests off from the database; hence this order.
 */
export async function shutdownGracefully(app: NestFastifyApplication): Promise<void> {
  const lifecycle = app.get(LifecycleService);
  lifecycle.beginShutdown();
  const server = app.getHttpServer();
  if (server.listening) await drainHttpServer(server, lifecycle);
  await app.close();
}

/**
 * The process exits once its event loop is empty. A telemetry exporter still retrying a
 * collector that is gone would hold it open; this gives it a moment to flush, then exits.
 */
function exitAfterFlush(flushMs = 2_000): void {
  setTimeout(() => process.exit(), flushMs).unref();
}

/**
 * Runs `shutdownGracefully` (then `afterClose`) on SIGTERM/SIGINT; exits 1 if that takes longer
 * than `timeoutMs`.
 */
export function exitGracefullyOnSignals(
  app: NestFastifyApplication,
  timeoutMs: number,
  log: (message: string) => void,
  afterClose: () => Promise<void> = () => Promise.resolve(),
): void {
  let started = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (started) return;
    started = true;
    log(`${signal} received: draining in-flight requests`);
    setTimeout(() => {
      log(`shutdown took longer than ${timeoutMs} ms; exiting`);
      process.exit(1);
    }, timeoutMs).unref();
    shutdownGracefully(app)
      .then(afterClose)
      .then(
        () => {
          log('shutdown complete');
          process.exitCode = 0;
          exitAfterFlush();
        },
        (error: unknown) => {
          log(`shutdown failed: ${String(error)}`);
          process.exit(1);
        },
      );
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
}
