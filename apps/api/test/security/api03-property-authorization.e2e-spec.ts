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

/** Fields a client must never set (owner, role, money, state, bookkeeping) unless a route lists them. */
const PRIVILEGED_FIELDS: Record<string, unknown> = {
  id: randomUUID(),
  userId: randomUUID(),
  ownerId: randomUUID(),
  role: 'admin',
  isAdmin: true,
  disabled: false,
  mfaEnabled: false,
  emailVerified: true,
  emailVerifiedAt: '2000-01-01T00:00:00.000Z',
  passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$x$y',
  status: 'paid',
  totalCents: 1,
  unitPriceCents: 1,
  createdAt: '2000-01-01T00:00:00.000Z',
  updatedAt: '2000-01-01T00:00:00.000Z',
};
const USER_FIELDS = ['createdAt', 'email', 'emailVerified', 'id', 'mfaEnabled', 'name', 'role'];

/**
 * OWASP API3:2023 Broken Object Property Level Authorization: no mass assignment (a client sets
 * only the fields a route documents) and no excessive exposure (answers show only public fields).
 */
describe('API3 Broken Object Property Level Authorization', () => {
  let t: TestApp;
  let admin: Tokens;
  let operations: Operation[];

  beforeAll(async () => {
    t = await startTestApp();
    admin = await registerAdmin(t);
    operations = (await documentedOperations(t)).filter((o) => o.body !== undefined);
  });

  afterAll(async () => {
    await t.close();
  });

  it('every route with a body refuses each undocumented privileged field: 400 at #', async () => {
    expect(operations.length).toBeGreaterThanOrEqual(6);
    for (const operation of operations) {
      const documented = Object.keys(operation.body?.properties ?? {});
      for (const [field, value] of Object.entries(PRIVILEGED_FIELDS)) {
        if (documented.includes(field)) continue;
        const res = await requestTo(t.server, operation.method, fillPath(operation))
          .set(...bearer(admin.accessToken))
          .set('Idempotency-Key', randomUUID())
          .send({ ...sampleBody(operation.body!), [field]: value });
        const what = `${routeName(operation)} with ${field}`;
        expect({ what, status: res.status, type: res.headers['content-type'] }).toEqual({
          what,
          status: 400,
          type: expect.stringMatching(PROBLEM),
        });
        expect(JSON.stringify(res.body.errors)).toContain(field);
      }
    }
  });

  it('a self-registered account is a plain user whatever it sends', async () => {
    const tokens = await register(t.server);
    expect(tokens.user.role).toBe('user');
    const me = await request(t.server)
      .get('/v1/users/me')
      .set(...bearer(tokens.accessToken))
      .expect(200);
    expect(me.body.role).toBe('user');
  });

  it('every answer carrying a user shows exactly the public fields', async () => {
    const tokens = await register(t.server);
    const bodies: unknown[] = [
      tokens.user,
      (await login(t.server, tokens.user.email)).user,
      (
        await request(t.server)
          .get('/v1/users/me')
          .set(...bearer(tokens.accessToken))
      ).body,
      (
        await request(t.server)
          .get(`/v1/users/${tokens.user.id}`)
          .set(...bearer(admin.accessToken))
      ).body,
      ...((
        await request(t.server)
          .get('/v1/users?limit=5')
          .set(...bearer(admin.accessToken))
      ).body.data as unknown[]),
    ];
    for (const body of bodies) expect(Object.keys(body as object).sort()).toEqual(USER_FIELDS);
  });
});
