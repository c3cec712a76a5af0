import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Controller, Get, HttpCode, Module, Post } from '@nestjs/common';
import { requireHarnessEnv, testConfig, workerDatabaseUrl } from '@libs/testing';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { Public } from '../src/auth/decorators/public.decorator.js';
import { AuthRateLimit, NoRateLimit } from '../src/platform/rate-limit/rate-limit.decorators.js';
import { leaseSize } from '../src/platform/rate-limit/rate-limit.leases.js';
import {
  type ApiProcess,
  PROCESS_TEST_TIMEOUT_MS,
  startApiProcess,
} from './support/api-process.js';
import { newSigningKey } from './support/identity.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const PROBLEM = /^application\/problem\+json/;
const PATH = '/v1/rate-limit-probe';

/** Test-only routes, marked the way the identity routes are. */
@Public()
@Controller(PATH.slice(1))
class RateLimitProbeController {
  @Get()
  ping(): { ok: true } {
    return { ok: true };
  }

  @Get('exempt')
  @NoRateLimit()
  exempt(): { ok: true } {
    return { ok: true };
  }

  @Post('login')
  @HttpCode(200)
  @AuthRateLimit()
  login(): { ok: true } {
    return { ok: true };
  }

  @Post('refresh')
  @HttpCode(200)
  @AuthRateLimit({ account: false })
  refresh(): { ok: true } {
    return { ok: true };
  }
}

@Module({ controllers: [RateLimitProbeController] })
class RateLimitProbeModule {}

/** Only the default limit matters unless a test says otherwise (test config sets huge ones). */
const SMALL_LIMITS = {
  RATE_LIMIT_PER_MINUTE: '3',
  RATE_LIMIT_AUTH_PER_MINUTE: '1000',
  RATE_LIMIT_ACCOUNT_PER_MINUTE: '1000',
};

/** Redis keys of their own, inside this worker's prefix (the harness deletes them after the run). */
/** A Redis key prefix no other app uses (each test configuration draws a new one). */
const ownKeyPrefix = (): string => testConfig().redis.keyPrefix;

let clients = 0;
/** A client address of its own (a documentation range), sent as X-Forwarded-For. */
const newClient = (): string => {
  clients += 1;
  return `198.51.${Math.floor(clients / 250)}.${(clients % 250) + 1}`;
};
const newEmail = (): string => `rl-${randomUUID()}@example.com`;

const start = (env: Record<string, string>): Promise<TestApp> =>
  startTestApp(env, [RateLimitProbeModule]);

function expectRateLimited(res: request.Response, limit: number, detail: RegExp): void {
  expect(res.status).toBe(429);
  expect(res.headers['content-type']).toMatch(PROBLEM);
  expect(res.headers['retry-after']).toBe('60');
  expect(res.headers['ratelimit-limit']).toBe(String(limit));
  expect(res.headers['ratelimit-remaining']).toBe('0');
  expect(res.headers['ratelimit-reset']).toBe('60');
  expect(res.body).toEqual({
    type: '/problems/rate-limited',
    title: 'Too Many Requests',
    status: 429,
    detail: expect.stringMatching(detail),
    instance: expect.stringMatching(/^\/v1\/rate-limit-probe/),
  });
}

describe('rate limits per client address', () => {
  let t: TestApp;
  const get = (client: string): request.Test =>
    request(t.server).get(PATH).set('X-Forwarded-For', client);

  beforeAll(async () => {
    t = await start({ ...SMALL_LIMITS, TRUST_PROXY: 'true' });
  });

  afterAll(async () => {
    await t.close();
  });

  it('reports the quota on every answer and answers 429 problem+json over the limit', async () => {
    const client = newClient();
    for (const remaining of ['2', '1', '0']) {
      const res = await get(client).expect(200);
      expect(res.headers['ratelimit-limit']).toBe('3');
      expect(res.headers['ratelimit-remaining']).toBe(remaining);
      expect(Number(res.headers['ratelimit-reset'])).toBeGreaterThanOrEqual(1);
      expect(Number(res.headers['ratelimit-reset'])).toBeLessThanOrEqual(60);
    }
    const res = await get(client);
    expectRateLimited(res, 3, /^Too many requests from this client\. Try again in 60 seconds\.$/);
    expect(res.headers['x-request-id']).toBeDefined();
    // Blocked requests stay blocked; they do not reach the handler.
    expectRateLimited(await get(client), 3, /from this client/);
  });

  it('counts every route of a client together', async () => {
    const client = newClient();
    await get(client).expect(200);
    await request(t.server).post(`${PATH}/refresh`).set('X-Forwarded-For', client).expect(200);
    await request(t.server).post(`${PATH}/login`).set('X-Forwarded-For', client).expect(200);
    expectRateLimited(await get(client), 3, /from this client/);
  });

  it('limits each client address on its own', async () => {
    const hammering = newClient();
    for (let i = 0; i < 3; i += 1) await get(hammering).expect(200);
    expect((await get(hammering)).status).toBe(429);
    const res = await get(newClient()).expect(200);
    expect(res.headers['ratelimit-remaining']).toBe('2');
  });

  it('never limits health routes, the API docs or @NoRateLimit() routes; they use up no quota', async () => {
    const client = newClient();
    for (let i = 0; i < 5; i += 1) {
      const exempt = await request(t.server).get(`${PATH}/exempt`).set('X-Forwarded-For', client);
      expect(exempt.status).toBe(200);
      expect(exempt.headers['ratelimit-limit']).toBeUndefined();
      const live = await request(t.server).get('/health/live').set('X-Forwarded-For', client);
      expect(live.status).toBe(200);
      expect(live.headers['ratelimit-limit']).toBeUndefined();
      await request(t.server).get('/health/ready').set('X-Forwarded-For', client).expect(200);
      await request(t.server).get('/openapi.json').set('X-Forwarded-For', client).expect(200);
      await request(t.server).get('/docs').set('X-Forwarded-For', client).redirects(1).expect(200);
    }
    const res = await get(client).expect(200);
    expect(res.headers['ratelimit-remaining']).toBe('2');
  });
});

describe('rate limits without TRUST_PROXY', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await start({ ...SMALL_LIMITS, REDIS_KEY_PREFIX: ownKeyPrefix() });
  });

  afterAll(async () => {
    await t.close();
  });

  it('ignores X-Forwarded-For: the connection address is the client', async () => {
    for (let i = 0; i < 3; i += 1) {
      await request(t.server).get(PATH).set('X-Forwarded-For', newClient()).expect(200);
    }
    const res = await request(t.server).get(PATH).set('X-Forwarded-For', newClient());
    expectRateLimited(res, 3, /from this client/);
  });
});

describe('rate limits of credential routes', () => {
  let t: TestApp;
  const post = (route: 'login' | 'refresh', client: string, body: object): request.Test =>
    request(t.server).post(`${PATH}/${route}`).set('X-Forwarded-For', client).send(body);

  beforeAll(async () => {
    t = await start({
      RATE_LIMIT_PER_MINUTE: '100',
      RATE_LIMIT_AUTH_PER_MINUTE: '10',
      RATE_LIMIT_ACCOUNT_PER_MINUTE: '2',
      TRUST_PROXY: 'true',
    });
  });

  afterAll(async () => {
    await t.close();
  });

  it('limits one account while other accounts from the same address still pass', async () => {
    const client = newClient();
    const victim = newEmail();
    const first = await post('login', client, { email: victim.toUpperCase() }).expect(200);
    // The account quota is the most restrictive one, so it is the one reported.
    expect(first.headers['ratelimit-limit']).toBe('2');
    expect(first.headers['ratelimit-remaining']).toBe('1');
    await post('login', client, { email: victim }).expect(200);
    // Same account, however it is spelled.
    const res = await post('login', client, { email: `  ${victim.toUpperCase()} ` });
    expectRateLimited(res, 2, /^Too many requests for this account\. Try again in 60 seconds\.$/);
    // ...and from whichever address.
    expect((await post('login', newClient(), { email: victim })).status).toBe(429);

    const other = await post('login', client, { email: newEmail() }).expect(200);
    expect(other.headers['ratelimit-remaining']).toBe('1');
  });

  it('limits each address across all credential routes, and only there', async () => {
    const client = newClient();
    for (let i = 0; i < 5; i += 1) {
      await post('login', client, { email: newEmail() }).expect(200);
      await post('refresh', client, { refreshToken: 'x' }).expect(200);
    }
    expectRateLimited(await post('refresh', client, {}), 10, /from this client/);
    expect((await post('login', client, { email: newEmail() })).status).toBe(429);
    const plain = await request(t.server).get(PATH).set('X-Forwarded-For', client).expect(200);
    expect(plain.headers['ratelimit-limit']).toBe('100');
  });

  it('does not limit refresh per account, nor a login body without an email', async () => {
    const client = newClient();
    const email = newEmail();
    for (let i = 0; i < 3; i += 1) {
      await post('refresh', client, { email }).expect(200);
      await post('login', client, { password: 'x' }).expect(200);
    }
  });
});

describe('rate limits across instances', () => {
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    // Replicas share limits because they share Redis and the key prefix.
    const env = { ...SMALL_LIMITS, TRUST_PROXY: 'true', REDIS_KEY_PREFIX: ownKeyPrefix() };
    [a, b] = await Promise.all([start(env), start(env)]);
  });

  afterAll(async () => {
    await Promise.all([a.close(), b.close()]);
  });

  it('counts a client on one shared counter', async () => {
    const client = newClient();
    const get = (t: TestApp): request.Test =>
      request(t.server).get(PATH).set('X-Forwarded-For', client);
    await get(a).expect(200);
    await get(b).expect(200);
    const third = await get(a).expect(200);
    expect(third.headers['ratelimit-remaining']).toBe('0');
    expectRateLimited(await get(b), 3, /from this client/);
    expectRateLimited(await get(a), 3, /from this client/);
  });
});

describe('rate limits across API processes, with leases', () => {
  /** 100 a minute: leases of 5 hits (rate-limit.leases.ts), one Redis round trip per 5 requests. */
  const LIMIT = 100;
  let t: TestApp;
  let replica: ApiProcess;

  beforeAll(async () => {
    const env = {
      RATE_LIMIT_PER_MINUTE: String(LIMIT),
      RATE_LIMIT_AUTH_PER_MINUTE: '1000',
      RATE_LIMIT_ACCOUNT_PER_MINUTE: '1000',
      TRUST_PROXY: 'true',
      REDIS_KEY_PREFIX: ownKeyPrefix(),
    };
    t = await start(env);
    replica = await startApiProcess({
      ...env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'info', // startApiProcess waits for the "listening" line
      DATABASE_URL: workerDatabaseUrl(),
      REDIS_URL: requireHarnessEnv().redisUrl,
      JWT_SIGNING_KEYS: JSON.stringify([await newSigningKey('replicas')]),
    });
  }, PROCESS_TEST_TIMEOUT_MS);

  afterAll(async () => {
    await replica.stop();
    await t.close();
  });

  it(
    'admits at most the limit over both, and refuses no earlier than limit − (lease − 1)',
    async () => {
      const client = newClient();
      // A public route both processes serve: an unknown product (404 counts like any answer).
      const path = `/v1/products/${randomUUID()}`;
      const statuses: number[] = [];
      for (let i = 0; statuses.length < LIMIT + 10; i += 1) {
        const target = i % 3 === 2 ? replica.baseUrl : t.server;
        statuses.push((await request(target).get(path).set('X-Forwarded-For', client)).status);
      }
      const admitted = statuses.filter((status) => status === 404).length;
      const firstRefusal = statuses.indexOf(429);
      expect(admitted).toBeLessThanOrEqual(LIMIT);
      expect(firstRefusal).toBeGreaterThanOrEqual(LIMIT - (leaseSize(LIMIT) - 1));
      // The other process may still spend what its lease holds (at most lease − 1), then no more.
      expect(statuses.slice(-5)).toEqual(Array(5).fill(429));
    },
    PROCESS_TEST_TIMEOUT_MS,
  );
});

describe.each([
  ['Redis is down', 'redis://127.0.0.1:1'],
  ['no Redis is configured', ''],
])('rate limits when %s', (_situation, redisUrl) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await start({ ...SMALL_LIMITS, TRUST_PROXY: 'true', REDIS_URL: redisUrl });
  });

  afterAll(async () => {
    await t.close();
  });

  it('still answers, and still limits each client within this process', async () => {
    const client = newClient();
    for (const remaining of ['2', '1', '0']) {
      const res = await request(t.server).get(PATH).set('X-Forwarded-For', client).expect(200);
      expect(res.headers['ratelimit-remaining']).toBe(remaining);
    }
    const res = await request(t.server).get(PATH).set('X-Forwarded-For', client);
    expectRateLimited(res, 3, /from this client/);
    await request(t.server).get(PATH).set('X-Forwarded-For', newClient()).expect(200);
  });
});
