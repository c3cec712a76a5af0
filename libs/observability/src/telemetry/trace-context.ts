import { context, isSpanContextValid, propagation, trace } from '@opentelemetry/api';
import { RPCType, getRPCMetadata, suppressTracing } from '@opentelemetry/core';

/** W3C trace context headers (`traceparent`, `tracestate`), as stored beside an outbox event. */
export type TraceCarrier = Record<string, string>;

/**
 * The active trace context as W3C headers, to store with work done later elsewhere (an outbox
 * row, a job): the consumer continues the same trace with `withTraceContext`. Empty when no
 * trace is active (no SDK, or an untraced request).
 */
export function currentTraceContext(): TraceCarrier {
  const carrier: TraceCarrier = {};
  propagation.inject(context.active(), carrier);
  return carrier;
}

/** Runs `work` as part of the trace `carrier` came from (spans it starts become its children). */
export function withTraceContext<T>(carrier: Readonly<TraceCarrier> | undefined, work: () => T): T {
  return context.with(propagation.extract(context.active(), carrier ?? {}), work);
}

/**
 * Runs `work` without tracing it (nor anything it calls): for polling loops, whose spans would
 * be one empty trace every few hundred milliseconds.
 */
export function untraced<T>(work: () => T): T {
  return context.with(suppressTracing(context.active()), work);
}

/** The id of the active trace (32 hex digits), or undefined when no trace is active. */
export function currentTraceId(): string | undefined {
  const span = trace.getActiveSpan()?.spanContext();
  return span && isSpanContextValid(span) ? span.traceId : undefined;
}

/**
 * Tells the HTTP instrumentation the route pattern of the request being served (e.g.
 * `/v1/orders/:id`): its server span is then named `GET /v1/orders/:id` and carries `http.route`.
 * This is how web-framework instrumentations report it (through the RPC metadata the HTTP one
 * puts in the request's context); call it from the framework's first hook. Does nothing
 * outside a traced request, or for a request that matched no route.
 */
export function recordRoute(route: string | undefined): void {
  const metadata = getRPCMetadata(context.active());
  if (route !== undefined && metadata?.type === RPCType.HTTP) metadata.route = route;
}
