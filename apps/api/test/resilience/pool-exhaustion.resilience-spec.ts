import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { validValue } from '../hostile-input/support/json-schema-arbitrary.js';
import {
  type Operation,
  operationsOf,
  requestTo,
  routeName,
} from '../hostile-input/support/openapi-operations.js';
import { bearer, register, registerAdmin } from '../support/identity.js';
import { type AppBehindProxies, startAppBehindProxies } from './support/app-behind-proxies.js';
import { expectAccountIntact, expectUnavailable, timed } from './support/expectations.js';
import { lockUserRows } from './support/row-lock.js';

const POOL_TIMEOUT_MS = 1_000;
/**
 * A request waits for the pool once: its 503 comes before a second wait could have ended. (On an
 * idle machine it comes a few milliseconds after the timeout; a machine busy with other work adds
 * spikes of several hundred, which this absorbs without hiding a second wait.)
 */
const TWO_WAITS_MS = 2 * POOL_TIMEOUT_MS;
/** Registration hashes the password (Argon2id, CPU-bound by design) before it needs the pool. */
const HASHES_FIRST = 'POST /v1/auth/register';

/** A schema-valid request to `operation` (one fixed sample per route), as `token`. */
function validRequest(
  server: Parameters<typeof requestTo>[0],
  operation: Operation,
  token: string,
) {
  const sample = (schema: Parameters<typeof validValue>[0]): unknown =>
    fc.sample(validValue(schema), { numRuns: 1, seed: 42 })[0];
  const text = (value: unknown): string =>
    typeof value === 'string' ? value : JSON.stringify(value);
  const path = operation.path.replaceAll(/\{([^}]+)\}/g, (_, name: string) => {
    const parameter = operation.parameters.find((p) => p.in === 'path' && p.name === name);
    return encodeURIComponent(parameter ? text(sample(parameter.schema)) : name);
  });
  // The one required header is Idempotency-Key.
  const headers = Object.fromEntries(
    operation.parameters
      .filter((p) => p.in === 'header' && p.required)
      .map((p) => [p.name, randomUUID()]),
  );
  const call = requestTo(server, operation.method, path)
    .set(headers)
    .set(...bearer(token));
  return operation.body ? call.send(sample(operation.body) as object) : call;
}

describe('database pool exhausted', () => {
  let t: AppBehindProxies;

  beforeAll(async () => {
    t = await startAppBehindProxies({
      env: {
        DATABASE_POOL_SIZE: '2',
        DATABASE_POOL_TIMEOUT_MS: String(POOL_TIMEOUT_MS),
        // The held requests wait for their rows while every route is tried, one by one.
        DATABASE_STATEMENT_TIMEOUT_MS: '120000',
      },
    });
  });

  afterAll(async () => {
    await t.close();
  });

  it('answers the next request 503 with Retry-After after the pool timeout, not a hang', async () => {
    const [first, second, third] = await Promise.all([
      register(t.server),
      register(t.server),
      register(t.server),
    ]);
    const rename = (tokens: typeof first, name: string): request.Test =>
      request(t.server)
        .patch('/v1/users/me')
        .set(...bearer(tokens.accessToken))
        .send({ name });

    const lock = await lockUserRows([first.user.id, second.user.id]);
    let held: Promise<request.Response[]>;
    try {
      // Each rename holds one of the two pooled connections while it waits for its row.
      held = Promise.all([rename(first, 'first, later'), rename(second, 'second, later')]);
      await lock.blocked(2);
      const { value: res, ms } = await timed(() =>
        request(t.server)
          .get('/v1/users/me')
          .set(...bearer(third.accessToken)),
      );
      expectUnavailable(res);
      expect(ms).toBeLessThan(POOL_TIMEOUT_MS + 1_000);
    } finally {
      await lock.release();
    }

    // The held requests finish once their rows are free; nothing was lost or mixed up.
    const answers = await held;
    expect(answers.map((res): unknown[] => [res.status, res.body.name])).toEqual([
      [200, 'first, later'],
      [200, 'second, later'],
    ]);
    await expectAccountIntact(t.server, third);
  });

  it('answers every route after one pool wait at most while the pool is held', async () => {
    const [first, second, admin] = await Promise.all([
      register(t.server),
      register(t.server),
      registerAdmin(t),
    ]);
    // What hashing a password takes on this machine right now (a whole registration, at most).
    const { ms: hashingMs } = await timed(() => register(t.server));
    // The admin's session is looked up once now, so it is cached: the routes below reach their
    // own queries instead of stopping at authentication.
    await request(t.server)
      .get('/v1/users/me')
      .set(...bearer(admin.accessToken))
      .expect(200);
    const operations = operationsOf((await request(t.server).get('/openapi.json')).body);

    const lock = await lockUserRows([first.user.id, second.user.id]);
    /** `ms`: the time of the request beyond what a request without database work took. */
    let answers: { route: string; res: request.Response; ms: number }[];
    try {
      const held = [first, second].map((tokens) =>
        request(t.server)
          .patch('/v1/users/me')
          .set(...bearer(tokens.accessToken))
          .send({ name: 'held' })
          .then((res) => res.status),
      );
      await lock.blocked(2);
      // One at a time, so each request's time is its own wait, not a queue behind the others.
      answers = [];
      for (const operation of operations) {
        // What any request costs on this machine right now, database aside (a busy machine
        // adds hundreds of milliseconds): allowed on top, as it is not waiting for the pool.
        const { ms: busyMs } = await timed(() => request(t.server).get('/health/live'));
        const { value: res, ms } = await timed(() =>
          validRequest(t.server, operation, admin.accessToken),
        );
        answers.push({ route: routeName(operation), res, ms: ms - busyMs });
      }
      await lock.release();
      expect(await Promise.all(held)).toEqual([200, 200]);
    } finally {
      await lock.release();
    }

    const slow = answers.filter(
      ({ route, ms }) => ms >= TWO_WAITS_MS + (route === HASHES_FIRST ? hashingMs : 0),
    );
    expect(slow.map(({ route, res, ms }) => ({ route, status: res.status, ms }))).toEqual([]);
    const unavailable = answers.filter(({ res }) => res.status === 503);
    for (const { res } of unavailable) expectUnavailable(res);
    // The routes that need the database said so (the others answered without it).
    expect(unavailable.map(({ route }) => route)).toEqual(
      expect.arrayContaining([
        'GET /v1/users/me',
        'GET /v1/users',
        'GET /v1/products',
        'POST /v1/orders',
        'GET /v1/orders',
        'POST /v1/auth/login',
      ]),
    );
    // Some thirty requests one after the other, each waiting for the pool: slow on a busy machine.
  }, 120_000);
});
