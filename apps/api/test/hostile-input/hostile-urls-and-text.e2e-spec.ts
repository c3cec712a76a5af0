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
const PROBLEM = /^application\/problem\+json/;

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

function expectProblem(res: request.Response, status: number | RegExp): void {
  if (typeof status === 'number') expect(res.status).toBe(status);
  else expect(String(res.status)).toMatch(status);
  expect(res.headers['content-type']).toMatch(PROBLEM);
  expect(res.body.status).toBe(res.status);
}

it('the document lists routes with ids and pages (the suites below follow it)', () => {
  expect(uuidRoutes.length).toBeGreaterThanOrEqual(2);
  expect(pagedRoutes.length).toBeGreaterThanOrEqual(1);
});

describe.each(named(uuidRoutes))('%s with a bad id', (_route, operation) => {
  it.each([
    '123',
    'not-a-uuid',
    `${randomUUID()}x`,
    randomUUID().slice(0, -1),
    '00000000-0000-0000-0000-00000000000g',
    "1' OR '1'='1",
    '%00',
    '%F0%9F%94%91',
  ])('%s: 400 problem', async (id) => {
    expectProblem(await call(operation, pathWith(operation, id)).send({}), 400);
  });

  it('a malformed escape (not UTF-8): 400 problem, the URL not echoed', async () => {
    const res = await call(operation, pathWith(operation, '%ED%A0%80')).send({});
    expectProblem(res, 400);
    expect(res.text).not.toContain('%ED');
  });

  it('a segment of 1000 characters: a 4xx problem', async () => {
    expectProblem(await call(operation, pathWith(operation, 'a'.repeat(1000))).send({}), /^4\d\d$/);
  });
});

describe('a trailing slash is the same route', () => {
  it.each(['/v1/orders', '/v1/users', '/v1/products'])(
    'GET %s with a trailing slash is the list itself',
    async (path) => {
      const asAdmin = (url: string): request.Test =>
        request(t.server)
          .get(url)
          .set(...bearer(admin.accessToken));
      const slashed = await asAdmin(`${path}/`);
      expect({ status: slashed.status, allow: slashed.headers.allow }).toEqual({
        status: 200,
        allow: undefined,
      });
      expect(Object.keys(slashed.body as object)).toEqual(
        Object.keys((await asAdmin(path)).body as object),
      );
    },
  );

  it.each(named(operations))(
    '%s with a trailing slash never answers 405 for its own method',
    async (_route, operation) => {
      // Anonymous: what is being checked is routing, and no request here may end a session.
      const url = `${pathWith(operation, randomUUID())}/`;
      const res = await requestTo(t.server, operation.method, url).send({});
      const allow = (res.headers.allow ?? '').split(/,\s*/);
      expect({ status: res.status, allow }).not.toEqual({
        status: 405,
        allow: expect.arrayContaining([operation.method.toUpperCase()]),
      });
    },
  );
});

describe.each(named(pagedRoutes))('%s pagination bounds', (_route, operation) => {
  const url = pathWith(operation, randomUUID());

  it.each(['1', '100'])('limit=%s: 200 with at most that many items', async (limit) => {
    const res = await call(operation, url).query({ limit }).expect(200);
    expect(res.body.data.length).toBeLessThanOrEqual(Number(limit));
    expect(res.body).toHaveProperty('nextCursor');
  });

  it.each(['0', '101', '-1', '1.5', 'abc', '', '99999999999999999999'])(
    'limit=%j: 400 problem',
    async (limit) => {
      expectProblem(await call(operation, `${url}?limit=${encodeURIComponent(limit)}`), 400);
    },
  );

  it('limit given twice: 400 problem', async () => {
    expectProblem(await call(operation, `${url}?limit=5&limit=6`), 400);
  });

  it.each([
    ['garbage', 'abc'],
    ['JSON that is not ours', Buffer.from('{"x":1}').toString('base64url')],
    [
      'a forged key',
      Buffer.from(JSON.stringify({ k: 'not a date', i: randomUUID() })).toString('base64url'),
    ],
    [
      'a forged number',
      Buffer.from(JSON.stringify({ k: '1e999', i: randomUUID() })).toString('base64url'),
    ],
  ])('cursor of %s: 400 problem, never a 500', async (_kind, cursor) => {
    expectProblem(await call(operation, url).query({ cursor }), 400);
  });
});

describe.each(named(queryRoutes))('%s query-string tricks', (_route, operation) => {
  const url = pathWith(operation, randomUUID());

  it.each([
    '__proto__[polluted]=1',
    'constructor[prototype][polluted]=1',
    '__proto__.polluted=1',
    'q[contains]=a',
    'q[not]=',
    'limit[gt]=0',
  ])('%s: 400 problem, nothing polluted', async (queryString) => {
    expectProblem(await call(operation, `${url}?${queryString}`), 400);
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

  it.each(tricky)('a name %j round-trips unchanged, in the API and in the table', async (name) => {
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
  });

  it.each(["' OR '1'='1", '%', '_', "%' OR 1=1 --"])(
    'a search for %j finds only users whose email or name contains it literally',
    async (q) => {
      const res = await request(t.server)
        .get('/v1/users')
        .query({ q, limit: '100' })
        .set(...bearer(admin.accessToken))
        .expect(200);
      for (const user of res.body.data as { email: string; name: string }[]) {
        expect(`${user.email} ${user.name}`.toLowerCase()).toContain(q.toLowerCase());
      }
    },
  );
});
