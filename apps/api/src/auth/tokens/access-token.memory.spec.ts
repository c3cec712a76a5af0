import { beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { type Config, type Ed25519Jwk, loadConfig } from '@libs/config';
import { ManualClock } from '@libs/testing/fakes';
import { decodeJwt, forge, newSigningKey } from '../../../test/support/jwt.js';
import { AccessTokenService } from './access-token.service.js';
import { SigningKeys } from './signing-keys.js';

const USER = '00000000-0000-4000-8000-00000000000a';
const SESSION = '00000000-0000-4000-8000-00000000000b';
const TOLERANCE_MS = 30_000;

/**
 * The memory of verified tokens: a token that verified is answered from memory (no signature
 * check) until the first moment it would stop verifying; nothing else is remembered.
 */
describe('AccessTokenService memory of verified tokens', () => {
  let config: Config;
  let activeKey: Ed25519Jwk;
  let keys: SigningKeys;
  let clock: ManualClock;
  let tokens: AccessTokenService;
  let lookups: jest.SpiedFunction<SigningKeys['verificationKey']>;

  beforeAll(async () => {
    activeKey = await newSigningKey('active');
    config = loadConfig({ NODE_ENV: 'test', JWT_SIGNING_KEYS: JSON.stringify([activeKey]) });
    keys = new SigningKeys(config);
    await keys.onModuleInit();
    lookups = jest.spyOn(keys, 'verificationKey');
  });

  beforeEach(() => {
    clock = new ManualClock(new Date());
    tokens = new AccessTokenService(config, keys, clock);
    lookups.mockClear();
  });

  const seconds = (): number => Math.floor(clock.now().getTime() / 1000);
  const sign = (role: 'user' | 'admin' = 'user'): Promise<string> =>
    tokens.sign({ userId: USER, sessionId: SESSION, role });
  /** Claims of a token this service signs now, for forging variants of it. */
  const claimsNow = async (): Promise<Record<string, unknown>> => decodeJwt(await sign()).claims;

  it('checks the signature of a token once, then answers from memory', async () => {
    const token = await sign();
    await tokens.verify(token);
    await tokens.verify(token);
    await tokens.verify(token);
    expect(lookups).toHaveBeenCalledTimes(1);
  });

  it('answers the same claims from memory as from the signature check', async () => {
    const token = await sign('admin');
    const checked = await tokens.verify(token);
    await expect(tokens.verify(token)).resolves.toEqual(checked);
    expect(checked).toEqual({ userId: USER, sessionId: SESSION, role: 'admin' });
  });

  it('remembers a token expiring early only until its own exp (plus tolerance)', async () => {
    const start = clock.now().getTime();
    const exp = seconds() + 60;
    const token = await forge(activeKey, {}, { ...(await claimsNow()), exp });
    await tokens.verify(token);
    clock.advance(exp * 1000 + TOLERANCE_MS - 1 - start);
    await expect(tokens.verify(token)).resolves.toMatchObject({ userId: USER });
    expect(lookups).toHaveBeenCalledTimes(1);
    clock.advance(1);
    await expect(tokens.verify(token)).rejects.toMatchObject({ reason: 'expired' });
  });

  it('forgets an expired token, so it is refused every time after', async () => {
    const token = await sign();
    await tokens.verify(token);
    clock.advance((config.auth.accessTtlSeconds + 31) * 1000);
    await expect(tokens.verify(token)).rejects.toMatchObject({ reason: 'expired' });
    await expect(tokens.verify(token)).rejects.toMatchObject({ reason: 'expired' });
    expect(lookups).toHaveBeenCalledTimes(3);
  });

  it('does not remember a refused token', async () => {
    const token = await forge(await newSigningKey('active'), {}, await claimsNow());
    await expect(tokens.verify(token)).rejects.toMatchObject({ reason: 'unknown-key' });
    await expect(tokens.verify(token)).rejects.toMatchObject({ reason: 'unknown-key' });
    expect(lookups).toHaveBeenCalledTimes(2);
  });

  it('does not accept a token of another key for the same claims as a remembered one', async () => {
    const claims = await claimsNow();
    await tokens.verify(await forge(activeKey, {}, claims));
    const impostor = await forge(await newSigningKey('active'), {}, claims);
    await expect(tokens.verify(impostor)).rejects.toMatchObject({ reason: 'unknown-key' });
  });

  it('holds 2,000 tokens, forgetting the first verified when one more comes', async () => {
    const first = await sign();
    await tokens.verify(first);
    for (let i = 1; i < 2_000; i += 1) await tokens.verify(await sign());
    await tokens.verify(first);
    expect(lookups).toHaveBeenCalledTimes(2_000);
    await tokens.verify(await sign());
    await tokens.verify(first);
    expect(lookups).toHaveBeenCalledTimes(2_002);
  });
});

describe('AccessTokenService reasons for refusal', () => {
  let activeKey: Ed25519Jwk;
  let clock: ManualClock;
  let tokens: AccessTokenService;
  let claims: Record<string, unknown>;

  beforeAll(async () => {
    activeKey = await newSigningKey('active');
    const config = loadConfig({ NODE_ENV: 'test', JWT_SIGNING_KEYS: JSON.stringify([activeKey]) });
    const keys = new SigningKeys(config);
    await keys.onModuleInit();
    clock = new ManualClock(new Date());
    tokens = new AccessTokenService(config, keys, clock);
    claims = decodeJwt(
      await tokens.sign({ userId: USER, sessionId: SESSION, role: 'user' }),
    ).claims;
  });

  const seconds = (): number => Math.floor(clock.now().getTime() / 1000);

  it('names an expired token "expired", so the client refreshes it', async () => {
    const token = await forge(
      activeKey,
      {},
      { ...claims, iat: seconds() - 900, exp: seconds() - 31 },
    );
    await expect(tokens.verify(token)).rejects.toMatchObject({ reason: 'expired' });
  });

  it('names a kid this server does not hold "unknown-key"', async () => {
    const token = await forge(activeKey, { kid: 'rotated-out' }, claims);
    await expect(tokens.verify(token)).rejects.toMatchObject({ reason: 'unknown-key' });
  });

  it('names a bad signature under a known kid "unknown-key"', async () => {
    const token = await forge(await newSigningKey('active'), {}, claims);
    await expect(tokens.verify(token)).rejects.toMatchObject({ reason: 'unknown-key' });
  });

  it('names a token carrying its own key "invalid"', async () => {
    const token = await forge(activeKey, { jku: 'https://evil.example/jwks.json' }, claims);
    await expect(tokens.verify(token)).rejects.toMatchObject({ reason: 'invalid' });
  });

  it('names a wrong audience "invalid"', async () => {
    const token = await forge(activeKey, {}, { ...claims, aud: 'another-api' });
    await expect(tokens.verify(token)).rejects.toMatchObject({ reason: 'invalid' });
  });

  it('names garbage "invalid"', async () => {
    await expect(tokens.verify('not.a.jwt')).rejects.toMatchObject({ reason: 'invalid' });
  });

  it('lets other errors through untouched (a bug, not a bad token)', async () => {
    const broken = new AccessTokenService(
      loadConfig({ NODE_ENV: 'test', JWT_SIGNING_KEYS: JSON.stringify([activeKey]) }),
      {
        verificationKey: () => {
          throw new RangeError('boom');
        },
      } as unknown as SigningKeys,
      clock,
    );
    await expect(broken.verify(await forge(activeKey, {}, claims))).rejects.toBeInstanceOf(
      RangeError,
    );
  });
});
