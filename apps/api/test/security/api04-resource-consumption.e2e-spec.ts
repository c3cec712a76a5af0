import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import {
  type Operation,
  fillPath,
  requestTo,
  routeName,
} from '../hostile-input/support/openapi-operations.js';
import {
  fieldsOf,
  pointerOf,
  sampleBody,
  withValueAt,
} from '../hostile-input/support/schema-fields.js';
import { bearer, newEmail, registerAdmin, type Tokens } from '../support/identity.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { PROBLEM, documentedOperations } from './support.js';

/**
 * OWASP API4:2023 Unrestricted Resource Consumption: every string and array a client sends is
 * bounded, and so is the work it can cause. Covered elsewhere: body size (413) and page bounds
 * in hostile-input/*.e2e-spec.ts; request rates in rate-limit.e2e-spec.ts.
 */
describe('API4 Unrestricted Resource Consumption', () => {
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

  it('every string and array in every body is bounded: one past the bound is a 400 there', async () => {
    let checked = 0;
    for (const operation of operations) {
      const base = sampleBody(operation.body!);
      const bounded = [
        ...fieldsOf(operation.body!).filter((f) => f.schema.maxLength !== undefined),
        ...Object.entries(operation.body!.properties ?? {})
          .filter(([, schema]) => schema.maxItems !== undefined)
          .map(([key, schema]) => ({ path: [key], schema })),
      ];
      for (const { path, schema } of bounded) {
        const tooMuch =
          schema.maxItems !== undefined
            ? Array.from(
                { length: schema.maxItems + 1 },
                () => (base[path[0] as string] as unknown[])[0],
              )
            : 'x'.repeat(schema.maxLength! + 1);
        const res = await requestTo(t.server, operation.method, fillPath(operation))
          .set(...bearer(admin.accessToken))
          .set('Idempotency-Key', randomUUID())
          .send(withValueAt(base, path, tooMuch));
        const what = `${routeName(operation)} ${pointerOf(path)}`;
        expect({ what, status: res.status }).toEqual({ what, status: 400 });
        expect(res.headers['content-type']).toMatch(PROBLEM);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(10);
  });

  it('caps password hashing work: a presented password over 1024 characters is refused unhashed', async () => {
    await request(t.server)
      .post('/v1/auth/login')
      .send({ email: newEmail(), password: 'x'.repeat(1025) })
      .expect(400);
  });

  it('refuses oversized headers: 431, not a crash', async () => {
    const res = await request(t.server).get('/health/live').set('X-Filler', 'x'.repeat(20_000));
    expect(res.status).toBe(431);
  });

  it('bounds every page: the largest page is 100 items', async () => {
    const res = await request(t.server)
      .get('/v1/users?limit=100')
      .set(...bearer(admin.accessToken))
      .expect(200);
    expect(res.body.data.length).toBeLessThanOrEqual(100);
    await request(t.server)
      .get('/v1/users?limit=1000')
      .set(...bearer(admin.accessToken))
      .expect(400);
  });

  describe('mail cannot be sent in bulk', () => {
    let limited: TestApp;

    beforeAll(async () => {
      limited = await startTestApp({
        RATE_LIMIT_AUTH_PER_MINUTE: '6',
        RATE_LIMIT_ACCOUNT_PER_MINUTE: '2',
      });
    });

    afterAll(async () => {
      await limited.close();
    });

    const forgot = (email: string): request.Test =>
      request(limited.server).post('/v1/auth/password/forgot').send({ email });

    it('forgot-password is limited per address and per account: 429 rate-limited', async () => {
      const email = newEmail('flooded');
      await forgot(email).expect(202);
      await forgot(email.toUpperCase()).expect(202);
      const perAccount = await forgot(email).expect(429);
      expect(perAccount.body).toMatchObject({ type: '/problems/rate-limited' });
      expect(perAccount.headers['retry-after']).toMatch(/^\d+$/);
      // Other addresses from this client: the address limit (6 across credential routes) stops them.
      for (let i = 0; i < 3; i += 1) await forgot(newEmail('other')).expect(202);
      const perAddress = await forgot(newEmail('other')).expect(429);
      expect(perAddress.body).toMatchObject({ type: '/problems/rate-limited' });
    });
  });
});
