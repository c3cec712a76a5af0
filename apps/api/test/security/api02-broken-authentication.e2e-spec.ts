import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Ed25519Jwk } from '@libs/config';
import { createPrivateKey, sign } from 'node:crypto';
import request from 'supertest';
import {
  PASSWORD,
  bearer,
  decodeJwt,
  forge,
  newEmail,
  newSigningKey,
  register,
  registerAdmin,
  type Tokens,
} from '../support/identity.js';
import { MailPipeline } from '../support/mail-pipeline.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { totpCode } from '../support/totp.js';
import { formatApiKey } from '../../src/api-keys/api-key-format.js';
import { ManualClock } from '@libs/testing/fakes';

/**
 * OWASP API2:2023 Broken Authentication. Covered elsewhere, not repeated here:
 * - forged access tokens (alg none, HS256 with the public key, unknown kid, expired, wrong
 *   iss/aud/typ, tampered payload, jwk/jku headers, foreign key): access-tokens.e2e-spec.ts;
 * - refresh token rotation and reuse detection, logout: auth.e2e-spec.ts;
 * - brute force on one account: brute-force.e2e-spec.ts, rate-limit.e2e-spec.ts (and on one
 *   account's TOTP codes: brute-force.e2e-spec.ts);
 * - TOTP windows, replay, token expiry and attempt limits in detail: mfa.service.spec.ts.
 */
describe('API2 Broken Authentication', () => {
  let t: TestApp;
  let key: Ed25519Jwk;
  let tokens: Tokens;
  let claims: Record<string, unknown>;

  beforeAll(async () => {
    key = await newSigningKey('active');
    t = await startTestApp({ JWT_SIGNING_KEYS: JSON.stringify([key]) });
    tokens = await register(t.server);
    claims = decodeJwt(tokens.accessToken).claims;
  });

  afterAll(async () => {
    await t.close();
  });

  const me = (token: string): request.Test =>
    request(t.server)
      .get('/v1/users/me')
      .set(...bearer(token));

  describe('guessable passwords are refused at sign-up and on change: 400 weak-password', () => {
    const email = (): string => newEmail('grace.hopper');
    // Each pattern is unit-tested (password-policy.spec.ts); here, sign-up applies the policy.
    it('predictable variants of common passwords', async () => {
      for (const password of ['password1234567', 'P@ssw0rd2024!', '1qaz2wsx3edc4rfv']) {
        const res = await request(t.server)
          .post('/v1/auth/register')
          .send({ email: email(), password })
          .expect(400);
        expect({ password, body: res.body as unknown }).toMatchObject({
          password,
          body: {
            type: '/problems/weak-password',
            detail: expect.stringMatching(/^This password is too easy to guess\./),
            errors: [{ pointer: '#/password', detail: expect.any(String) }],
          },
        });
      }
    });

    it('one built from the email’s name', async () => {
      const address = email();
      const local = address.split('@', 1)[0] ?? '';
      for (const password of [`${local}2024`, 'gracehopper1906!', 'Hopper.Grace.1906']) {
        const res = await request(t.server)
          .post('/v1/auth/register')
          .send({ email: address, password })
          .expect(400);
        expect(res.body.type).toBe('/problems/weak-password');
      }
    });

    it('as a new password too', async () => {
      const res = await request(t.server)
        .post('/v1/users/me/password')
        .set(...bearer(tokens.accessToken))
        .send({ currentPassword: PASSWORD, newPassword: 'password1234567' })
        .expect(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ pointer: '#/newPassword' })]);
    });
  });

  describe('more forged tokens: 401', () => {
    const now = (): number => Math.floor(Date.now() / 1000);
    // Each forgery is unit-tested (access-token.service.spec.ts); here, the route's answer.
    it('forged headers and claims (kid tricks, x5u, no exp, nbf ahead)', async () => {
      const forged: [Record<string, unknown>, Record<string, unknown>][] = [
        [{ kid: '../../../../dev/null' }, {}],
        [{ x5u: 'https://evil.example/cert.pem' }, {}],
        [{}, { exp: undefined }],
        [{}, { nbf: now() + 600 }],
      ];
      for (const [header, overrides] of forged) {
        const res = await me(await forge(key, header, { ...claims, ...overrides }));
        expect({
          header,
          overrides,
          status: res.status,
          challenge: res.headers['www-authenticate'],
        }).toEqual({
          header,
          overrides,
          status: 401,
          challenge: expect.stringMatching(/^Bearer /),
        });
      }
    });

    it('an unknown critical header (RFC 7515 §4.1.11 says: refuse)', async () => {
      // jose will not even sign this, so it is put together by hand.
      const encode = (part: object): string =>
        Buffer.from(JSON.stringify(part)).toString('base64url');
      const header = encode({
        alg: 'EdDSA',
        typ: 'at+jwt',
        kid: key.kid,
        crit: ['x-evil'],
        'x-evil': 1,
      });
      const input = `${header}.${encode(claims)}`;
      const privateKey = createPrivateKey({ key: { ...key }, format: 'jwk' });
      const signature = sign(null, Buffer.from(input), privateKey).toString('base64url');
      await me(`${input}.${signature}`).expect(401);
    });

    it('a token far too large: 4xx, not 5xx', async () => {
      const res = await me(`${tokens.accessToken}${'A'.repeat(20_000)}`);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
    });

    it('a token of a disabled account: 401 at once', async () => {
      const t2 = await registerAdmin(t);
      const victim = await register(t.server);
      await me(victim.accessToken).expect(200);
      await request(t.server)
        .patch(`/v1/users/${victim.user.id}`)
        .set(...bearer(t2.accessToken))
        .send({ disabled: true })
        .expect(200);
      await me(victim.accessToken).expect(401);
      await request(t.server)
        .post('/v1/auth/refresh')
        .send({ refreshToken: victim.refreshToken })
        .expect(401);
    });
  });

  describe('API keys: 401', () => {
    it('refuses a revoked key, a made-up key with a right checksum, and a truncated one', async () => {
      const created = await request(t.server)
        .post('/v1/users/me/api-keys')
        .set(...bearer(tokens.accessToken))
        .send({ name: 'ci', scopes: ['users:read'] })
        .expect(201);
      const { id, key: apiKey } = created.body as { id: string; key: string };
      await me(apiKey).expect(200);
      await request(t.server)
        .delete(`/v1/users/me/api-keys/${id}`)
        .set(...bearer(tokens.accessToken))
        .expect(204);
      // Same id, another secret, a valid checksum: the secret is what authenticates.
      const madeUp = formatApiKey(id);
      for (const refused of [apiKey, madeUp, apiKey.slice(0, -1)]) {
        const res = await me(refused).expect(401);
        expect(res.headers['www-authenticate']).toMatch(/error="invalid_token"/);
      }
    });
  });

  describe('MFA bypass attempts: 401', () => {
    // Its own app on a fixed clock: codes are computed for exactly the server's time step.
    const clock = new ManualClock(new Date('2026-04-01T08:00:02.000Z'));
    let m: TestApp;

    beforeAll(async () => {
      m = await startTestApp({}, [], { clock });
    });

    afterAll(async () => {
      await m.close();
    });

    /** A user with TOTP on; the clock is left past the confirmation's time step. */
    const withTotp = async (): Promise<Tokens & { secret: string; recoveryCodes: string[] }> => {
      const tokens = await register(m.server);
      const { secret } = (
        await request(m.server)
          .post('/v1/users/me/mfa/totp')
          .set(...bearer(tokens.accessToken))
          .expect(201)
      ).body as { secret: string };
      const confirmed = await request(m.server)
        .post('/v1/users/me/mfa/totp/confirm')
        .set(...bearer(tokens.accessToken))
        .send({ code: totpCode(secret, clock.now()) })
        .expect(200);
      clock.advance(30_000);
      return { ...tokens, secret, ...(confirmed.body as { recoveryCodes: string[] }) };
    };
    const mfaTokenOf = async (email: string): Promise<string> => {
      const res = await request(m.server)
        .post('/v1/auth/login')
        .send({ email, password: PASSWORD })
        .expect(200);
      expect(res.body).not.toHaveProperty('accessToken');
      return (res.body as { mfaToken: string }).mfaToken;
    };
    const verify = (body: object): request.Test =>
      request(m.server).post('/v1/auth/mfa/verify').send(body);
    const compact = (id: string): string => id.replaceAll('-', '');

    it('an mfaToken is no bearer token and no refresh token', async () => {
      const { user } = await withTotp();
      const mfaToken = await mfaTokenOf(user.email);
      const asBearer = await request(m.server)
        .get('/v1/users/me')
        .set(...bearer(mfaToken))
        .expect(401);
      expect(asBearer.headers['www-authenticate']).toMatch(/error="invalid_token"/);
      await request(m.server)
        .post('/v1/auth/refresh')
        .send({ refreshToken: mfaToken })
        .expect(401)
        .expect((res) => expect(res.body.type).toBe('/problems/invalid-refresh-token'));
    });

    it('a right code without the password step: a made-up mfaToken for the account', async () => {
      const victim = await withTotp();
      const code = totpCode(victim.secret, clock.now());
      for (const mfaToken of [
        `mfa_${compact(victim.user.id)}_${'A'.repeat(43)}`,
        `mfa_${compact(victim.user.id)}_`,
        victim.accessToken,
        victim.refreshToken,
      ]) {
        const res = await verify({ mfaToken, code }).expect(401);
        expect(res.body.type).toBe('/problems/invalid-mfa-token');
      }
      // The code was never accepted: the victim still signs in with it.
      await verify({ mfaToken: await mfaTokenOf(victim.user.email), code }).expect(200);
    });

    it('a recovery code used again', async () => {
      const { user, recoveryCodes } = await withTotp();
      const [recoveryCode = ''] = recoveryCodes;
      await verify({ mfaToken: await mfaTokenOf(user.email), recoveryCode }).expect(200);
      const res = await verify({ mfaToken: await mfaTokenOf(user.email), recoveryCode }).expect(
        401,
      );
      expect(res.body.type).toBe('/problems/invalid-mfa-code');
    });

    it('the mfaToken of another login, with the victim’s code or re-addressed to the victim', async () => {
      const attacker = await withTotp();
      const victim = await withTotp();
      const victimCode = totpCode(victim.secret, clock.now());
      const own = await mfaTokenOf(attacker.user.email);
      await verify({ mfaToken: own, code: victimCode })
        .expect(401)
        .expect((res) => expect(res.body.type).toBe('/problems/invalid-mfa-code'));
      const readdressed = (await mfaTokenOf(attacker.user.email)).replace(
        compact(attacker.user.id),
        compact(victim.user.id),
      );
      await verify({ mfaToken: readdressed, code: victimCode })
        .expect(401)
        .expect((res) => expect(res.body.type).toBe('/problems/invalid-mfa-token'));
      // A spent token does not sign in again, even with a new code.
      const spent = await mfaTokenOf(victim.user.email);
      await verify({ mfaToken: spent, code: victimCode }).expect(200);
      clock.advance(30_000);
      await verify({ mfaToken: spent, code: totpCode(victim.secret, clock.now()) })
        .expect(401)
        .expect((res) => expect(res.body.type).toBe('/problems/invalid-mfa-token'));
    });

    it('an expired mfaToken', async () => {
      const { user, secret } = await withTotp();
      const mfaToken = await mfaTokenOf(user.email);
      clock.advance(5 * 60_000);
      await verify({ mfaToken, code: totpCode(secret, clock.now()) })
        .expect(401)
        .expect((res) => expect(res.body.type).toBe('/problems/invalid-mfa-token'));
    });
  });

  describe('account enumeration', () => {
    const attempt = (email: string, password: string): request.Test =>
      request(t.server).post('/v1/auth/login').send({ email, password });

    it('answers an unknown email exactly like a wrong password', async () => {
      const { user } = await register(t.server);
      const wrong = await attempt(user.email, 'not the password at all');
      const unknown = await attempt(newEmail('nobody'), 'not the password at all');
      expect([wrong.status, unknown.status]).toEqual([401, 401]);
      const { instance: _a, ...wrongBody } = wrong.body as Record<string, unknown>;
      const { instance: _b, ...unknownBody } = unknown.body as Record<string, unknown>;
      expect(unknownBody).toEqual(wrongBody);
      expect(unknown.headers['www-authenticate']).toBe(wrong.headers['www-authenticate']);
    });

    it('takes as long for an unknown email as for a wrong password (medians, generous bound)', async () => {
      const { user } = await register(t.server);
      const median = (values: number[]): number =>
        values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
      const time = async (email: string): Promise<number> => {
        const started = performance.now();
        await attempt(email, 'not the password at all').expect(401);
        return performance.now() - started;
      };
      const known: number[] = [];
      const unknown: number[] = [];
      // Interleaved, so drift in machine load hits both sides alike.
      for (let i = 0; i < 9; i += 1) {
        known.push(await time(user.email));
        unknown.push(await time(newEmail('nobody')));
      }
      // A password hash costs tens of ms; skipping it for unknown emails would be ~20x faster.
      const ratio = median(unknown) / median(known);
      expect(ratio).toBeGreaterThan(0.5);
      expect(ratio).toBeLessThan(2);
    });
  });

  it('does not let a password in a different case or with spaces sign in', async () => {
    const email = newEmail();
    await register(t.server, { email });
    for (const password of [PASSWORD.toUpperCase(), ` ${PASSWORD}`, `${PASSWORD} `]) {
      await request(t.server).post('/v1/auth/login').send({ email, password }).expect(401);
    }
  });

  describe('mailed account tokens (verification, reset)', () => {
    // Its own app, as the MFA suite above has: nothing another suite did to its app carries over.
    let a: TestApp;
    let mail: MailPipeline;

    beforeAll(async () => {
      mail = await MailPipeline.start();
      a = await startTestApp();
    });

    afterAll(async () => {
      await a.close();
      await mail.stop();
    });

    const me = (token: string): request.Test =>
      request(a.server)
        .get('/v1/users/me')
        .set(...bearer(token));

    const resetToken = async (email: string): Promise<string> => {
      await request(a.server).post('/v1/auth/password/forgot').send({ email }).expect(202);
      return mail.token(email, 'Reset your password');
    };
    const reset = (token: string): request.Test =>
      request(a.server)
        .post('/v1/auth/password/reset')
        .send({ token, password: 'violet submarine orchestra 42' });

    it('a reset or verification token is no bearer credential: 401', async () => {
      const { user } = await register(a.server);
      const verification = await mail.token(user.email, 'Confirm your email address');
      await me(verification).expect(401);
      await me(await resetToken(user.email)).expect(401);
    });

    it('a token of one purpose does nothing for the other, nor does a refresh token: 400', async () => {
      const ada = await register(a.server);
      const verification = await mail.token(ada.user.email, 'Confirm your email address');
      const res = await reset(verification).expect(400);
      expect(res.body).toMatchObject({ type: '/problems/invalid-account-token' });
      await reset(ada.refreshToken).expect(400);
      await request(a.server)
        .post('/v1/auth/email/verify')
        .send({ token: await resetToken(ada.user.email) })
        .expect(400);
      await me(ada.accessToken).expect(200);
    });

    it('a reset token works once, and ends the sessions of whoever held the old password', async () => {
      const ada = await register(a.server);
      const token = await resetToken(ada.user.email);
      await reset(token).expect(204);
      await reset(token).expect(400);
      await me(ada.accessToken).expect(401);
    });

    it('a new reset mail makes the token of the earlier one useless', async () => {
      const { user } = await register(a.server);
      const first = await resetToken(user.email);
      await request(a.server)
        .post('/v1/auth/password/forgot')
        .send({ email: user.email })
        .expect(202);
      const second = await mail.token(user.email, 'Reset your password', 2);
      await reset(first).expect(400);
      await reset(second).expect(204);
    });

    it('a made-up token of the right shape is refused like a spent one', async () => {
      const res = await reset('A'.repeat(43)).expect(400);
      expect(res.body).toMatchObject({ type: '/problems/invalid-account-token' });
    });

    it('resending a verification mail needs a session; an API key is refused', async () => {
      await request(a.server).post('/v1/auth/email/resend').expect(401);
      const ada = await register(a.server);
      const created = await request(a.server)
        .post('/v1/users/me/api-keys')
        .set(...bearer(ada.accessToken))
        .send({ name: 'ci', scopes: ['orders:read'] })
        .expect(201);
      await request(a.server)
        .post('/v1/auth/email/resend')
        .set(...bearer((created.body as { key: string }).key))
        .expect(403);
    });

    it('forgot-password takes as long for an unknown email as for a known one (medians, generous bound)', async () => {
      const { user } = await register(a.server);
      const median = (values: number[]): number =>
        values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
      const time = async (email: string): Promise<number> => {
        const started = performance.now();
        await request(a.server).post('/v1/auth/password/forgot').send({ email }).expect(202);
        return performance.now() - started;
      };
      const known: number[] = [];
      const unknown: number[] = [];
      for (let i = 0; i < 9; i += 1) {
        known.push(await time(user.email));
        unknown.push(await time(newEmail('nobody')));
      }
      // The same work either way: one outbox row; the account is looked up by the worker.
      const ratio = median(unknown) / median(known);
      expect(ratio).toBeGreaterThan(0.5);
      expect(ratio).toBeLessThan(2);
    });
  });
});
