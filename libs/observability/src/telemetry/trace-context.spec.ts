import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import {
  RPCType,
  type RPCMetadata,
  W3CTraceContextPropagator,
  setRPCMetadata,
} from '@opentelemetry/core';
import { TracerProvider } from '@opentelemetry/sdk-trace';
import {
  currentTraceContext,
  currentTraceId,
  recordRoute,
  withTraceContext,
} from './trace-context.js';

describe('trace context carried through the outbox', () => {
  const tracer = new TracerProvider().getTracer('test');

  beforeAll(() => {
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  });

  afterAll(() => {
    context.disable();
    propagation.disable();
  });

  it('is empty outside a trace', () => {
    expect(currentTraceContext()).toEqual({});
  });

  it('round-trips: work done later continues the trace of the request that stored it', () => {
    const span = tracer.startSpan('POST /v1/orders');
    const stored = context.with(trace.setSpan(context.active(), span), currentTraceContext);
    span.end();
    const { traceId, spanId } = span.spanContext();
    expect(stored.traceparent).toBe(`00-${traceId}-${spanId}-01`);

    const relayed = withTraceContext(stored, () => tracer.startSpan('outbox relay'));
    relayed.end();
    expect(relayed.spanContext().traceId).toBe(traceId);
    expect(
      (relayed as unknown as { parentSpanContext?: { spanId: string } }).parentSpanContext?.spanId,
    ).toBe(spanId);
  });

  it('names the active trace for audit rows, and nothing outside a trace', () => {
    expect(currentTraceId()).toBeUndefined();
    const span = tracer.startSpan('POST /v1/auth/login');
    const traceId = context.with(trace.setSpan(context.active(), span), currentTraceId);
    span.end();
    expect(traceId).toBe(span.spanContext().traceId);
    expect(traceId).toMatch(/^[0-9a-f]{32}$/);
  });

  it("gives the HTTP server span the route of the request, never a path's", () => {
    const span = tracer.startSpan('GET');
    const metadata: RPCMetadata = { type: RPCType.HTTP, span };
    context.with(setRPCMetadata(context.active(), metadata), () => {
      recordRoute(undefined); // no route matched (a 404): the span keeps its method-only name
      expect(metadata.route).toBeUndefined();
      recordRoute('/v1/orders/:id');
    });
    span.end();
    expect(metadata.route).toBe('/v1/orders/:id');
    // Outside a traced request there is nothing to name, and nothing fails.
    expect(() => recordRoute('/v1/orders/:id')).not.toThrow();
  });
});
