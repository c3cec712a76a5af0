import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { PASSWORD, newEmail } from '../support/identity.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { PROBLEM } from './support.js';

/**
 * OWASP API6:2023 Unrestricted Access to Sensitive Business Flows: sign-up and sign-in cannot be
 * automated at scale from one address. Covered elsewhere: per-account login limits
 * (brute-force.e2e-spec.ts), one order per Idempotency-Key (orders.e2e-spec.ts).
 */
describe('API6 Unrestricted Access to Sensitive Business Flows', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_AUTH_PER_MINUTE: '3', TRUST_PROXY: 'true' });
  });

  afterAll(async () => {
    await t.close();
  });

  it('mass account creation from one address is stopped: 429 with Retry-After', async () => {
    const from = '198.51.100.77';
    const signUp = (): request.Test =>
      request(t.server)
        .post('/v1/auth/register')
        .set('X-Forwarded-For', from)
        .send({ email: newEmail('bot'), password: PASSWORD });
    for (let i = 0; i < 3; i += 1) await signUp().expect(201);
    const limited = await signUp().expect(429);
    expect(limited.headers['content-type']).toMatch(PROBLEM);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Login and refresh share the budget: a bot cannot switch flows to go on.
    await request(t.server)
      .post('/v1/auth/login')
      .set('X-Forwarded-For', from)
      .send({ email: newEmail(), password: PASSWORD })
      .expect(429);
    await request(t.server)
      .post('/v1/auth/refresh')
      .set('X-Forwarded-For', from)
      .send({ refreshToken: 'x'.repeat(43) })
      .expect(429);
  });
});
