import { afterAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { bearer, registerAdmin } from '../support/identity.js';
import { startTestApp } from '../support/test-app.js';
import { OPERATOR_OBJECTS } from './support/json-schema-arbitrary.js';
import {
  type Operation,
  operationsOf,
  routeName,
  requestTo,
} from './support/openapi-operations.js';
import { fieldsOf, pointerOf, sampleBody, withValueAt } from './support/schema-fields.js';

/**
 * The classic hostile bodies, sent to every route of the OpenAPI document that takes a body,
 * as an admin (so authorization never hides what validation does).
 */
const PROBLEM = /^application\/problem\+json/;

/**
 * Passwords presented for checking are only length-bounded, never stored or echoed: odd
 * characters there answer like any wrong password, 401 (auth/dto/auth.schemas.ts).
 */
const PRESENTED_SECRETS = [
  'POST /v1/auth/login #/password',
  'POST /v1/users/me/password #/currentPassword',
  'DELETE /v1/users/me/mfa/totp #/password',
];

const t = await startTestApp();
const admin = await registerAdmin(t);
const operations = operationsOf((await request(t.server).get('/openapi.json').expect(200)).body);
const bodyRoutes = operations.filter((operation) => operation.body !== undefined);
const withBody = bodyRoutes.map((operation) => [routeName(operation), operation] as const);

afterAll(async () => {
  await t.close();
});

/** The route's URL with a well-formed id that names nothing. */
const urlOf = (operation: Operation): string =>
  operation.path.replaceAll(/\{[^}]+\}/g, () => randomUUID());

function sendRaw(
  operation: Operation,
  body: string,
  contentType = 'application/json',
): request.Test {
  return requestTo(t.server, operation.method, urlOf(operation))
    .set(...bearer(admin.accessToken))
    .set('Idempotency-Key', randomUUID())
    .set('Content-Type', contentType)
    .send(body);
}

function expectProblem(res: request.Response, status: number): void {
  expect({ status: res.status, contentType: res.headers['content-type'] }).toEqual({
    status,
    contentType: expect.stringMatching(PROBLEM),
  });
  expect(res.body.status).toBe(status);
}

/** A 400 that names the field (or the whole body) as the problem. */
function expectRejectedAt(res: request.Response, pointer: string): void {
  expectProblem(res, 400);
  const pointers = ((res.body.errors ?? []) as { pointer: string }[]).map((e) => e.pointer);
  expect({ pointer, pointers }).toEqual({ pointer, pointers: expect.arrayContaining([pointer]) });
}

it('the document lists routes with bodies (the suites below follow it)', () => {
  expect(bodyRoutes.length).toBeGreaterThanOrEqual(6);
});

describe.each(withBody)('%s', (_route, operation) => {
  const schema = operation.body!;
  const base = sampleBody(schema);
  const fields = fieldsOf(schema);
  const strings = fields.filter((f) => f.schema.type === 'string' && !f.schema.enum);
  const numbers = fields.filter((f) => f.schema.type === 'integer' || f.schema.type === 'number');

  it('refuses bodies that are too large (413), too deep (400), not JSON (415) or polluting (400)', async () => {
    // Every answer is collected and compared at once: a failure names each body answered wrongly.
    const seen: Record<string, { status: number; problem: boolean }> = {};
    const expected: Record<string, { status: number; problem: boolean }> = {};
    const refuse = async (what: string, status: number, res: Promise<request.Response>) => {
      const answer = await res;
      const problem =
        (answer.headers['content-type'] ?? '').startsWith('application/problem+json') &&
        answer.body.status === answer.status;
      seen[what] = { status: answer.status, problem };
      expected[what] = { status, problem: true };
    };
    await refuse(
      'over 100 KiB',
      413,
      sendRaw(operation, JSON.stringify({ pad: 'x'.repeat(101 * 1024) })),
    );
    await refuse(
      'nested arrays',
      400,
      sendRaw(operation, `${'['.repeat(10_000)}${']'.repeat(10_000)}`),
    );
    await refuse(
      'nested objects',
      400,
      sendRaw(operation, `${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}`),
    );
    for (const contentType of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/xml',
    ]) {
      await refuse(contentType, 415, sendRaw(operation, JSON.stringify(base), contentType));
    }
    for (const pollution of [
      '{"__proto__":{"polluted":true}}',
      '{"constructor":{"prototype":{"polluted":true}}}',
    ]) {
      const body = `${JSON.stringify(base).slice(0, -1)}${Object.keys(base).length > 0 ? ',' : ''}${pollution.slice(1)}`;
      await refuse(pollution, 400, sendRaw(operation, body));
    }
    expect(seen).toEqual(expected);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  if (strings.length > 0) {
    it('refuses NUL, lone surrogates and query-operator objects in each string field: 400 there', async () => {
      for (const field of strings) {
        const pointer = pointerOf(field.path);
        const secret = PRESENTED_SECRETS.includes(`${routeName(operation)} ${pointer}`);
        const unsafeText = secret ? [] : ['a\u0000b', 'a\uD800', '\uDC00b'];
        for (const hostile of [...unsafeText, ...OPERATOR_OBJECTS]) {
          expectRejectedAt(
            await sendRaw(operation, JSON.stringify(withValueAt(base, field.path, hostile))),
            pointer,
          );
        }
      }
    });
  }

  if (numbers.length > 0) {
    it('accepts each number field at its bounds and refuses it past them: 400 there', async () => {
      for (const field of numbers) {
        const pointer = pointerOf(field.path);
        const { minimum, maximum } = field.schema;
        for (const edge of [minimum, maximum].filter((n) => n !== undefined)) {
          const res = await sendRaw(operation, JSON.stringify(withValueAt(base, field.path, edge)));
          expect(res.status).toBeLessThan(500);
          const pointers = ((res.body.errors ?? []) as { pointer: string }[]).map((e) => e.pointer);
          expect({ edge, pointers }).toEqual({
            edge,
            pointers: expect.not.arrayContaining([pointer]),
          });
        }
        const past = [
          ...(minimum === undefined ? [] : [minimum - 1]),
          ...(maximum === undefined ? [] : [maximum + 1]),
          ...(field.schema.type === 'integer' ? [1.5] : []),
          1e308,
          -1e308,
          '1',
          null,
        ];
        for (const value of past) {
          expectRejectedAt(
            await sendRaw(operation, JSON.stringify(withValueAt(base, field.path, value))),
            pointer,
          );
        }
        // 1e400 is valid JSON that parses to Infinity.
        const infinite = JSON.stringify(withValueAt(base, field.path, 0)).replace(
          new RegExp(`("${String(field.path.at(-1))}":)0`),
          '$11e400',
        );
        expectProblem(await sendRaw(operation, infinite), 400);
      }
    });
  }
});

describe('operators where credentials are expected', () => {
  it('login refuses query-operator objects as the email: 400, never a sign-in', async () => {
    for (const email of OPERATOR_OBJECTS) {
      const res = await request(t.server)
        .post('/v1/auth/login')
        .send({ email, password: 'a quiet walk in the mist 42' });
      expectRejectedAt(res, '#/email');
    }
  });

  it('refresh refuses an operator as the token: 400', async () => {
    const res = await request(t.server)
      .post('/v1/auth/refresh')
      .send({ refreshToken: { not: '' } });
    expectRejectedAt(res, '#/refreshToken');
  });
});
