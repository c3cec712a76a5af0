/**
 * The soak benchmark: does memory stay flat under hours of traffic?
 *
 *   pnpm bench:soak                          (30 minutes)
 *   BENCH_SOAK_MINUTES=5 pnpm bench:soak     (shorter)
 *
 * One API process and the worker, built and started as production runs them (the pods' memory
 * settings, OpenTelemetry exporting every span to a local sink), get steady mixed traffic at a
 * fixed rate: reads (products, one order, the own order list), logins, and orders, which the
 * worker relays from the outbox. Every BENCH_SOAK_INTERVAL seconds (10) the suite samples each
 * process: RSS, heap used and the event loop's p99 delay (from its /metrics). At the end: a
 * table per minute, and a verdict: heap used after the warm-up must not trend upward (least
 * squares slope within BENCH_SOAK_MAX_SLOPE MiB per minute). Exit code 1 when it does.
 */
import { deployMigrations } from '@libs/database/migrate';
import { bulkUserEmail, seedBulkData } from '@libs/database/seed';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import pg from 'pg';
import { type GrowthVerdict, heapGrowthVerdict, median } from './soak/trend.js';
import { type RuntimeMetrics, scrapeRuntime } from './soak/prometheus.js';
import { PASSWORD, hashedPassword, login } from './support/accounts.js';
import { LoadGenerator } from './support/load-client.js';
import type { LoadResult, LoadSpec } from './support/load-spec.js';
import { OtlpSink } from './support/otlp-sink.js';
import {
  type MonitoredProcess,
  ROOT,
  podMemoryEnv,
  signingKeys,
  startApi,
  startWorker,
} from './support/processes.js';
import { peakRssMiB } from './support/proc-stats.js';
import { benchDatabase, deleteRedisKeys } from './support/services.js';

const env = process.env;
const MINUTES = Number(env.BENCH_SOAK_MINUTES ?? 30);
const INTERVAL = Number(env.BENCH_SOAK_INTERVAL ?? 10);
/** JIT tiers, pools, caches and V8's heap sizing settle first: a fifth of the run, at most 5 min. */
const WARMUP_SECONDS = Number(env.BENCH_SOAK_WARMUP ?? Math.min(300, (MINUTES * 60) / 5));
/**
 * A slope needs 15 minutes of samples after the warm-up to be told from GC noise at this
 * tolerance (a sample lands anywhere in a sawtooth several MiB high); shorter runs are reported
 * as inconclusive.
 */
const MIN_SAMPLES = Math.ceil(900 / INTERVAL);
/** 0.25 MiB/min is 15 MiB an hour: a leak that small would still show within a day. */
const MAX_SLOPE = Number(env.BENCH_SOAK_MAX_SLOPE ?? 0.25);
/** Requests per second of each kind of traffic. */
const READ_RATE = Number(env.BENCH_SOAK_READ_RATE ?? 100);
const ORDER_RATE = Number(env.BENCH_SOAK_ORDER_RATE ?? 5);
const LOGIN_RATE = Number(env.BENCH_SOAK_LOGIN_RATE ?? 1);

const log = (message: string): void => {
  process.stderr.write(`[soak] ${message}\n`);
};

interface ProcessSample extends RuntimeMetrics {
  readonly peakRssMiB: number;
}

interface Sample {
  readonly seconds: number;
  readonly requests: number;
  readonly errors: number;
  readonly api: ProcessSample;
  readonly worker: ProcessSample;
}

async function sample(app: MonitoredProcess): Promise<ProcessSample> {
  return { ...(await scrapeRuntime(app.metricsUrl)), peakRssMiB: peakRssMiB(app.pid) };
}

/** One interval of traffic: the kinds at once, each from its own load generator. */
function interval(
  traffic: readonly { generator: LoadGenerator; spec: LoadSpec }[],
): Promise<LoadResult[]> {
  return Promise.all(traffic.map(({ generator, spec }) => generator.run(spec)));
}

function minuteTable(samples: readonly Sample[]): string {
  const rows: string[][] = [];
  const minutes = Math.ceil((samples.at(-1)?.seconds ?? 0) / 60);
  for (let minute = 0; minute < minutes; minute += 1) {
    const inMinute = samples.filter((s) => Math.floor(s.seconds / 60) === minute);
    if (inMinute.length === 0) continue;
    const seconds = inMinute.length * INTERVAL;
    const requests = inMinute.reduce((sum, s) => sum + s.requests, 0);
    const errors = inMinute.reduce((sum, s) => sum + s.errors, 0);
    const of = (pick: (s: Sample) => number): number => median(inMinute.map(pick));
    const max = (pick: (s: Sample) => number): number => Math.max(...inMinute.map(pick));
    rows.push([
      String(minute + 1),
      (requests / seconds).toFixed(0),
      String(errors),
      of((s) => s.api.rssMiB).toFixed(0),
      of((s) => s.api.heapUsedMiB).toFixed(1),
      max((s) => s.api.eventLoopP99Ms).toFixed(0),
      of((s) => s.worker.rssMiB).toFixed(0),
      of((s) => s.worker.heapUsedMiB).toFixed(1),
      max((s) => s.worker.eventLoopP99Ms).toFixed(0),
    ]);
  }
  const header = [
    'minute',
    'req/s',
    'errors',
    'api RSS MiB',
    'api heap used MiB',
    'api loop p99 ms (max)',
    'worker RSS MiB',
    'worker heap used MiB',
    'worker loop p99 ms (max)',
  ];
  return [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---:').join('|')}|`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');
}

function verdictLine(name: string, verdict: GrowthVerdict): string {
  return (
    `${name}: ${verdict.pass ? 'PASS' : 'FAIL'}: ${verdict.reason}; median heap used ` +
    `${verdict.firstThirdMiB.toFixed(1)} MiB (first third) → ${verdict.lastThirdMiB.toFixed(1)} MiB (last third), ${verdict.samples} samples`
  );
}

async function main(): Promise<void> {
  const started = Date.now();
  const database = await benchDatabase('soak');
  const prefix = `bench:soak:${Date.now()}:`;
  const sink = await OtlpSink.start();
  const [reads, orders, logins] = [
    LoadGenerator.start(),
    LoadGenerator.start(),
    LoadGenerator.start(),
  ];
  const generators = [reads, orders, logins];
  const apps: MonitoredProcess[] = [];
  try {
    await deployMigrations(database.url);
    await seedBulkData(database.url, {
      products: 1000,
      users: 20,
      orders: 1000,
      passwordHash: await hashedPassword(),
    });
    // Stock for every order the run can place.
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const { rows } = await client
      .query<{ id: string }>(`UPDATE products SET stock = 1000000 RETURNING id`)
      .finally(() => client.end());
    const productIds = rows.map((row) => row.id);

    const api = await startApi({
      name: 'api',
      databaseUrl: database.url,
      keys: await signingKeys(),
      redisPrefix: prefix,
      otlpEndpoint: sink.endpoint,
    });
    apps.push(api);
    const worker = await startWorker({
      databaseUrl: database.url,
      redisPrefix: prefix,
      otlpEndpoint: sink.endpoint,
    });
    apps.push(worker);
    const reader = await login(api.baseUrl, bulkUserEmail(2));
    const ownOrder = await (
      await fetch(`${api.baseUrl}/v1/orders?limit=1`, {
        headers: { authorization: `Bearer ${reader.token}` },
      })
    ).json();
    const orderId = (ownOrder as { data: { id: string }[] }).data[0]?.id;
    if (!orderId) throw new Error('the reader has no order to read');
    const bodies = productIds.map((id) =>
      JSON.stringify({ items: [{ productId: id, quantity: 1 }] }),
    );
    const loginBody = JSON.stringify({ email: bulkUserEmail(5), password: PASSWORD });
    log(
      `${MINUTES} min of ${READ_RATE} reads/s, ${ORDER_RATE} orders/s, ${LOGIN_RATE} logins/s; ` +
        `sample every ${INTERVAL} s; warm-up ${WARMUP_SECONDS} s; api ${api.pid}, worker ${worker.pid}`,
    );

    const samples: Sample[] = [];
    const trafficStart = Date.now();
    while (Date.now() - trafficStart < MINUTES * 60_000) {
      // Fresh tokens each interval: a run outlives an access token.
      const [buyer, placer] = await Promise.all([
        login(api.baseUrl, bulkUserEmail(2)),
        login(api.baseUrl, bulkUserEmail(3)),
      ]);
      const base = { urls: [api.baseUrl], seconds: INTERVAL } as const;
      const results = await interval([
        {
          generator: reads,
          spec: {
            ...base,
            connections: 10,
            rate: READ_RATE,
            method: 'GET',
            paths: [
              `/v1/products/${productIds[0] ?? ''}`,
              '/v1/products?limit=20',
              `/v1/orders/${orderId}`,
              '/v1/orders?limit=20',
            ],
            headers: { authorization: `Bearer ${buyer.token}` },
          },
        },
        {
          generator: orders,
          spec: {
            ...base,
            connections: 4,
            rate: ORDER_RATE,
            method: 'POST',
            paths: ['/v1/orders'],
            headers: { authorization: `Bearer ${placer.token}` },
            bodies,
            freshIdempotencyKey: true,
            expect: [201],
          },
        },
        {
          generator: logins,
          spec: {
            ...base,
            connections: 2,
            rate: LOGIN_RATE,
            method: 'POST',
            paths: ['/v1/auth/login'],
            bodies: [loginBody],
            expect: [200],
          },
        },
      ]);
      const next: Sample = {
        seconds: Math.round((Date.now() - trafficStart) / 1000),
        requests: results.reduce((sum, r) => sum + r.requests, 0),
        errors: results.reduce((sum, r) => sum + r.errors, 0),
        api: await sample(api),
        worker: await sample(worker),
      };
      samples.push(next);
      log(
        `${next.seconds}s: ${next.requests} requests, ${next.errors} errors; api RSS ${next.api.rssMiB.toFixed(0)} MiB, ` +
          `heap ${next.api.heapUsedMiB.toFixed(1)} MiB, loop p99 ${next.api.eventLoopP99Ms.toFixed(0)} ms; ` +
          `worker RSS ${next.worker.rssMiB.toFixed(0)} MiB, heap ${next.worker.heapUsedMiB.toFixed(1)} MiB`,
      );
    }

    const options = {
      warmupSeconds: WARMUP_SECONDS,
      maxSlopeMiBPerMinute: MAX_SLOPE,
      minSamples: MIN_SAMPLES,
    };
    const apiVerdict = heapGrowthVerdict(
      samples.map((s) => ({ seconds: s.seconds, heapUsedMiB: s.api.heapUsedMiB })),
      options,
    );
    const workerVerdict = heapGrowthVerdict(
      samples.map((s) => ({ seconds: s.seconds, heapUsedMiB: s.worker.heapUsedMiB })),
      options,
    );
    const published = await publishedEvents(database.url);
    const peak = (pick: (s: Sample) => number): string => Math.max(...samples.map(pick)).toFixed(0);
    const summary = [
      `${MINUTES} min soak, one API process and the worker, OpenTelemetry on ` +
        `(${sink.received.requests} OTLP exports, ${(sink.received.bytes / 2 ** 20).toFixed(1)} MiB); ` +
        `${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}, load ${loadavg()
          .map((v) => v.toFixed(1))
          .join(' ')}`,
      '',
      minuteTable(samples),
      '',
      `peak RSS (VmHWM): api ${peak((s) => s.api.peakRssMiB)} MiB, worker ${peak((s) => s.worker.peakRssMiB)} MiB; ` +
        `${published} outbox events relayed by the worker`,
      verdictLine('api', apiVerdict),
      verdictLine('worker', workerVerdict),
    ].join('\n');
    process.stdout.write(`\n${summary}\n`);
    const dir = new URL('../results/', import.meta.url);
    mkdirSync(dir, { recursive: true });
    const file = new URL(`soak-${new Date().toISOString().replaceAll(':', '-')}.json`, dir);
    writeFileSync(
      file,
      `${JSON.stringify({ settings: { minutes: MINUTES, interval: INTERVAL, warmupSeconds: WARMUP_SECONDS, maxSlope: MAX_SLOPE, readRate: READ_RATE, orderRate: ORDER_RATE, loginRate: LOGIN_RATE, node: process.version, api: podMemoryEnv('deployment.yaml'), worker: podMemoryEnv('worker-deployment.yaml') }, verdicts: { api: apiVerdict, worker: workerVerdict }, samples }, null, 2)}\n`,
    );
    process.stdout.write(
      `\nwritten to ${file.pathname.replace(ROOT, '')} in ${((Date.now() - started) / 1000).toFixed(0)} s\n`,
    );
    if (!apiVerdict.pass || !workerVerdict.pass) process.exitCode = 1;
  } finally {
    await Promise.all(generators.map((generator) => generator.stop()));
    await Promise.all(apps.map((app) => app.stop()));
    await sink.stop();
    await deleteRedisKeys(prefix).catch(() => undefined);
    await database.drop().catch((error: unknown) => {
      log(`could not drop the database: ${String(error)}`);
    });
  }
}

async function publishedEvents(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: string }>(
      `SELECT count(*) FROM outbox_events WHERE published_at IS NOT NULL`,
    );
    return Number(rows[0]?.count ?? 0);
  } finally {
    await client.end();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
