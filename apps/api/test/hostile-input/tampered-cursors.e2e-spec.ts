import { afterAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { createProduct } from '../support/catalog.js';
import { bearer, registerAdmin } from '../support/identity.js';
import { startTestApp } from '../support/test-app.js';
import { operationsOf, routeName } from './support/openapi-operations.js';

/**
 * A cursor is opaque to clients but not trusted: on every paged route, whatever a client puts in
 * it (too long, NUL, not base64, forged JSON, a key the listing's SQL cannot compare) is a 400
 * problem pointing at `cursor`, and never reaches a decoder unbounded or a query as a failing cast.
 */
const PROBLEM = 'application/problem+json';
/** Longer than any cursor the API issues. */
const TOO_LONG = 2_600;

const t = await startTestApp();
const admin = await registerAdmin(t);
const operations = operationsOf((await request(t.server).get('/openapi.json').expect(200)).body);
const pagedRoutes = operations
  .filter((o) => o.method === 'get' && o.parameters.some((p) => p.name === 'cursor'))
  .map((o) => [routeName(o), o.path] as const);

afterAll(async () => {
  await t.close();
});

const forged = (payload: unknown): string =>
  Buffer.from(JSON.stringify(payload)).toString('base64url');
const withKey = (k: string): string => forged({ k, i: randomUUID() });

/**
 * Sends each cursor and compares all answers in one assertion, keyed by the kind of tampering:
 * a failure names every kind answered wrongly. Each must be a 400 problem pointing at `cursor`.
 */
async function expectCursorsRefused(
  path: string,
  cursors: readonly (readonly [kind: string, cursor: string])[],
  extra: (kind: string) => Record<string, string> = () => ({}),
): Promise<void> {
  const seen: Record<string, unknown> = {};
  for (const [kind, cursor] of cursors) {
    const res = await request(t.server)
      .get(path)
      .query({ ...extra(kind), cursor })
      .set(...bearer(admin.accessToken));
    const pointers = ((res.body.errors ?? []) as { pointer: string }[]).map((e) => e.pointer);
    seen[kind] = {
      status: res.status,
      problem: (res.headers['content-type'] ?? '').startsWith(PROBLEM),
      pointers,
    };
  }
  const refused = { status: 400, problem: true, pointers: ['#/cursor'] };
  expect(seen).toEqual(Object.fromEntries(cursors.map(([kind]) => [kind, refused])));
}

it('finds the paged routes in the document', () => {
  expect(pagedRoutes.map(([name]) => name)).toEqual(
    expect.arrayContaining(['GET /v1/products', 'GET /v1/orders', 'GET /v1/users']),
  );
});

/** The unit layer decides each of these (cursor.spec.ts, the schemas' specs); here every route proves it asks. */
const TAMPERED: readonly (readonly [string, string])[] = [
  ['1,201 characters', 'a'.repeat(1_201)],
  ['longer than any cursor issued', 'a'.repeat(TOO_LONG)],
  ['a NUL byte', 'a\u0000b'],
  ['a NUL byte inside a real-looking cursor', `${withKey('2026-01-01T00:00:00.000Z')}\u0000`],
  ['characters outside base64url', 'abc+/=='],
  ['JSON that is not a cursor', forged({ x: 1 })],
  ['a JSON array', forged([1, 2])],
  ['a key of the wrong type', forged({ k: 7, i: randomUUID() })],
  ['an id that is no UUID', forged({ k: '2026-01-01T00:00:00.000Z', i: "1' OR '1'='1" })],
  ['a key with NUL', withKey('2026-01-01T00:00:00.000Z\u0000')],
  ['a key that is no timestamp', withKey('not a date')],
  ['year 0 (valid in JavaScript, not in PostgreSQL)', withKey('0000-01-01T00:00:00.000Z')],
  ['a year past 9999', withKey('+275760-09-13T00:00:00.000Z')],
  ['30 February', withKey('2026-02-30T00:00:00.000Z')],
  ['an overlong key', withKey('x'.repeat(301))],
];

describe.each(pagedRoutes)('%s', (_name, path) => {
  it('refuses a tampered cursor of every kind: 400 at #/cursor', async () => {
    await expectCursorsRefused(path, TAMPERED);
  });
});

describe('GET /v1/products: the sort value a cursor carries must fit its column', () => {
  // Each sort's rule is a unit test of listProductsQuery; here: the route applies it.
  it('refuses a cursor whose key does not fit the sort: 400 at #/cursor', async () => {
    const cases = [
      ['priceCents', 'priceCents:abc'],
      ['-createdAt', 'createdAt:2026-01-01T00:00:00.000Z'],
    ] as const;
    await expectCursorsRefused(
      '/v1/products',
      cases.map(([sort, key]) => [`sort=${sort} ${key}`, withKey(key)] as const),
      (kind) => ({ sort: kind.slice('sort='.length, kind.indexOf(' ')) }),
    );
  });

  it('under every sort, the cursor of a page continues the listing', async () => {
    for (const sort of ['name', '-name', 'priceCents', '-priceCents', 'createdAt', '-createdAt']) {
      for (const priceCents of [100, 200, 300]) {
        await createProduct(t.server, admin.accessToken, { name: `Cursor ${sort}`, priceCents });
      }
      const first = await request(t.server)
        .get('/v1/products')
        .query({ sort, limit: '2' })
        .expect(200);
      expect(first.body.nextCursor).toEqual(expect.any(String));
      const next = await request(t.server)
        .get('/v1/products')
        .query({ sort, limit: '2', cursor: first.body.nextCursor as string })
        .expect(200);
      expect(next.body.data.length).toBeGreaterThan(0);
    }
  });
});
