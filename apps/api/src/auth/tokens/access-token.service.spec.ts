import { beforeAll, describe, expect, it } from '@jest/globals';
import { type Config, type Ed25519Jwk, loadConfig } from '@libs/config';
import { SignJWT } from 'jose';
import { ManualClock } from '@libs/testing/fakes';
import { decodeJwt, forge, newSigningKey } from '../../../test/support/jwt.js';
import { AccessTokenService, InvalidAccessTokenError } from './access-token.service.js';
import { SigningKeys } from './signing-keys.js';

const USER = '00000000-0000-4000-8000-00000000000a';
const SESSION = '00000000-0000-4000-8000-00000000000b';

describe('AccessTokenService', () => {
  let config: Config;
  let activeKey: Ed25519Jwk;
  let retiredKey: Ed25519Jwk;
  let clock: ManualClock;
  let tokens: AccessTokenService;
  let issued: string;
  let claims: Record<string, unknown>;

  beforeAll(async () => {
    activeKey = await newSigningKey('active');
    retiredKey = await newSigningKey('retired');
    const { d: _private, ...retiredPublic } = retiredKey;
    config = loadConfig({
      NODE_ENV: 'test',
      JWT_SIGNING_KEYS: JSON.stringify([activeKey, retiredPublic]),
    });
    const keys = new SigningKeys(config);
    await keys.onModuleInit();
    clock = new ManualClock(new Date());
    tokens = new AccessTokenService(config, keys, clock);
    issued = await tokens.sign({ userId: USER, sessionId: SESSION, role: 'user' });
    claims = decodeJwt(issued).claims;
  });

  const seconds = (): number => Math.floor(clock.now().getTime() / 1000);

  it('signs EdDSA at+jwt tokens with the first key, for this issuer and audience', () => {
    const { header, claims: signed } = decodeJwt(issued);
    expect(header).toEqual({ alg: 'EdDSA', typ: 'at+jwt', kid: 'active' });
    expect(signed).toMatchObject({
      sub: USER,
      sid: SESSION,
      role: 'user',
      iss: config.auth.issuer,
      aud: config.auth.audience,
      exp: seconds() + config.auth.accessTtlSeconds,
    });
    expect(signed.jti).toEqual(expect.any(String));
  });

  it('verifies the tokens it signed', async () => {
    await expect(tokens.verify(issued)).resolves.toEqual({
      userId: USER,
      sessionId: SESSION,
      role: 'user',
    });
  });

  it('still verifies a token of a retired key (rotation)', async () => {
    await expect(tokens.verify(await forge(retiredKey, {}, claims))).resolves.toMatchObject({
      userId: USER,
    });
  });

  it('accepts a token within the 30 s clock tolerance of its expiry', async () => {
    const token = await forge(activeKey, {}, { ...claims, exp: seconds() - 20 });
    await expect(tokens.verify(token)).resolves.toMatchObject({ userId: USER });
  });

  it('remembers a verified token only while it would still verify', async () => {
    const start = clock.now().getTime();
    const token = await tokens.sign({ userId: USER, sessionId: SESSION, role: 'admin' });
    const { exp } = decodeJwt(token).claims as { exp: number };
    await expect(tokens.verify(token)).resolves.toMatchObject({ role: 'admin' });
    // The last millisecond of the clock tolerance: still valid, from memory.
    clock.advance((exp + 30) * 1000 - 1 - start);
    await expect(tokens.verify(token)).resolves.toMatchObject({ role: 'admin' });
    clock.advance(1);
    await expect(tokens.verify(token)).rejects.toMatchObject({ reason: 'expired' });
    clock.advance(start - clock.now().getTime());
  });

  const refused: [string, () => string | Promise<string>][] = [
    [
      'alg none',
      () => {
        const header = Buffer.from(
          JSON.stringify({ alg: 'none', typ: 'at+jwt', kid: 'active' }),
        ).toString('base64url');
        return `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`;
      },
    ],
    [
      'a tampered payload',
      () => {
        const [header, , signature] = issued.split('.');
        const payload = Buffer.from(JSON.stringify({ ...claims, role: 'admin' })).toString(
          'base64url',
        );
        return `${header}.${payload}.${signature}`;
      },
    ],
    [
      'an expired token',
      () => forge(activeKey, {}, { ...claims, iat: seconds() - 3600, exp: seconds() - 1800 }),
    ],
    [
      'a token living longer than the configured lifetime',
      () => forge(activeKey, {}, { ...claims, iat: seconds() - 3600, exp: seconds() + 3600 }),
    ],
    ['a wrong issuer', () => forge(activeKey, {}, { ...claims, iss: 'https://evil.example' })],
    ['a wrong audience', () => forge(activeKey, {}, { ...claims, aud: 'another-api' })],
    ['a wrong typ (an ID token)', () => forge(activeKey, { typ: 'JWT' }, claims)],
    ['an unknown kid', () => forge(activeKey, { kid: 'nope' }, claims)],
    [
      'a kid that tries path traversal',
      () => forge(activeKey, { kid: '../../../../dev/null' }, claims),
    ],
    ['a kid that tries SQL', () => forge(activeKey, { kid: "' OR '1'='1" }, claims)],
    ['no exp', () => forge(activeKey, {}, { ...claims, exp: undefined })],
    ['not valid yet (nbf)', () => forge(activeKey, {}, { ...claims, nbf: seconds() + 600 })],
    ['no kid', () => forge(activeKey, { kid: undefined }, claims)],
    [
      'a key of its own (jwk header)',
      () => forge(activeKey, { jwk: { kty: 'OKP', crv: 'Ed25519', x: activeKey.x } }, claims),
    ],
    ['a jku header', () => forge(activeKey, { jku: 'https://evil.example/jwks.json' }, claims)],
    ['an x5u header', () => forge(activeKey, { x5u: 'https://evil.example/cert.pem' }, claims)],
    [
      'HS256 signed with the public key (algorithm confusion)',
      () =>
        new SignJWT(claims)
          .setProtectedHeader({ alg: 'HS256', typ: 'at+jwt', kid: 'active' })
          .sign(Buffer.from(activeKey.x, 'base64url')),
    ],
    ['a key we never had', async () => forge(await newSigningKey('active'), {}, claims)],
    ['a role that does not exist', () => forge(activeKey, {}, { ...claims, role: 'root' })],
    ['no session id', () => forge(activeKey, {}, { ...claims, sid: undefined })],
    ['no jti', () => forge(activeKey, {}, { ...claims, jti: undefined })],
    [
      'a number as subject',
      () => forge(activeKey, {}, { ...claims, sub: 42 as unknown as string }),
    ],
    ['not a JWT at all', () => 'not.a.jwt'],
    ['an opaque string (a refresh token)', () => 'c29tZSByZWZyZXNoIHRva2Vu'],
  ];

  it.each(refused)('refuses %s with InvalidAccessTokenError', async (_case, token) => {
    await expect(tokens.verify(await token())).rejects.toBeInstanceOf(InvalidAccessTokenError);
  });
});
