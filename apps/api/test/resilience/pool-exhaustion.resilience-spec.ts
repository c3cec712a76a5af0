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
import { PasswordHasher } from '../../src/auth/passwords/password-hasher.js';
import { PASSWORD, bearer, register, registerAdmin } from '../support/identity.js';
import { type AppBehindProxies, startAppBehindProxies } from './support/app-behind-proxies.js';
import { expectAccountIntact, expectUnavailable, timed } from './support/expectations.js';
import { lockUserRows } from './support/row-lock.js';

const POOL_TIMEOUT_MS = 1_000;
/**
 * A request waits for the pool once: its 503 comes within the pool timeout and half a second of
 * its own time (docs/operations.md). A second wait (to clean up, say) would add another timeout.
 */
const ONE_WAIT_MS = POOL_TIMEOUT_MS + 500;
/**
 * A request that came back later than ONE_WAIT_MS is sent again, up to this many times in all,
 * and its least time counts: a machine busy with other work stalls one request now and then by a
 * few hundred milliseconds, while a second pool wait would delay every one of them.
 */
const TRIES = 3;
/** Registration hashes the password (Argon2id, CPU-bound by design) before it needs the pool. */
const HASHES_FIRST = 'POST /v1/auth/register';
/** Bodies the OpenAPI schema cannot pin down (a currency this runtime knows). */
const BODIES: Readonly<Record<string, object>> = {
  'POST /v1/products': {
    sku: 'POOL-1',
    name: 'Held pool',
    priceCents: 100,
    currency: 'EUR',
    stock: 1,
  },
};

interface Timing {
  readonly res: request.Response;
  /** The request's own time: beyond what the machine charged any request just then. */
  readonly ms: number;
}

/**
 * Sends a fresh `send()` and times it, net of the machine's cost of a request without database
 * work (a /health/live round trip just before) and of `ownWork` (CPU work the route does before
 * it needs the database, measured just before as well). Up to TRIES times while over ONE_WAIT_MS:
 * the try with the least time.
 */
async function ownTime(
  server: Parameters<typeof request>[0],
  send: () => request.Test,
  ownWork: () => Promise<number> = () => Promise.resolve(0),
): Promise<Timing> {
  let best: Timing | undefined;
  for (let tries = 0; tries < TRIES && !(best && best.ms < ONE_WAIT_MS); tries += 1) {
    const { ms: busyMs } = await timed(() => request(server).get('/health/live'));
    const workMs = await ownWork();
    const { value: res, ms } = await timed(send);
    if (!best || ms - busyMs - workMs < best.ms) best = { res, ms: ms - busyMs - workMs };
  }
  if (!best) throw new Error('TRIES must be at least 1');
  return best;
}

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
  if (!operation.body) return call;
  return call.send(BODIES[routeName(operation)] ?? (sample(operation.body) as object));
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
      // Its session is not cached yet: looking it up is the request's one pool wait.
      const { res, ms } = await ownTime(t.server, () =>
        request(t.server)
          .get('/v1/users/me')
          .set(...bearer(third.accessToken)),
      );
      expectUnavailable(res);
      expect(ms).toBeLessThan(ONE_WAIT_MS);
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
    const hasher = t.app.get(PasswordHasher);
    const hashing = async (): Promise<number> => (await timed(() => hasher.hash(PASSWORD))).ms;
    // The admin's session is looked up once now, so it is cached: the routes below reach their
    // own queries instead of stopping at authentication.
    await request(t.server)
      .get('/v1/users/me')
      .set(...bearer(admin.accessToken))
      .expect(200);
    const operations = operationsOf((await request(t.server).get('/openapi.json')).body);

    const lock = await lockUserRows([first.user.id, second.user.id]);
    let answers: (Timing & { route: string })[];
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
        const route = routeName(operation);
        const timing = await ownTime(
          t.server,
          () => validRequest(t.server, operation, admin.accessToken),
          route === HASHES_FIRST ? hashing : undefined,
        );
        answers.push({ route, ...timing });
      }
      await lock.release();
      expect(await Promise.all(held)).toEqual([200, 200]);
    } finally {
      await lock.release();
    }

    const slow = answers.filter(({ ms }) => ms >= ONE_WAIT_MS);
    expect(slow.map(({ route, res, ms }) => ({ route, status: res.status, ms }))).toEqual([]);
    const unavailable = answers.filter(({ res }) => res.status === 503);
    for (const { res } of unavailable) expectUnavailable(res);
    // The routes that need the database said so (the others answered without it).
    expect(unavailable.map(({ route }) => route)).toEqual(
      expect.arrayContaining([
        'GET /v1/users/me',
        'GET /v1/users',
        'GET /v1/products',
        'POST /v1/products',
        'POST /v1/orders',
        'GET /v1/orders',
        'POST /v1/auth/login',
      ]),
    );
    // Some thirty requests one after the other, each waiting for the pool: slow on a busy machine.
  }, 120_000);
});
