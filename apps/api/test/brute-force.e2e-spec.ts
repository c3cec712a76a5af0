import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { PASSWORD, login, newEmail, register } from './support/identity.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('brute force on login', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({
      RATE_LIMIT_ACCOUNT_PER_MINUTE: '3',
      RATE_LIMIT_AUTH_PER_MINUTE: '50',
    });
  });

  afterAll(async () => {
    await t.close();
  });

  it('answers 429 with Retry-After once an account is hammered, without locking out another', async () => {
    const victim = newEmail('victim');
    const bystander = newEmail('bystander');
    await register(t.server, { email: victim });
    await register(t.server, { email: bystander });

    const guesses = [];
    for (let i = 0; i < 4; i++) {
      guesses.push(
        await request(t.server)
          .post('/v1/auth/login')
          .send({ email: victim, password: `guess number ${i}` }),
      );
    }
    // The first registration attempt counted for this account too.
    expect(guesses.map((res) => res.status)).toEqual([401, 401, 429, 429]);
    const limited = guesses[3]!;
    expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.headers['ratelimit-limit']).toBe('3');
    expect(limited.body).toMatchObject({ status: 429, title: 'Too Many Requests' });

    // Even the right password waits now; another account from the same address does not.
    await request(t.server)
      .post('/v1/auth/login')
      .send({ email: victim, password: PASSWORD })
      .expect(429);
    await login(t.server, bystander);
  });
});
