import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { ManualClock } from '@libs/testing/fakes';
import { PASSWORD, bearer, login, newEmail, register } from './support/identity.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { totpCode } from './support/totp.js';

describe('brute force on login', () => {
  let t: TestApp;
  // Fixed for TOTP codes; rate-limit windows keep real time.
  const clock = new ManualClock(new Date('2026-05-04T12:00:02.000Z'));

  beforeAll(async () => {
    t = await startTestApp(
      {
        RATE_LIMIT_ACCOUNT_PER_MINUTE: '3',
        RATE_LIMIT_AUTH_PER_MINUTE: '50',
      },
      [],
      { clock },
    );
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

  it('counts guesses at one account’s TOTP codes across all its mfaTokens, per account', async () => {
    /** Registers (1 hit on the email's counter) and turns TOTP on; returns what signs in. */
    const withTotp = async (): Promise<{ email: string; secret: string }> => {
      const email = newEmail('mfa');
      const { accessToken } = await register(t.server, { email });
      const { secret } = (
        await request(t.server)
          .post('/v1/users/me/mfa/totp')
          .set(...bearer(accessToken))
          .expect(201)
      ).body as { secret: string };
      await request(t.server)
        .post('/v1/users/me/mfa/totp/confirm')
        .set(...bearer(accessToken))
        .send({ code: totpCode(secret, clock.now()) })
        .expect(200);
      return { email, secret };
    };
    const mfaTokenOf = async (email: string): Promise<string> =>
      (
        (
          await request(t.server)
            .post('/v1/auth/login')
            .send({ email, password: PASSWORD })
            .expect(200)
        ).body as { mfaToken: string }
      ).mfaToken;
    const verify = (mfaToken: string, code: string): request.Test =>
      request(t.server).post('/v1/auth/mfa/verify').send({ mfaToken, code });

    const victim = await withTotp();
    const bystander = await withTotp();
    clock.advance(30_000);
    // Two sign-ins (the email's counter: 3 with the registration), so two tokens to guess with.
    const tokens = [await mfaTokenOf(victim.email), await mfaTokenOf(victim.email)];
    const guesses = [];
    for (const [i, code] of ['000000', '111111', '222222', '333333'].entries()) {
      guesses.push(await verify(tokens[i % 2] ?? '', code));
    }
    expect(guesses.map((res) => res.status)).toEqual([401, 401, 401, 429]);
    expect(guesses[3]?.body).toMatchObject({
      status: 429,
      detail: expect.stringContaining('for this account'),
    });
    // The right code waits too; another account's second step does not.
    await verify(tokens[0] ?? '', totpCode(victim.secret, clock.now())).expect(429);
    await verify(await mfaTokenOf(bystander.email), totpCode(bystander.secret, clock.now())).expect(
      200,
    );
  });
});
