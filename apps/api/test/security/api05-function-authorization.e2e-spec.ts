import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import {
  type Operation,
  fillPath,
  requestTo,
  routeName,
} from '../hostile-input/support/openapi-operations.js';
import { sampleBody } from '../hostile-input/support/schema-fields.js';
import { bearer, login, register, registerAdmin, type Tokens } from '../support/identity.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { PROBLEM, documentedOperations } from './support.js';

/**
 * The admin functions of docs/api.md. Any other documented route that refuses a plain user with 403
 * fails the test below: making a route admin-only (or not) is a decision, so it is listed here.
 */
const ADMIN_ROUTES = [
  'GET /v1/users',
  'GET /v1/users/{id}',
  'PATCH /v1/users/{id}',
  'GET /v1/users/{id}/api-keys',
  'DELETE /v1/users/{id}/api-keys/{keyId}',
  'DELETE /v1/users/{id}/mfa',
  'POST /v1/products',
  'PATCH /v1/products/{id}',
  'DELETE /v1/products/{id}',
  'PATCH /v1/orders/{id}',
  'GET /v1/admin/audit-events',
];

/** OWASP API5:2023 Broken Function Level Authorization. */
describe('API5 Broken Function Level Authorization', () => {
  let t: TestApp;
  let user: Tokens;
  let admin: Tokens;
  let secured: Operation[];

  beforeAll(async () => {
    t = await startTestApp();
    [user, admin] = await Promise.all([register(t.server), registerAdmin(t)]);
    secured = (await documentedOperations(t)).filter((o) => o.secured);
  });

  afterAll(async () => {
    await t.close();
  });

  const call = (operation: Operation, tokens: Tokens): request.Test => {
    const req = requestTo(t.server, operation.method, fillPath(operation))
      .set(...bearer(tokens.accessToken))
      .set('Idempotency-Key', randomUUID());
    return operation.body ? req.send(sampleBody(operation.body)) : req;
  };

  it('refuses a plain user on exactly the admin routes: 403 problem, checked before anything else', async () => {
    const refused: string[] = [];
    for (const operation of secured) {
      // A fresh session each time: some of these routes end the caller's session (logout).
      const res = await call(operation, await login(t.server, user.user.email));
      if (res.status === 403) {
        expect(res.headers['content-type']).toMatch(PROBLEM);
        refused.push(routeName(operation));
      }
    }
    const documented = secured.map(routeName);
    expect(refused.sort()).toEqual(ADMIN_ROUTES.filter((r) => documented.includes(r)).sort());
  });

  it('lets an admin through to the function on every admin route', async () => {
    for (const operation of secured.filter((o) => ADMIN_ROUTES.includes(routeName(o)))) {
      const res = await call(operation, admin);
      const route = routeName(operation);
      expect({ route, refused: [401, 403].includes(res.status) }).toEqual({
        route,
        refused: false,
      });
    }
  });

  it("a forged 'admin' role claim does not open admin routes (the role is read live)", async () => {
    // See access-tokens.e2e-spec.ts: a validly signed token saying role=admin still gets 403.
    await request(t.server)
      .get('/v1/users')
      .set(...bearer((await login(t.server, user.user.email)).accessToken))
      .expect(403);
  });

  it('a key cannot escalate: no scope beyond its owner’s role, no route beyond its scopes', async () => {
    await request(t.server)
      .post('/v1/users/me/api-keys')
      .set(...bearer(user.accessToken))
      .send({ name: 'escalate', scopes: ['products:write'] })
      .expect(403);
    const created = await request(t.server)
      .post('/v1/users/me/api-keys')
      .set(...bearer(user.accessToken))
      .send({ name: 'reader', scopes: ['orders:read'] })
      .expect(201);
    const { key } = created.body as { key: string };
    for (const call of [
      request(t.server).post('/v1/orders').send({ items: [] }),
      request(t.server)
        .post('/v1/users/me/api-keys')
        .send({ name: 'x', scopes: ['orders:read'] }),
      request(t.server).get('/v1/users'),
    ]) {
      const res = await call.set(...bearer(key));
      expect(res.status).toBe(403);
      expect(res.headers['content-type']).toMatch(PROBLEM);
    }
  });
});
