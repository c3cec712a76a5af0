import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Ed25519Jwk } from '@libs/config';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import {
  bearer,
  decodeJwt,
  forge,
  newSigningKey,
  register,
  type Tokens,
} from './support/identity.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('access tokens', () => {
  let t: TestApp;
  let activeKey: Ed25519Jwk;
  let retiredKey: Ed25519Jwk;
  let tokens: Tokens;
  let claims: Record<string, unknown>;

  beforeAll(async () => {
    activeKey = await newSigningKey('active');
    retiredKey = await newSigningKey('retired');
    // The retired key still verifies (rotation), but only its public half is configured.
    const { d: _private, ...retiredPublic } = retiredKey;
    t = await startTestApp({ JWT_SIGNING_KEYS: JSON.stringify([activeKey, retiredPublic]) });
    tokens = await register(t.server);
    claims = decodeJwt(tokens.accessToken).claims;
  });

  afterAll(async () => {
    await t.close();
  });

  const now = (): number => Math.floor(Date.now() / 1000);
  const me = (token: string) =>
    request(t.server)
      .get('/v1/users/me')
      .set(...bearer(token));

  it('accepts the tokens it issued', async () => {
    await me(tokens.accessToken).expect(200);
    expect(decodeJwt(tokens.accessToken).header.kid).toBe('active');
  });

  it('publishes every configured key in the JWKS, public halves only', async () => {
    const res = await request(t.server).get('/.well-known/jwks.json').expect(200);
    const keys = res.body.keys as { kid: string }[];
    expect(keys.map((key) => key.kid)).toEqual(['active', 'retired']);
    expect(JSON.stringify(res.body)).not.toContain(activeKey.d);
  });

  it('answers a missing token with 401 and a Bearer challenge', async () => {
    const res = await request(t.server).get('/v1/users/me').expect(401);
    expect(res.headers['www-authenticate']).toBe('Bearer realm="api"');
  });

  // Which tokens AccessTokenService refuses is unit-tested (access-token.service.spec.ts); here,
  // that a refused token, a dead session or a token of another kind gets the 401 challenge.
  describe('refuses forged or misused tokens with 401', () => {
    const cases: [string, () => string | Promise<string>][] = [
      [
        'a tampered payload',
        () => {
          const [header, , signature] = tokens.accessToken.split('.');
          const payload = Buffer.from(JSON.stringify({ ...claims, role: 'admin' })).toString(
            'base64url',
          );
          return `${header}.${payload}.${signature}`;
        },
      ],
      [
        'a session that does not exist',
        () => forge(activeKey, {}, { ...claims, sid: randomUUID() }),
      ],
      [
        'another user for this session',
        () => forge(activeKey, {}, { ...claims, sub: randomUUID() }),
      ],
      ['the refresh token', () => Promise.resolve(tokens.refreshToken)],
    ];

    it.each(cases)('%s', async (_case, token) => {
      const res = await me(await token()).expect(401);
      expect(res.headers['www-authenticate']).toMatch(/error="invalid_token"/);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    });
  });

  it('says why a token was refused: another key, expiry, or an ended session', async () => {
    const detail = async (token: string): Promise<string> =>
      ((await me(token).expect(401)).body as { detail: string }).detail;
    const otherServers = await newSigningKey('active');
    expect(await detail(await forge(otherServers, {}, claims))).toMatch(
      /not signed by a key this server holds/,
    );
    expect(await detail(await forge(activeKey, { kid: 'rotated-out' }, claims))).toMatch(
      /not signed by a key this server holds/,
    );
    expect(
      await detail(await forge(activeKey, {}, { ...claims, iat: now() - 3600, exp: now() - 1800 })),
    ).toMatch(/has expired/);
    expect(await detail(await forge(activeKey, {}, { ...claims, sid: randomUUID() }))).toMatch(
      /session of this access token has ended/,
    );
    expect(await detail(tokens.refreshToken)).toMatch(/malformed or not an access token/);
  });
});
