import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { PASSWORD, bearer, decodeJwt, login, newEmail, register } from './support/identity.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const PROBLEM = /^application\/problem\+json/;

describe('identity: register, login, refresh, logout', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  describe('POST /v1/auth/register', () => {
    it('creates the account and answers 201 TokenResponse, without secrets in the user', async () => {
      const email = newEmail();
      const res = await request(t.server)
        .post('/v1/auth/register')
        .send({ email: `  ${email.toUpperCase()} `, password: PASSWORD, name: 'Ada' })
        .expect(201);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.body).toEqual({
        tokenType: 'Bearer',
        accessToken: expect.any(String),
        expiresIn: 900,
        refreshToken: expect.any(String),
        user: {
          id: expect.any(String),
          email,
          name: 'Ada',
          role: 'user',
          // Until the token of the verification mail comes back (account-lifecycle.e2e-spec.ts).
          emailVerified: false,
          createdAt: expect.any(String),
          mfaEnabled: false,
        },
      });
      expect(res.text).not.toMatch(/argon2|passwordHash/);
      // ≥ 256 bits of randomness: 32 bytes of base64url.
      expect(
        Buffer.from(res.body.refreshToken as string, 'base64url').length,
      ).toBeGreaterThanOrEqual(32);
    });

    it('issues an EdDSA at+jwt access token with the claims of docs/api.md', async () => {
      const { accessToken, user } = await register(t.server);
      const { header, claims } = decodeJwt(accessToken);
      expect(header).toEqual({ alg: 'EdDSA', typ: 'at+jwt', kid: expect.any(String) });
      expect(claims).toEqual({
        iss: t.config.auth.issuer,
        aud: t.config.auth.audience,
        sub: user.id,
        iat: expect.any(Number),
        exp: expect.any(Number),
        jti: expect.any(String),
        sid: expect.any(String),
        role: 'user',
      });
      expect((claims.exp as number) - (claims.iat as number)).toBeLessThanOrEqual(900);
      const jwks = await request(t.server).get('/.well-known/jwks.json').expect(200);
      expect(jwks.body.keys).toContainEqual(
        expect.objectContaining({ kid: header.kid, kty: 'OKP', crv: 'Ed25519' }),
      );
      expect(JSON.stringify(jwks.body)).not.toContain('"d"');
    });

    it('refuses a duplicate email, compared case-insensitively: 409', async () => {
      const email = newEmail();
      await register(t.server, { email });
      const res = await request(t.server)
        .post('/v1/auth/register')
        .send({ email: email.toUpperCase(), password: PASSWORD })
        .expect(409);
      expect(res.headers['content-type']).toMatch(PROBLEM);
      expect(res.body).toMatchObject({ status: 409, type: '/problems/email-taken' });
    });

    // The rules of every field are unit-tested (auth.schemas.spec.ts, password-policy.spec.ts);
    // here, the answers: a weak password, and a body the schema refuses.
    it('refuses common passwords: 400', async () => {
      const res = await request(t.server)
        .post('/v1/auth/register')
        .send({ email: newEmail(), password: 'qwerty123456' })
        .expect(400);
      expect(res.body).toMatchObject({
        type: '/problems/weak-password',
        errors: [{ pointer: '#/password' }],
      });
    });

    it('refuses mass assignment of role and a malformed email: 400, creating nobody', async () => {
      const email = newEmail();
      const res = await request(t.server)
        .post('/v1/auth/register')
        .send({ email, password: PASSWORD, role: 'admin' })
        .expect(400);
      expect(res.body.errors).toContainEqual(expect.objectContaining({ pointer: '#' }));
      expect(JSON.stringify(res.body.errors)).toContain('role');
      await request(t.server)
        .post('/v1/auth/register')
        .send({ email: 'not-an-email', password: PASSWORD })
        .expect(400);
      await request(t.server)
        .post('/v1/auth/login')
        .send({ email, password: PASSWORD })
        .expect(401);
    });
  });

  describe('POST /v1/auth/login', () => {
    it('signs in: 200 TokenResponse', async () => {
      const email = newEmail();
      await register(t.server, { email });
      const tokens = await login(t.server, `  ${email.toUpperCase()}`);
      expect(tokens.user.email).toBe(email);
    });

    it('answers unknown email and wrong password identically: 401', async () => {
      const email = newEmail();
      await register(t.server, { email });
      const wrong = await request(t.server)
        .post('/v1/auth/login')
        .send({ email, password: 'not the password at all' })
        .expect(401);
      const unknown = await request(t.server)
        .post('/v1/auth/login')
        .send({ email: newEmail(), password: PASSWORD })
        .expect(401);
      expect(wrong.headers['content-type']).toMatch(PROBLEM);
      expect(wrong.body).toEqual(unknown.body);
    });
  });

  describe('POST /v1/auth/refresh', () => {
    it('rotates: a new refresh token, and the old one is dead', async () => {
      const first = await register(t.server);
      const res = await request(t.server)
        .post('/v1/auth/refresh')
        .send({ refreshToken: first.refreshToken })
        .expect(200);
      expect(res.body.refreshToken).not.toBe(first.refreshToken);
      expect(res.body.user).toEqual(first.user);
      await request(t.server)
        .get('/v1/users/me')
        .set(...bearer(res.body.accessToken as string))
        .expect(200);
    });

    it('revokes the whole session when a spent refresh token is presented again', async () => {
      const first = await register(t.server);
      const second = (
        await request(t.server)
          .post('/v1/auth/refresh')
          .send({ refreshToken: first.refreshToken })
          .expect(200)
      ).body as { refreshToken: string; accessToken: string };
      const replay = await request(t.server)
        .post('/v1/auth/refresh')
        .send({ refreshToken: first.refreshToken })
        .expect(401);
      expect(replay.body).toMatchObject({ type: '/problems/invalid-refresh-token' });
      // Every token of the session is now dead, including the ones issued by the legitimate refresh.
      await request(t.server)
        .post('/v1/auth/refresh')
        .send({ refreshToken: second.refreshToken })
        .expect(401);
      await request(t.server)
        .get('/v1/users/me')
        .set(...bearer(second.accessToken))
        .expect(401);
      await request(t.server)
        .get('/v1/users/me')
        .set(...bearer(first.accessToken))
        .expect(401);
    });

    it('lets at most one of several concurrent refreshes with one token win', async () => {
      const { refreshToken } = await register(t.server);
      const results = await Promise.all(
        Array.from({ length: 8 }, () =>
          request(t.server).post('/v1/auth/refresh').send({ refreshToken }),
        ),
      );
      expect(results.filter((res) => res.status === 200).length).toBeLessThanOrEqual(1);
      expect(results.every((res) => res.status === 200 || res.status === 401)).toBe(true);
    });
  });

  describe('POST /v1/auth/logout', () => {
    it('ends the session: 204, then its access and refresh tokens stop working', async () => {
      const tokens = await register(t.server);
      await request(t.server)
        .post('/v1/auth/logout')
        .set(...bearer(tokens.accessToken))
        .expect(204);
      const res = await request(t.server)
        .get('/v1/users/me')
        .set(...bearer(tokens.accessToken))
        .expect(401);
      expect(res.headers['www-authenticate']).toMatch(/^Bearer .*error="invalid_token"/);
      await request(t.server)
        .post('/v1/auth/refresh')
        .send({ refreshToken: tokens.refreshToken })
        .expect(401);
    });
  });
});
