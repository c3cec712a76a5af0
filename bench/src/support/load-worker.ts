/**
 * The load generator: a child process of the suite (so autocannon never shares a CPU-time
 * account or an event loop with the orchestrator). It receives a LoadSpec over IPC, runs
 * autocannon on loopback and answers with a LoadResult.
 */
import autocannon from 'autocannon';
import { randomUUID } from 'node:crypto';
import type { LoadResult, LoadSpec } from './load-spec.js';

function requestsOf(spec: LoadSpec): autocannon.Request[] {
  const { method, paths, headers = {}, bodies, freshIdempotencyKey, refreshSeeds } = spec;
  const baseHeaders = bodies ? { 'content-type': 'application/json', ...headers } : { ...headers };
  let nextBody = 0;
  const pool = [...(refreshSeeds ?? [])];
  return paths.map((path) => {
    const request: autocannon.Request = { method, path, headers: baseHeaders };
    if (refreshSeeds) {
      // autocannon resets a connection's context after each pass over the requests, so the
      // tokens live in one pool: a request takes one, its answer puts the successor back.
      request.headers = { ...baseHeaders, 'content-type': 'application/json' };
      request.setupRequest = (req) => ({
        ...req,
        body: JSON.stringify({ refreshToken: pool.shift() ?? 'exhausted' }),
      });
      request.onResponse = (status, body) => {
        if (status === 200) pool.push((JSON.parse(body) as { refreshToken: string }).refreshToken);
      };
    } else if (bodies || freshIdempotencyKey) {
      request.setupRequest = (req) => ({
        ...req,
        ...(bodies ? { body: bodies[nextBody++ % bodies.length] } : {}),
        ...(freshIdempotencyKey
          ? { headers: { ...req.headers, 'idempotency-key': randomUUID() } }
          : {}),
      });
    }
    return request;
  });
}

async function run(spec: LoadSpec): Promise<LoadResult> {
  const started = process.hrtime.bigint();
  const result = await autocannon({
    url: spec.urls as unknown as string, // autocannon spreads connections over an array of URLs
    connections: spec.connections,
    duration: spec.seconds,
    ...(spec.rate ? { overallRate: spec.rate } : {}),
    requests: requestsOf(spec),
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const statuses: Record<string, number> = {};
  let unexpected = 0;
  for (const [status, { count = 0 }] of Object.entries(result.statusCodeStats ?? {})) {
    statuses[status] = count;
    const code = Number(status);
    const ok = spec.expect ? spec.expect.includes(code) : code >= 200 && code < 300;
    if (!ok) unexpected += count;
  }
  return {
    seconds,
    requests: result.requests.total,
    rps: result.requests.average,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
    errors: result.errors + result.timeouts + unexpected,
    statuses,
  };
}

process.on('message', (spec: LoadSpec) => {
  run(spec).then(
    (result) => process.send?.({ ok: true, result }),
    (error: unknown) => process.send?.({ ok: false, error: String(error) }),
  );
});
