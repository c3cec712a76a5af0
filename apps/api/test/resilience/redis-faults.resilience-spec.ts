import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { eventually, testConfig } from '@libs/testing';
import request from 'supertest';
import { bearer, login, register, type Tokens } from '../support/identity.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { type AppBehindProxies, startAppBehindProxies } from './support/app-behind-proxies.js';
import { PROBLEM, expectAccountIntact, timed } from './support/expectations.js';

const RATE_LIMIT = 5;
/** Redis commands time out after 1 s (libs/cache); a request makes at most a few of them. */
const REDIS_HANG_BUDGET_MS = 3_500;

let clients = 0;
/** A client address of its own (documentation range), sent as X-Forwarded-For. */
const newClient = (): string => `203.0.113.${(clients += 1)}`;

describe.each([
  ['down (connections refused)', (t: AppBehindProxies) => t.redis.refuse(), 1_000],
  ['hanging (no answers)', (t: AppBehindProxies) => t.redis.pause(), REDIS_HANG_BUDGET_MS],
])('Redis %s', (_fault, inflict, budgetMs) => {
  let t: AppBehindProxies;
  /** Another replica, on the same Redis keys, that keeps its own connection to Redis. */
  let replica: TestApp;
  let before: Tokens;

  const me = (tokens: Tokens, client = newClient()): request.Test =>
    request(t.server)
      .get('/v1/users/me')
      .set('X-Forwarded-For', client)
      .set(...bearer(tokens.accessToken));

  beforeAll(async () => {
    const shared = { TRUST_PROXY: 'true', REDIS_KEY_PREFIX: testConfig().redis.keyPrefix };
    [t, replica] = await Promise.all([
      startAppBehindProxies({ env: shared }),
      startTestApp(shared),
    ]);
    before = await register(t.server);
    await me(before).expect(200); // its session is now cached in Redis
  });

  afterAll(async () => {
    await Promise.all([t.close(), replica.close()]);
  });

  it('keeps serving from the database, slower by a bounded time, and never fails a request', async () => {
    inflict(t);
    const ready = await request(t.server).get('/health/ready').expect(503);
    expect(ready.body).toMatchObject({ checks: { database: 'up', redis: 'down' } });
    await request(t.server).get('/health/live').expect(200);

    const { value: read, ms } = await timed(() => me(before));
    expect(read.status).toBe(200);
    expect(ms).toBeLessThan(budgetMs);
    const during = await register(t.server);
    expect((await login(t.server, during.user.email)).user).toEqual(during.user);

    t.redis.pass();
    await eventually('readiness', async () => (await request(t.server).get('/health/ready')).ok);
    await expectAccountIntact(t.server, before);
    await expectAccountIntact(t.server, during);
  }, 30_000);

  it('keeps a logout made during the outage in force, on every replica, once Redis is back', async () => {
    const tokens = await register(t.server);
    await me(tokens).expect(200); // cached as live in Redis, for both replicas
    inflict(t);
    try {
      await request(t.server)
        .post('/v1/auth/logout')
        .set(...bearer(tokens.accessToken))
        .expect(204);
      await me(tokens).expect(401);
    } finally {
      t.redis.pass();
    }
    await eventually('readiness', async () => (await request(t.server).get('/health/ready')).ok);
    await me(tokens).expect(401);
    // The replica trusted the cached entry meanwhile; it must be dropped soon after Redis is back.
    await eventually(
      'the replica to refuse the token',
      async () =>
        (
          await request(replica.server)
            .get('/v1/users/me')
            .set(...bearer(tokens.accessToken))
        ).status === 401,
      { timeoutMs: 5_000 },
    );
  }, 30_000);
});

describe('rate limits while Redis is down', () => {
  let t: AppBehindProxies;

  beforeAll(async () => {
    t = await startAppBehindProxies({
      env: { RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT), TRUST_PROXY: 'true' },
    });
  });

  afterAll(async () => {
    await t.close();
  });

  it('still limit each client, per process, with 429 problems, not errors', async () => {
    t.redis.refuse();
    const client = newClient();
    const ping = (from: string): request.Test =>
      request(t.server).get('/v1/users/me').set('X-Forwarded-For', from);
    // Unauthenticated: each answer is a 401 that still counts against the client's quota.
    for (let i = 0; i < RATE_LIMIT; i += 1) await ping(client).expect(401);
    const limited = await ping(client).expect(429);
    expect(limited.headers['content-type']).toMatch(PROBLEM);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    await ping(newClient()).expect(401); // another client is not limited
  });
});
