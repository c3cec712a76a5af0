import { afterAll, describe, expect, it } from '@jest/globals';
import { query, workerDatabaseUrl } from '@libs/testing';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { bearer, register, registerAdmin } from '../support/identity.js';
import { startTestApp } from '../support/test-app.js';
import {
  type Operation,
  operationsOf,
  routeName,
  requestTo,
} from './support/openapi-operations.js';

/** Hostile path and query parameters on every documented route, and text that looks like SQL. */
const PROBLEM = 'application/problem+json';

const t = await startTestApp();
const admin = await registerAdmin(t);
const operations = operationsOf((await request(t.server).get('/openapi.json').expect(200)).body);

afterAll(async () => {
  await t.close();
});

const hasParameter = (operation: Operation, name: string, where: 'path' | 'query'): boolean =>
  operation.parameters.some((p) => p.in === where && p.name === name);
const uuidRoutes = operations.filter((o) =>
  o.parameters.some((p) => p.in === 'path' && p.schema.format === 'uuid'),
);
const pagedRoutes = operations.filter(
  (o) => o.method === 'get' && hasParameter(o, 'limit', 'query'),
);
/** Routes with a query string, whose path (if any) is only ids: any id reaches validation. */
const queryRoutes = operations.filter(
  (o) =>
    o.method === 'get' &&
    o.parameters.some((p) => p.in === 'query') &&
    o.parameters.every((p) => p.in !== 'path' || p.schema.format === 'uuid'),
);
const named = (list: Operation[]): (readonly [string, Operation])[] =>
  list.map((operation) => [routeName(operation), operation] as const);

function call(operation: Operation, url: string): request.Test {
  return requestTo(t.server, operation.method, url)
    .set(...bearer(admin.accessToken))
    .set('Idempotency-Key', randomUUID());
}

const pathWith = (operation: Operation, value: string): string =>
  operation.path.replaceAll(/\{[^}]+\}/g, value);

/** What a hostile request is checked for: its status, and whether the error is a problem. */
interface Answer {
  readonly status: number;
  readonly problem: boolean;
}

const answerOf = (res: request.Response): Answer => ({
  status: res.status,
  problem:
    (res.headers['content-type'] ?? '').startsWith(PROBLEM) && res.body.status === res.status,
});

/**
 * Sends every case and compares all answers in one assertion, keyed by the case: a failure
 * names each value that was answered wrongly.
 */
async function expectAnswers(
  cases: readonly string[],
  send: (value: string) => Promise<request.Response>,
  expected: Answer = { status: 400, problem: true },
): Promise<void> {
  const seen: Record<string, Answer> = {};
  for (const value of cases) seen[JSON.stringify(value)] = answerOf(await send(value));
  expect(seen).toEqual(Object.fromEntries(cases.map((value) => [JSON.stringify(value), expected])));
}

const BAD_IDS = [
  '123',
  'not-a-uuid',
  `${randomUUID()}x`,
  randomUUID().slice(0, -1),
  '00000000-0000-0000-0000-00000000000g',
  "1' OR '1'='1",
  '%00',
  '%F0%9F%94%91',
];

it('the document lists routes with ids and pages (the suites below follow it)', () => {
  expect(uuidRoutes.length).toBeGreaterThanOrEqual(2);
  expect(pagedRoutes.length).toBeGreaterThanOrEqual(1);
});

describe.each(named(uuidRoutes))('%s', (_route, operation) => {
  it('answers a malformed id with a 400 problem, without echoing bytes that are not UTF-8', async () => {
    await expectAnswers(BAD_IDS, (id) => call(operation, pathWith(operation, id)).send({}));
    const notUtf8 = await call(operation, pathWith(operation, '%ED%A0%80')).send({});
    expect(answerOf(notUtf8)).toEqual({ status: 400, problem: true });
    expect(notUtf8.text).not.toContain('%ED');
    const long = await call(operation, pathWith(operation, 'a'.repeat(1000))).send({});
    expect({
      clientError: long.status >= 400 && long.status < 500,
      problem: answerOf(long).problem,
    }).toEqual({ clientError: true, problem: true });
  });
});

describe('a trailing slash is the same route', () => {
  it('GET of a list with a trailing slash is the list itself', async () => {
    const asAdmin = (url: string): request.Test =>
      request(t.server)
        .get(url)
        .set(...bearer(admin.accessToken));
    for (const path of ['/v1/orders', '/v1/users', '/v1/products']) {
      const slashed = await asAdmin(`${path}/`);
      expect({ path, status: slashed.status, allow: slashed.headers.allow }).toEqual({
        path,
        status: 200,
        allow: undefined,
      });
      expect(Object.keys(slashed.body as object)).toEqual(
        Object.keys((await asAdmin(path)).body as object),
      );
    }
  });

  it('no documented route answers 405 for its own method when the path ends in a slash', async () => {
    const refused: string[] = [];
    for (const operation of operations) {
      // Anonymous: what is being checked is routing, and no request here may end a session.
      const url = `${pathWith(operation, randomUUID())}/`;
      const res = await requestTo(t.server, operation.method, url).send({});
      const allow = (res.headers.allow ?? '').split(/,\s*/);
      if (res.status === 405 && allow.includes(operation.method.toUpperCase())) {
        refused.push(routeName(operation));
      }
    }
    expect(refused).toEqual([]);
  });
});

describe.each(named(pagedRoutes))('%s', (_route, operation) => {
  const url = pathWith(operation, randomUUID());

  it('pages of 1 and 100; any other limit, or one given twice, is a 400 problem', async () => {
    for (const limit of ['1', '100']) {
      const res = await call(operation, url).query({ limit }).expect(200);
      expect({ limit, within: res.body.data.length <= Number(limit) }).toEqual({
        limit,
        within: true,
      });
      expect(res.body).toHaveProperty('nextCursor');
    }
    await expectAnswers(
      ['0', '101', '-1', '1.5', 'abc', '', '99999999999999999999'].map(
        (limit) => `limit=${encodeURIComponent(limit)}`,
      ),
      (queryString) => call(operation, `${url}?${queryString}`),
    );
    await expectAnswers(['limit=5&limit=6'], (queryString) =>
      call(operation, `${url}?${queryString}`),
    );
  });
});

describe.each(named(queryRoutes))('%s', (_route, operation) => {
  const url = pathWith(operation, randomUUID());

  it('refuses query-string objects and prototype keys: 400 problem, nothing polluted', async () => {
    await expectAnswers(
      [
        '__proto__[polluted]=1',
        'constructor[prototype][polluted]=1',
        '__proto__.polluted=1',
        'q[contains]=a',
        'q[not]=',
        'limit[gt]=0',
      ],
      (queryString) => call(operation, `${url}?${queryString}`),
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('text that looks like SQL is data', () => {
  const tricky = [
    "'); DROP TABLE users;--",
    "Robert'); DROP TABLE students;--",
    '" OR ""="',
    '%_\\',
    '$1 $$ $tag$',
  ];

  it('a name round-trips unchanged, in the API and in the table', async () => {
    for (const name of tricky) await expectNameRoundTrips(name);
  });

  async function expectNameRoundTrips(name: string): Promise<void> {
    const { accessToken, user } = await register(t.server, { name });
    expect(user.name).toBe(name);
    const me = await request(t.server)
      .get('/v1/users/me')
      .set(...bearer(accessToken))
      .expect(200);
    expect(me.body.name).toBe(name);
    const renamed = await request(t.server)
      .patch('/v1/users/me')
      .set(...bearer(accessToken))
      .send({ name: `${name} again` })
      .expect(200);
    expect(renamed.body.name).toBe(`${name} again`);
    const [row] = await query<{ name: string }>(
      workerDatabaseUrl(),
      'SELECT name FROM users WHERE id = $1',
      [user.id],
    );
    expect(row?.name).toBe(`${name} again`);
  }

  it('a search finds only users whose email or name contains the text literally', async () => {
    for (const q of ["' OR '1'='1", '%', '_', "%' OR 1=1 --"]) {
      const res = await request(t.server)
        .get('/v1/users')
        .query({ q, limit: '100' })
        .set(...bearer(admin.accessToken))
        .expect(200);
      for (const user of res.body.data as { email: string; name: string }[]) {
        expect(`${user.email} ${user.name}`.toLowerCase()).toContain(q.toLowerCase());
      }
    }
  });
});
