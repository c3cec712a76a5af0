import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  eventually,
  query,
  redisKeyPrefix,
  requireHarnessEnv,
  startServiceProcess,
  workerDatabaseUrl,
} from '@libs/testing';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  type ApiProcess,
  PROCESS_TEST_TIMEOUT_MS,
  startApiProcess,
} from './support/api-process.js';
import { OtlpReceiver, type ReceivedSpan } from './support/otlp-receiver.js';

const SERVER = 2;
const { version } = JSON.parse(
  readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
) as { version: string };

interface RequestLogLine {
  msg: string;
  req?: { url?: string };
  res?: { statusCode?: number };
  trace_id?: string;
  span_id?: string;
}

/**
 * The production process with OpenTelemetry loaded by `--import`, exporting OTLP/HTTP JSON to a
 * receiver in this test, configured by the standard OTEL_* variables only.
 */
describe('telemetry of the running API', () => {
  const password = `telemetry secret ${randomUUID()}`;
  let receiver: OtlpReceiver;
  let api: ApiProcess;
  let tokens: { accessToken: string; refreshToken: string };

  beforeAll(async () => {
    receiver = await OtlpReceiver.start();
    const { runId, redisUrl } = requireHarnessEnv();
    api = await startApiProcess({
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      DATABASE_URL: workerDatabaseUrl(),
      REDIS_URL: redisUrl,
      REDIS_KEY_PREFIX: redisKeyPrefix(runId, randomUUID()),
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      // Export within milliseconds of a span ending, so the test waits on data, not on a timer.
      OTEL_BSP_SCHEDULE_DELAY: '20',
      OTEL_BLRP_SCHEDULE_DELAY: '20',
      OTEL_METRICS_EXPORTER: 'none',
    });
    const registered = await fetch(`${api.baseUrl}/v1/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: `otel-${randomUUID()}@example.com`, password }),
    });
    expect(registered.status).toBe(201);
    tokens = (await registered.json()) as typeof tokens;
  }, 60_000);

  afterAll(async () => {
    expect(await api.stop()).toBe(0);
    await receiver.close();
  });

  const rootOf = (spans: readonly ReceivedSpan[], route: string): ReceivedSpan | undefined =>
    spans.find(
      (span) =>
        span.kind === SERVER &&
        span.parentSpanId === undefined &&
        span.attributes['http.route'] === route,
    );

  it('traces a request through HTTP, Nest, Redis, Prisma and pg in one trace', async () => {
    const me = await fetch(`${api.baseUrl}/v1/users/me`, {
      headers: { authorization: `Bearer ${tokens.accessToken}` },
    });
    expect(me.status).toBe(200);

    // The server span ends last, after every span below it.
    const root = await receiver.waitFor('server span of GET /v1/users/me', () =>
      rootOf(receiver.spans, '/v1/users/me'),
    );
    const trace = receiver.spans.filter((span) => span.traceId === root.traceId);
    const byId = new Map(trace.map((span) => [span.spanId, span]));
    const ancestors = (span: ReceivedSpan): ReceivedSpan[] => {
      const chain: ReceivedSpan[] = [];
      for (let at = span.parentSpanId; at !== undefined; at = byId.get(at)?.parentSpanId) {
        const parent = byId.get(at);
        if (!parent) throw new Error(`span ${span.name} has a parent outside the trace`);
        chain.push(parent);
      }
      return chain;
    };
    const one = (scope: string, name: (value: string) => boolean): ReceivedSpan => {
      const found = trace.find((span) => span.scope === scope && name(span.name));
      if (!found) throw new Error(`no ${scope} span in ${trace.map((s) => s.name).join(', ')}`);
      return found;
    };

    expect(root.scope).toBe('@opentelemetry/instrumentation-http');
    // Named after the route pattern the API reports (recordRoute), not the path.
    expect(root.name).toBe('GET /v1/users/me');
    expect(root.resource).toMatchObject({
      'service.name': 'api',
      'service.version': version,
      'deployment.environment.name': 'test',
    });
    const nest = one('@opentelemetry/instrumentation-nestjs-core', (n) => n.endsWith('.me'));
    // Nest's span right under the server span: no framework span repeats the request between.
    expect(nest.parentSpanId).toBe(root.spanId);
    // The bearer token's session: looked up in Redis, missed, read from PostgreSQL.
    const redis = one('@opentelemetry/instrumentation-ioredis', (name) => name === 'get');
    expect(ancestors(redis)).toContain(nest);
    const prisma = one('prisma', (name) => name === 'prisma:client:operation');
    expect(ancestors(prisma)).toContain(nest);
    const pg = one('@opentelemetry/instrumentation-pg', (name) => name.startsWith('pg.query'));
    expect(ancestors(pg).map((span) => span.name)).toContain('prisma:client:db_query');
    expect(ancestors(pg)).toContain(root);
  });

  it('writes the trace and span ids into the log line of the request', async () => {
    const root = await receiver.waitFor('server span of GET /v1/users/me', () =>
      rootOf(receiver.spans, '/v1/users/me'),
    );
    // The line is written once the answer is sent; the span may reach the receiver first.
    const line = await eventually('log line of GET /v1/users/me', () =>
      api
        .output()
        .split('\n')
        .filter((text) => text.startsWith('{'))
        .map((text) => JSON.parse(text) as RequestLogLine)
        .find(
          ({ msg, req, res }) =>
            msg === 'request completed' && req?.url === '/v1/users/me' && res?.statusCode === 200,
        ),
    );
    expect(line.trace_id).toBe(root.traceId);
    const spanIds = receiver.spans.filter((s) => s.traceId === root.traceId).map((s) => s.spanId);
    expect(spanIds).toContain(line.span_id);
  });

  it('stores the trace id of the request in the audit row it writes', async () => {
    const requestId = `otel-audit-${randomUUID()}`;
    const login = await fetch(`${api.baseUrl}/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': requestId },
      body: JSON.stringify({ email: 'nobody@example.com', password: 'not the password' }),
    });
    expect(login.status).toBe(401);
    const root = await receiver.waitFor('server span of POST /v1/auth/login', () =>
      rootOf(receiver.spans, '/v1/auth/login'),
    );
    const rows = await query<{ trace_id: string }>(
      workerDatabaseUrl(),
      'SELECT "trace_id" FROM "audit_events" WHERE "request_id" = $1',
      [requestId],
    );
    expect(rows).toEqual([{ trace_id: root.traceId }]);
  });

  it('never exports or logs a password, a token or an authorization header', async () => {
    // A token in the query string too: its value must not survive in spans or log lines.
    const probe = await fetch(
      `${api.baseUrl}/v1/users/me?access_token=${encodeURIComponent(tokens.refreshToken)}`,
      { headers: { authorization: `Bearer ${tokens.accessToken}` } },
    );
    const route = '/v1/users/me';
    await receiver.waitFor('server span of the request with a query', () =>
      receiver.spans.find(
        (span) =>
          span.kind === SERVER &&
          span.attributes['http.route'] === route &&
          span.attributes['http.response.status_code'] === probe.status &&
          typeof span.attributes['url.query'] === 'string',
      ),
    );
    const everything = `${receiver.bodies.join('\n')}\n${api.output()}`;
    expect(everything).toContain('access_token=[redacted]');
    for (const secret of [password, tokens.accessToken, tokens.refreshToken]) {
      expect(everything).not.toContain(secret);
    }
    // The signature alone would be enough to replay the token.
    expect(everything).not.toContain(tokens.accessToken.split('.')[2]);
  });

  it(
    "keeps the traces OTEL_TRACES_SAMPLER(_ARG) choose: none of its own at ratio 0, its caller's",
    async () => {
      const { runId, redisUrl } = requireHarnessEnv();
      // Production's sampler (k8s/base) with a ratio that keeps no trace started here.
      const sampling = await startApiProcess({
        NODE_ENV: 'test',
        DATABASE_URL: workerDatabaseUrl(),
        REDIS_URL: redisUrl,
        REDIS_KEY_PREFIX: redisKeyPrefix(runId, randomUUID()),
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
        OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
        OTEL_BSP_SCHEDULE_DELAY: '20',
        OTEL_METRICS_EXPORTER: 'none',
        OTEL_LOGS_EXPORTER: 'none',
        OTEL_TRACES_SAMPLER: 'parentbased_traceidratio',
        OTEL_TRACES_SAMPLER_ARG: '0',
      });
      try {
        const ownPath = `/v1/products/${randomUUID()}`;
        expect((await fetch(`${sampling.baseUrl}${ownPath}`)).status).toBe(404);
        // A caller that sampled its trace: the API's spans join it whatever the ratio.
        const traceId = randomUUID().replaceAll('-', '');
        const callerPath = `/v1/products/${randomUUID()}`;
        const called = await fetch(`${sampling.baseUrl}${callerPath}`, {
          headers: { traceparent: `00-${traceId}-${'ab'.repeat(8)}-01` },
        });
        expect(called.status).toBe(404);
        const kept = await receiver.waitFor('server span of the sampled caller', () =>
          receiver.spans.find((span) => span.kind === SERVER && span.traceId === traceId),
        );
        expect(kept.attributes['url.path']).toBe(callerPath);
        // Spans are exported in the order they end: the first request's would have come first.
        const paths = receiver.spans.map((span) => span.attributes['url.path']);
        expect(paths).not.toContain(ownPath);
      } finally {
        expect(await sampling.stop()).toBe(0);
      }
    },
    PROCESS_TEST_TIMEOUT_MS,
  );

  it('serves Prometheus metrics on the metrics port only', async () => {
    const scrape = await fetch(api.metricsUrl);
    expect(scrape.status).toBe(200);
    expect(scrape.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await scrape.text();
    expect(text).toMatch(
      /^http_server_request_duration_seconds_count\{method="GET",route="\/v1\/users\/me",status_code="200"\} [1-9]/m,
    );
    expect(text).toMatch(/^cache_lookups_total\{cache="session",result="miss"\} [1-9]/m);
    expect(text).toMatch(/^db_pool_max_connections \d+/m);
    expect(text).toMatch(/^orders_placed_total 0$/m);
    expect(text).toMatch(/^outbox_lag_seconds/m);
    expect((await fetch(`${api.baseUrl}/metrics`)).status).toBe(404);
  });

  it("continues an order's trace in the worker, through the outbox", async () => {
    const [product] = await query<{ id: string }>(
      workerDatabaseUrl(),
      `INSERT INTO products (id, sku, name, price_cents, currency, stock, updated_at)
       VALUES (gen_random_uuid(), $1, 'Traced mug', 100, 'EUR', 10, now()) RETURNING id`,
      [`SKU-${randomUUID()}`],
    );
    const placed = await fetch(`${api.baseUrl}/v1/orders`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${tokens.accessToken}`,
        'content-type': 'application/json',
        'idempotency-key': randomUUID(),
      },
      body: JSON.stringify({ items: [{ productId: product!.id, quantity: 1 }] }),
    });
    expect(placed.status).toBe(201);
    const request = await receiver.waitFor('server span of POST /v1/orders', () =>
      rootOf(receiver.spans, '/v1/orders'),
    );

    const workerDist = (file: string): string =>
      fileURLToPath(new URL(`../../worker/dist/${file}`, import.meta.url));
    const { runId, redisUrl } = requireHarnessEnv();
    const worker = await startServiceProcess({
      entry: workerDist('main.js'),
      instrumentation: workerDist('instrumentation.js'),
      ready: /worker running/,
      env: {
        NODE_ENV: 'test',
        HOST: '127.0.0.1',
        PORT: '0',
        METRICS_PORT: '0',
        DATABASE_URL: workerDatabaseUrl(),
        REDIS_URL: redisUrl,
        REDIS_KEY_PREFIX: redisKeyPrefix(runId, randomUUID()),
        OUTBOX_POLL_INTERVAL_MS: '20',
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
        OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
        OTEL_BSP_SCHEDULE_DELAY: '20',
        OTEL_METRICS_EXPORTER: 'none',
      },
    });
    try {
      // The notification's database work happens in the trace of the request that placed it.
      const continued = await receiver.waitFor('a worker span in the order request trace', () =>
        receiver.spans.find(
          (span) => span.resource['service.name'] === 'worker' && span.traceId === request.traceId,
        ),
      );
      expect(continued.resource['service.name']).toBe('worker');
    } finally {
      expect(await worker.kill()).toBe(0);
    }
  });
});
