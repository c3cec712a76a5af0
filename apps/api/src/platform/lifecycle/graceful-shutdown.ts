import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { LifecycleService } from './lifecycle.service.js';

/**
 * Once shutdown begins, responses ask the client to close the connection, so a kept-alive
 * connection does not hold the server open until its keep-alive timeout.
 */
export function closeConnectionsWhileShuttingDown(app: NestFastifyApplication): void {
  const lifecycle = app.get(LifecycleService);
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onSend', (_request, reply, payload, done) => {
      if (lifecycle.isShuttingDown) void reply.header('connection', 'close');
      done(null, payload);
    });
}

/**
 * Stops the application in the order that loses no request:
 * 1. readiness turns 503, so load balancers stop sending new traffic;
 * 2. the HTTP server stops accepting connections and waits for in-flight requests
 *    (Fastify answers 503 to new requests on kept-alive connections meanwhile);
 * 3. only then the Nest shutdown hooks close the database pool and Redis.
 * Nest's own `close()` runs its hooks before closing the server, which would cut in-flight
 * requests off from the database; hence this order.
 */
export async function shutdownGracefully(app: NestFastifyApplication): Promise<void> {
  app.get(LifecycleService).beginShutdown();
  await app.getHttpAdapter().getInstance().close();
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
