/**
 * The benchmark suite: the built API against its own ceilings, in one run.
 *
 *   pnpm bench                 (full run: 3 repeats, 1 M orders; about 8–10 minutes)
 *   BENCH_QUICK=1 pnpm bench   (1 repeat, short runs, 100 k orders; about 2 minutes)
 *
 * Starts everything it needs: a fresh database on BENCH_POSTGRES_URL (dropped at the end),
 * seeded with db:seed:bulk's generator; the API as production runs it, in its own process(es);
 * the ceilings (bare Fastify routes, Argon2id) in processes of their own; and autocannon in a
 * child process, over loopback. Prints a Markdown table and the targets, and writes
 * bench/results/<timestamp>.json. Knobs: see docs/performance.md.
 */
import { deployMigrations } from '@libs/database/migrate';
import { bulkUserEmail, seedBulkData } from '@libs/database/seed';
import { Redis } from 'ioredis';
import { execFile } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { promisify } from 'node:util';
import pg from 'pg';
import { PASSWORD, hashedPassword, login } from './support/accounts.js';
import { LoadGenerator } from './support/load-client.js';
import type { LoadResult, LoadSpec } from './support/load-spec.js';
import {
  ROOT,
  type ServerProcess,
  type Tracing,
  podSamplerEnv,
  signingKeys,
  startApi,
  startServer,
} from './support/processes.js';
import { OtlpSink } from './support/otlp-sink.js';
import { cpuSeconds, peakRssMiB, resetPeak } from './support/proc-stats.js';
import {
  type Measurement,
  type Summary,
  type Target,
  stat,
  summarize,
  table,
  targetsTable,
} from './support/report.js';
import { POSTGRES, REDIS, benchDatabase, deleteRedisKeys } from './support/services.js';

const env = process.env;
const QUICK = env.BENCH_QUICK === '1';
const SECONDS = Number(env.BENCH_SECONDS ?? (QUICK ? 3 : 5));
const WARMUP = Number(env.BENCH_WARMUP ?? (QUICK ? 1 : 2));
const REPEATS = Number(env.BENCH_REPEATS ?? (QUICK ? 1 : 3));
const CONNECTIONS = Number(env.BENCH_CONNECTIONS ?? 50);
const SIZES = (env.BENCH_ORDERS ?? (QUICK ? '10000,100000' : '10000,1000000'))
  .split(',')
  .map(Number);
/** Only scenarios whose id matches (setup still runs), e.g. BENCH_ONLY=product-read. */
const ONLY = env.BENCH_ONLY ? new RegExp(env.BENCH_ONLY) : undefined;
/** A directory: the first API process runs with --cpu-prof and writes its profile there. */
const CPU_PROF = env.BENCH_CPU_PROF;
/**
 * OpenTelemetry on, sampled as in k8s/base (kept spans exported to a local OTLP sink), unless
 * BENCH_OTEL=0 (off), BENCH_OTEL=all (every request traced) or BENCH_OTEL=none (every request
 * sampled out).
 */
const OTEL = env.BENCH_OTEL !== '0';
const TRACING: Tracing =
  env.BENCH_OTEL === 'all' || env.BENCH_OTEL === 'none' ? env.BENCH_OTEL : 'sampled';
/** What the heading says of the trace sampler. */
const SAMPLER = {
  all: 'every request traced',
  none: 'every request sampled out',
  sampled: `${Object.values(podSamplerEnv()).join(' ')} as in k8s/base`,
}[TRACING];
/** Extra node flags for the API processes (space-separated), e.g. to compare heap sizes. */
const API_NODE_ARGS = (env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean);

const USERS = 100;
const PRODUCTS = 10_000;

const sizeLabel = (size: number): string =>
  size >= 1_000_000 ? `${size / 1_000_000}M` : `${size / 1000}k`;
/** The read scenarios the p99 target covers. */
const READS = /^(health-live|users-|product-|order-read|order-list-)/;
const LIST_IDS = ['own-first', 'own-deep', 'all-first', 'all-deep'] as const;

const log = (message: string): void => {
  process.stderr.write(`[bench] ${message}\n`);
};
const wanted = (id: string): boolean => !ONLY || ONLY.test(id);

/** The API's cursor format (apps/api/src/platform/pagination/cursor.ts): opaque to clients. */
const cursorOf = (createdAt: Date, id: string): string =>
  Buffer.from(JSON.stringify({ k: createdAt.toISOString(), i: id })).toString('base64url');

/**
 * Waits until the servers are idle (under 5 % of a core over 100 ms, at most 10 s): requests a
 * run left queued (logins waiting for a hash) must not be billed to the next run.
 */
async function quiesce(cpu: () => number): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (let before = cpu(); Date.now() < deadline;) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const now = cpu();
    if (now - before < 0.005) return;
    before = now;
  }
}

class Suite {
  readonly measurements: Measurement[] = [];
  private readonly load = LoadGenerator.start();

  /** Warm-up, then REPEATS measured runs; server CPU and peak RSS over the measured runs. */
  async measure(
    id: string,
    label: string,
    group: Measurement['group'],
    servers: readonly ServerProcess[],
    spec: () => LoadSpec | Promise<LoadSpec>,
  ): Promise<Summary | undefined> {
    if (!wanted(id)) return undefined;
    const pids = servers.map((server) => server.pid);
    const cpu = (): number => pids.reduce((sum, pid) => sum + cpuSeconds(pid), 0);
    if (WARMUP > 0) await this.load.run({ ...(await spec()), seconds: WARMUP });
    await quiesce(cpu);
    pids.forEach(resetPeak);
    const runs: LoadResult[] = [];
    const cpuUsed: number[] = [];
    for (let i = 0; i < REPEATS; i += 1) {
      const next = await spec();
      const before = cpu();
      runs.push(await this.load.run(next));
      cpuUsed.push(cpu() - before);
      await quiesce(cpu);
    }
    const measurement: Measurement = {
      id,
      label,
      group,
      processes: servers.length,
      runs,
      cpuSeconds: cpuUsed,
      peakRssMiB: Math.max(...pids.map(peakRssMiB)),
    };
    this.measurements.push(measurement);
    const summary = summarize(measurement);
    log(
      `${label}: ${summary.rps.median.toFixed(0)} req/s, p99 ${summary.p99.median} ms, ${summary.errors} errors ${JSON.stringify(summary.statuses)}`,
    );
    return summary;
  }

  async stop(): Promise<void> {
    await this.load.stop();
  }
}

/** Standard HTTP request shape of one scenario. */
function spec(
  servers: readonly ServerProcess[],
  rest: Omit<LoadSpec, 'urls' | 'connections' | 'seconds' | 'method'> & {
    method?: LoadSpec['method'];
  },
): LoadSpec {
  return {
    urls: servers.map((server) => server.baseUrl),
    connections: CONNECTIONS,
    seconds: SECONDS,
    method: 'GET',
    ...rest,
  };
}

/** A new API key of the signed-in user, with one scope. */
async function createApiKey(baseUrl: string, token: string, scope: string): Promise<string> {
  const res = await fetch(`${baseUrl}/v1/users/me/api-keys`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ name: 'bench', scopes: [scope] }),
  });
  if (!res.ok) throw new Error(`creating an API key failed: ${res.status}`);
  return ((await res.json()) as { key: string }).key;
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A cursor 90 % of the way down `userId`'s orders (all orders without one). */
function deepCursor(client: pg.Client, userId?: string): Promise<string> {
  const where = userId ? 'WHERE user_id = $1' : '';
  const params = userId ? [userId] : [];
  return client
    .query<{ count: string }>(`SELECT count(*) FROM orders ${where}`, params)
    .then(async ({ rows: counted }) => {
      const offset = Math.floor(Number(counted[0]?.count ?? 0) * 0.9);
      const { rows } = await client.query<{ created_at: Date; id: string }>(
        `SELECT created_at, id FROM orders ${where} ORDER BY created_at DESC, id DESC OFFSET ${offset} LIMIT 1`,
        params,
      );
      const [row] = rows;
      if (!row) throw new Error('no orders to page through');
      return cursorOf(row.created_at, row.id);
    });
}

/** `count` live sessions of `userId`, straight into the database; their refresh tokens. */
async function refreshSeeds(client: pg.Client, userId: string, count: number): Promise<string[]> {
  const tokens = Array.from({ length: count }, () => randomBytes(32).toString('base64url'));
  const sessions = tokens.map(() => randomUUID());
  await client.query(
    `INSERT INTO sessions (id, user_id, expires_at)
     SELECT unnest($1::uuid[]), $2, now() + interval '30 days'`,
    [sessions, userId],
  );
  await client.query(
    `INSERT INTO refresh_tokens (id, session_id, token_hash)
     SELECT gen_random_uuid(), unnest($1::uuid[]), unnest($2::text[])`,
    [sessions, tokens.map((token) => createHash('sha256').update(token).digest('hex'))],
  );
  return tokens;
}

/** Argon2id hashes/s in a process of its own (bench/dist/ceilings/argon2-rate.js). */
async function argon2Ceiling(): Promise<Measurement> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['bench/dist/ceilings/argon2-rate.js', String(SECONDS), String(REPEATS)],
    { cwd: ROOT },
  );
  const {
    rates,
    cpuSeconds: cpu,
    peakRssMiB: rss,
  } = JSON.parse(stdout) as {
    rates: number[];
    cpuSeconds: number;
    peakRssMiB: number;
  };
  return {
    id: 'ceiling-argon2',
    label: 'ceiling: argon2id hashes/s (m=19456 t=2 p=1, 4 at once)',
    group: 'ceiling',
    processes: 1,
    runs: rates.map((rps) => ({
      seconds: SECONDS,
      requests: Math.round(rps * SECONDS),
      rps,
      p50: NaN,
      p90: NaN,
      p99: NaN,
      max: NaN,
      errors: 0,
      statuses: {},
    })),
    cpuSeconds: rates.map(() => cpu / (rates.length + 1 / SECONDS)),
    peakRssMiB: rss,
  };
}

async function main(): Promise<void> {
  const started = Date.now();
  const database = await benchDatabase('suite');
  const prefix = `bench:${Date.now()}:`;
  const servers: ServerProcess[] = [];
  const suite = new Suite();
  const sink = OTEL ? await OtlpSink.start() : undefined;
  const stopAll = async (): Promise<void> => {
    await Promise.all(servers.splice(0).map((server) => server.stop()));
  };
  try {
    log(
      `database ${new URL(database.url).pathname.slice(1)}; ${SECONDS}s × ${REPEATS} after ${WARMUP}s warm-up, ${CONNECTIONS} connections`,
    );
    await deployMigrations(database.url);
    const passwordHash = await hashedPassword();
    const [firstSize = 10_000, ...laterSizes] = SIZES;
    let t = Date.now();
    await seedBulkData(database.url, {
      products: PRODUCTS,
      users: USERS,
      orders: firstSize,
      passwordHash,
    });
    log(
      `seeded ${PRODUCTS} products, ${USERS} users, ${firstSize} orders in ${(Date.now() - t) / 1000} s`,
    );

    // Bulk user 1 is an admin; 2 reads and lists, 3 places orders, 4 refreshes, 5 logs in.
    const fixtures = await withClient(database.url, async (client) => {
      await client.query(`UPDATE users SET role = 'admin' WHERE email = $1`, [bulkUserEmail(1)]);
      const { rows: products } = await client.query<{ id: string }>(
        `SELECT id FROM products ORDER BY created_at DESC, id DESC LIMIT 1000`,
      );
      return { productIds: products.map((row) => row.id) };
    });
    const keys = await signingKeys();
    const api = await startApi({
      name: 'api',
      databaseUrl: database.url,
      keys,
      redisPrefix: prefix,
      otlpEndpoint: sink?.endpoint,
      tracing: TRACING,
      nodeArgs: [
        ...API_NODE_ARGS,
        ...(CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${CPU_PROF}`] : []),
      ],
    });
    servers.push(api);
    const admin = await login(api.baseUrl, bulkUserEmail(1));
    const buyer = await login(api.baseUrl, bulkUserEmail(2));
    const placer = await login(api.baseUrl, bulkUserEmail(3));
    const refresher = await login(api.baseUrl, bulkUserEmail(4));
    const productId = fixtures.productIds[0] ?? '';
    const productRes = await fetch(`${api.baseUrl}/v1/products/${productId}`);
    const productJson = await productRes.text();
    if (!productRes.ok) throw new Error(`product read failed: ${productRes.status}`);
    const { orderId, ownDeep10k, allDeep10k } = await withClient(database.url, async (client) => {
      const { rows } = await client.query<{ id: string }>(
        `SELECT id FROM orders WHERE user_id = $1 ORDER BY created_at DESC LIMIT 1`,
        [buyer.id],
      );
      return {
        orderId: rows[0]?.id ?? '',
        ownDeep10k: await deepCursor(client, buyer.id),
        allDeep10k: await deepCursor(client),
      };
    });

    // Ceilings, one process at a time, like the API.
    const ceiling = async (
      id: string,
      label: string,
      script: string,
      path: string,
      extraEnv: Record<string, string> = {},
    ): Promise<void> => {
      if (!wanted(id)) return;
      const server = await startServer({
        name: id,
        nodeArgs: script.split(' '),
        readyPath: '/ready',
        env: extraEnv,
      });
      try {
        await suite.measure(id, label, 'ceiling', [server], () =>
          spec([server], { paths: [path] }),
        );
      } finally {
        await server.stop();
      }
    };
    const bare = (mode: string): string => `bench/dist/ceilings/bare-server.js ${mode}`;
    const json = { BENCH_PRODUCT_JSON: productJson };
    const db = { DATABASE_URL: database.url };
    await ceiling(
      'ceiling-hello',
      'ceiling: bare Fastify, fixed JSON',
      bare('json'),
      '/hello',
      json,
    );
    await ceiling(
      'ceiling-json',
      'ceiling: bare Fastify, product JSON',
      bare('json'),
      '/product',
      json,
    );
    await ceiling(
      'ceiling-nest',
      'floor: NestJS on Fastify, fixed JSON',
      'bench/dist/ceilings/nest-hello.js',
      '/hello',
    );
    await ceiling(
      'ceiling-pg',
      'ceiling: bare Fastify + pg, order by primary key',
      bare('pg'),
      `/orders/${orderId}`,
      db,
    );
    await ceiling(
      'ceiling-pg-user',
      'ceiling: bare Fastify + pg, user by primary key',
      bare('pg-user'),
      `/users/${buyer.id}`,
      db,
    );
    await ceiling(
      'ceiling-pg-users',
      'ceiling: bare Fastify + pg, 20 users',
      bare('pg-users'),
      '/users',
      db,
    );
    const redisKey = `${prefix}ceiling:product`;
    await withRedis((redis) => redis.set(redisKey, productJson, 'EX', 3600));
    await ceiling('ceiling-redis', 'ceiling: bare Fastify + Redis GET', bare('redis'), '/product', {
      REDIS_URL: REDIS,
      BENCH_REDIS_KEY: redisKey,
    });
    if (wanted('ceiling-argon2')) {
      log('argon2id rate …');
      const measurement = await argon2Ceiling();
      suite.measurements.push(measurement);
      log(`argon2id: ${stat(measurement.runs.map((run) => run.rps)).median.toFixed(1)} hashes/s`);
    }

    const bearer = (token: string): Record<string, string> => ({
      authorization: `Bearer ${token}`,
    });
    const one = [api];
    await suite.measure('health-live', 'GET /health/live', 'api', one, () =>
      spec(one, { paths: ['/health/live'] }),
    );
    await suite.measure('users-me', 'GET /v1/users/me (bearer)', 'api', one, () =>
      spec(one, { paths: ['/v1/users/me'], headers: bearer(buyer.token) }),
    );
    await suite.measure('users-list', 'GET /v1/users?limit=20 (admin)', 'api', one, () =>
      spec(one, { paths: ['/v1/users?limit=20'], headers: bearer(admin.token) }),
    );
    await suite.measure('product-read', 'GET /v1/products/:id (cached)', 'api', one, () =>
      spec(one, { paths: [`/v1/products/${productId}`] }),
    );
    await suite.measure('product-list', 'GET /v1/products?limit=20 (cached)', 'api', one, () =>
      spec(one, { paths: ['/v1/products?limit=20'] }),
    );
    await suite.measure('order-read', 'GET /v1/orders/:id (bearer)', 'api', one, () =>
      spec(one, { paths: [`/v1/orders/${orderId}`], headers: bearer(buyer.token) }),
    );
    const buyerKey = await createApiKey(api.baseUrl, buyer.token, 'orders:read');
    await suite.measure('order-read-key', 'GET /v1/orders/:id (API key)', 'api', one, () =>
      spec(one, { paths: [`/v1/orders/${orderId}`], headers: bearer(buyerKey) }),
    );
    const orderLists = async (size: number, own: string, all: string): Promise<void> => {
      const n = sizeLabel(size);
      const lists = [
        ['own-first', `own orders, first page @${n}`, buyer.token, undefined],
        ['own-deep', `own orders, page at 90 % @${n}`, buyer.token, own],
        ['all-first', `all orders (admin), first page @${n}`, admin.token, undefined],
        ['all-deep', `all orders (admin), page at 90 % @${n}`, admin.token, all],
      ] as const;
      for (const [id, label, token, cursor] of lists) {
        await suite.measure(
          `order-list-${id}@${n}`,
          `GET /v1/orders: ${label}`,
          'orders',
          one,
          () =>
            spec(one, {
              paths: [`/v1/orders?limit=20${cursor ? `&cursor=${cursor}` : ''}`],
              headers: bearer(token),
            }),
        );
      }
    };
    await orderLists(firstSize, ownDeep10k, allDeep10k);

    const orderBodies = fixtures.productIds.map((id) =>
      JSON.stringify({ items: [{ productId: id, quantity: 1 }] }),
    );
    await suite.measure('order-place', 'POST /v1/orders (new Idempotency-Key)', 'api', one, () =>
      spec(one, {
        method: 'POST',
        paths: ['/v1/orders'],
        headers: bearer(placer.token),
        bodies: orderBodies,
        freshIdempotencyKey: true,
        expect: [201],
      }),
    );
    const replayKey = randomUUID();
    const replayBody = orderBodies[1] ?? '';
    if (wanted('order-replay')) {
      const first = await fetch(`${api.baseUrl}/v1/orders`, {
        method: 'POST',
        headers: {
          ...bearer(placer.token),
          'content-type': 'application/json',
          'idempotency-key': replayKey,
        },
        body: replayBody,
      });
      if (first.status !== 201) throw new Error(`order for the replay: ${first.status}`);
    }
    await suite.measure('order-replay', 'POST /v1/orders (replayed key)', 'api', one, () =>
      spec(one, {
        method: 'POST',
        paths: ['/v1/orders'],
        headers: { ...bearer(placer.token), 'idempotency-key': replayKey },
        bodies: [replayBody],
        expect: [201],
      }),
    );
    const loginBody = JSON.stringify({ email: bulkUserEmail(5), password: PASSWORD });
    await suite.measure('login', 'POST /v1/auth/login', 'api', one, () =>
      spec(one, { method: 'POST', paths: ['/v1/auth/login'], bodies: [loginBody], expect: [200] }),
    );
    await suite.measure('refresh', 'POST /v1/auth/refresh (chained)', 'api', one, () =>
      withClient(database.url, async (client) =>
        spec(one, {
          method: 'POST',
          paths: ['/v1/auth/refresh'],
          refreshSeeds: await refreshSeeds(client, refresher.id, CONNECTIONS * 3),
          expect: [200],
        }),
      ),
    );

    // Scaling with data: the same lists with many more orders.
    let seeded = firstSize;
    for (const size of laterSizes) {
      const n = sizeLabel(size);
      if (!LIST_IDS.some((id) => wanted(`order-list-${id}@${n}`))) continue;
      t = Date.now();
      await seedBulkData(database.url, {
        products: PRODUCTS,
        users: USERS,
        orders: size - seeded,
        passwordHash,
        onProgress: (message) => log(`seed: ${message}`),
      });
      seeded = size;
      log(`grew to ${size} orders in ${(Date.now() - t) / 1000} s`);
      const cursors = await withClient(database.url, async (client) => ({
        own: await deepCursor(client, buyer.id),
        all: await deepCursor(client),
      }));
      await orderLists(size, cursors.own, cursors.all);
    }

    // Scaling with cores: a second API process; autocannon spreads connections over both.
    if (wanted('x2')) {
      const second = await startApi({
        name: 'api-2',
        databaseUrl: database.url,
        keys,
        redisPrefix: prefix,
        otlpEndpoint: sink?.endpoint,
        tracing: TRACING,
        nodeArgs: API_NODE_ARGS,
      });
      servers.push(second);
      const two = [api, second];
      await suite.measure(
        'product-read-x2',
        'GET /v1/products/:id, 2 processes',
        'scaling',
        two,
        () => spec(two, { paths: [`/v1/products/${productId}`] }),
      );
      await suite.measure('order-read-x2', 'GET /v1/orders/:id, 2 processes', 'scaling', two, () =>
        spec(two, { paths: [`/v1/orders/${orderId}`], headers: bearer(buyer.token) }),
      );
    }
    await stopAll();
    report(suite.measurements, started, sink?.received);
  } finally {
    await suite.stop();
    await sink?.stop();
    await stopAll();
    await database.drop().catch((error: unknown) => {
      log(`could not drop the database: ${String(error)}`);
    });
    await deleteRedisKeys(prefix).catch(() => undefined);
  }
}

async function withRedis<T>(work: (redis: Redis) => Promise<T>): Promise<T> {
  const redis = new Redis(REDIS);
  try {
    return await work(redis);
  } finally {
    redis.disconnect();
  }
}

function targets(rows: readonly Summary[]): Target[] {
  const find = (id: string): Summary | undefined => rows.find((row) => row.id === id);
  const ratio = (a?: number, b?: number): number =>
    a === undefined || b === undefined || b === 0 ? NaN : a / b;
  const check = (value: number, ok: (value: number) => boolean): boolean | undefined =>
    Number.isFinite(value) ? ok(value) : undefined;
  const result: Target[] = [];
  const against = (
    target: string,
    scenario: string,
    ceilingId: string,
    floor: number | undefined,
  ): void => {
    const value = ratio(find(scenario)?.rps.median, find(ceilingId)?.rps.median);
    result.push({
      target: floor === undefined ? `${target} (info)` : target,
      value: Number.isFinite(value) ? value.toFixed(2) : '–',
      met: floor === undefined ? undefined : check(value, (v) => v >= floor),
    });
  };
  against(
    'NestJS hello / bare Fastify fixed JSON (the framework floor)',
    'ceiling-nest',
    'ceiling-hello',
    undefined,
  );
  against('GET /health/live ≥ 0.6 of bare Fastify fixed JSON', 'health-live', 'ceiling-hello', 0.6);
  against(
    'cached product read ≥ 0.5 of bare Fastify product JSON',
    'product-read',
    'ceiling-json',
    0.5,
  );
  against(
    'cached product read / bare Fastify + Redis GET',
    'product-read',
    'ceiling-redis',
    undefined,
  );
  against('GET /v1/users/me ≥ 0.6 of bare Fastify + pg (user)', 'users-me', 'ceiling-pg-user', 0.6);
  against('authenticated order read ≥ 0.6 of bare Fastify + pg', 'order-read', 'ceiling-pg', 0.6);
  against(
    'order read with an API key / bare Fastify + pg',
    'order-read-key',
    'ceiling-pg',
    undefined,
  );
  against(
    'admin user list / bare Fastify + pg (20 users)',
    'users-list',
    'ceiling-pg-users',
    undefined,
  );
  against('login ≥ 0.95 of the argon2id hash rate', 'login', 'ceiling-argon2', 0.95);
  // Reads: every GET scenario of one process (writes and login are bound by commits and hashes).
  const measuredApi = rows.filter((row) => row.group !== 'ceiling' && READS.test(row.id));
  const slow = measuredApi.filter((row) => !(row.p99.median < 25));
  result.push({
    target: `p99 < 25 ms at ${CONNECTIONS} connections (reads)`,
    value:
      measuredApi.length === 0
        ? '–'
        : slow.length === 0
          ? `worst ${Math.max(...measuredApi.map((row) => row.p99.median))} ms`
          : slow.map((row) => `${row.id} ${row.p99.median} ms`).join(', '),
    met: measuredApi.length === 0 ? undefined : slow.length === 0,
  });
  // The reads, OpenTelemetry on: what a pod must hold within its memory (docs/performance.md).
  const reads = rows.filter(
    (row) =>
      row.processes === 1 && /^(product-read|product-list|order-read|order-list-)/.test(row.id),
  );
  const readPeak = Math.max(...reads.map((row) => row.peakRssMiB));
  result.push({
    target: `API peak RSS ≤ 256 MiB over the read scenarios${OTEL ? '' : ' (OpenTelemetry off: not the target)'}`,
    value: reads.length === 0 ? '–' : `${readPeak.toFixed(0)} MiB`,
    met: reads.length === 0 || !OTEL ? undefined : readPeak <= 256,
  });
  const largest = SIZES.at(-1) ?? 0;
  const n = sizeLabel(largest);
  for (const scope of ['own', 'all'] as const) {
    const deep = find(`order-list-${scope}-deep@${n}`)?.p50.median;
    const first = find(`order-list-${scope}-first@${n}`)?.p50.median;
    const value = ratio(deep, first === undefined ? undefined : Math.max(first, 1));
    result.push({
      target: `deep / first page p50 ≤ 1.5 at ${n} orders (${scope})`,
      value: Number.isFinite(value) ? value.toFixed(2) : '–',
      met: check(value, (v) => v <= 1.5),
    });
  }
  for (const id of ['product-read', 'order-read']) {
    const scaled = ratio(find(`${id}-x2`)?.rps.median, find(id)?.rps.median);
    result.push({
      target: `${id}: 2 processes / 1 process (info; ${cpus().length} cores incl. the load generator)`,
      value: Number.isFinite(scaled) ? `${scaled.toFixed(2)}×` : '–',
      met: undefined,
    });
  }
  return result;
}

function report(
  measurements: readonly Measurement[],
  started: number,
  exported: { requests: number; bytes: number } | undefined,
): void {
  const rows = measurements.map(summarize);
  const goals = targets(rows);
  const machine = {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    loadAverage: loadavg(),
    node: process.version,
  };
  const settings = {
    quick: QUICK,
    seconds: SECONDS,
    warmupSeconds: WARMUP,
    repeats: REPEATS,
    connections: CONNECTIONS,
    orders: SIZES,
    openTelemetry: OTEL,
    tracing: OTEL ? SAMPLER : undefined,
    apiNodeArgs: API_NODE_ARGS,
  };
  const telemetry = exported
    ? `OpenTelemetry on, ${SAMPLER} (${exported.requests} OTLP exports, ${(exported.bytes / 2 ** 20).toFixed(1)} MiB of spans to a local sink)`
    : 'OpenTelemetry off';
  process.stdout.write(
    `\n${REPEATS} × ${SECONDS}s per scenario after ${WARMUP}s warm-up, ${CONNECTIONS} connections; ` +
      `median (min–max); CPU and RSS are the server process(es)'; ${telemetry}; ` +
      (API_NODE_ARGS.length > 0 ? `API node flags ${API_NODE_ARGS.join(' ')}; ` : '') +
      `${machine.cpus} × ${machine.cpuModel}, load ${machine.loadAverage.map((v) => v.toFixed(1)).join(' ')}\n\n`,
  );
  process.stdout.write(`${table(rows)}\n\n${targetsTable(goals)}\n`);
  const dir = new URL('../results/', import.meta.url);
  mkdirSync(dir, { recursive: true });
  const file = new URL(`${new Date().toISOString().replaceAll(':', '-')}.json`, dir);
  writeFileSync(
    file,
    `${JSON.stringify({ machine, settings, postgres: redact(POSTGRES), summaries: rows, targets: goals, measurements, durationSeconds: (Date.now() - started) / 1000 }, null, 2)}\n`,
  );
  process.stdout.write(
    `\nwritten to ${file.pathname.replace(ROOT, '')} in ${((Date.now() - started) / 1000).toFixed(0)} s\n`,
  );
}

function redact(url: string): string {
  const parsed = new URL(url);
  parsed.password = '';
  return parsed.toString();
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
