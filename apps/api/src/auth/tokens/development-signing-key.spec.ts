import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { SignJWT, importJWK, jwtVerify } from 'jose';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { developmentSigningKey } from './development-signing-key.js';

describe('developmentSigningKey', () => {
  let dir: string;
  let file: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'signing-key-'));
    file = join(dir, 'nested', 'dev-signing-key.json');
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates a key readable by its owner only, then returns the same key', async () => {
    const first = await developmentSigningKey(file);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(await developmentSigningKey(file)).toEqual(first);
  });

  it('is a working Ed25519 key: a token it signs verifies with its public half', async () => {
    const key = await developmentSigningKey(file);
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'EdDSA' })
      .sign(await importJWK(key, 'EdDSA'));
    const { d: _private, ...publicKey } = key;
    await expect(jwtVerify(token, await importJWK(publicKey, 'EdDSA'))).resolves.toBeDefined();
  });

  it.each([
    ['not JSON', 'garbage'],
    ['a public key only', JSON.stringify({ kty: 'OKP', crv: 'Ed25519', kid: 'k', x: 'abc' })],
    [
      'a key that does not import',
      JSON.stringify({ kty: 'OKP', crv: 'Ed25519', kid: 'k', x: '!', d: '!' }),
    ],
  ])('replaces a file that holds %s', async (_case, content) => {
    await developmentSigningKey(file);
    writeFileSync(file, content);
    const key = await developmentSigningKey(file);
    expect(key.kty).toBe('OKP');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(key);
  });
});
