import { describe, expect, it } from '@jest/globals';
import { loadConfig } from '@libs/config';
import { newSigningKey } from '../../../test/support/jwt.js';
import { SigningKeys, generateSigningKey } from './signing-keys.js';

async function loaded(env: Record<string, string>): Promise<SigningKeys> {
  const keys = new SigningKeys(loadConfig({ NODE_ENV: 'test', ...env }));
  await keys.onModuleInit();
  return keys;
}

describe('SigningKeys', () => {
  it('signs with the first configured key and verifies with every one (rotation)', async () => {
    const [next, current] = [await newSigningKey('next'), await newSigningKey('current')];
    const keys = await loaded({ JWT_SIGNING_KEYS: JSON.stringify([next, current]) });
    expect(keys.signer().kid).toBe('next');
    expect(keys.verificationKey('next')).toBeDefined();
    expect(keys.verificationKey('current')).toBeDefined();
    expect(keys.verificationKey('retired')).toBeUndefined();
    expect(keys.verificationKey(undefined)).toBeUndefined();
  });

  it('publishes only the public halves, marked for EdDSA signatures', async () => {
    const key = await newSigningKey('k1');
    const keys = await loaded({ JWT_SIGNING_KEYS: JSON.stringify([key]) });
    expect(keys.jwks()).toEqual({
      keys: [{ kty: 'OKP', crv: 'Ed25519', x: key.x, kid: 'k1', alg: 'EdDSA', use: 'sig' }],
    });
    expect(JSON.stringify(keys.jwks())).not.toContain(key.d);
  });

  it('generates a key of its own when none is configured', async () => {
    const keys = await loaded({});
    const { kid } = keys.signer();
    expect(kid).toMatch(/^dev-[0-9a-f-]{36}$/);
    expect(keys.verificationKey(kid)).toBeDefined();
  });

  it('refuses to sign before its keys are loaded', () => {
    const keys = new SigningKeys(loadConfig({ NODE_ENV: 'test' }));
    expect(() => keys.signer()).toThrow('not loaded');
  });

  it('generates Ed25519 keys with both halves and distinct ids', async () => {
    const [a, b] = [await generateSigningKey(), await generateSigningKey()];
    expect(a).toMatchObject({
      kty: 'OKP',
      crv: 'Ed25519',
      x: expect.any(String),
      d: expect.any(String),
    });
    expect(a.kid).not.toBe(b.kid);
  });
});
