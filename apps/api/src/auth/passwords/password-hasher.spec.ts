import { beforeAll, describe, expect, it } from '@jest/globals';
import { loadConfig } from '@libs/config';
import * as argon2 from 'argon2';
import { PasswordHasher } from './password-hasher.js';

describe('PasswordHasher (Argon2id)', () => {
  const passwords = new PasswordHasher(loadConfig({ NODE_ENV: 'test' }, { signingKeys: false }));
  let hash: string;

  beforeAll(async () => {
    await passwords.onModuleInit();
    hash = await passwords.hash('a quiet walk in the mist 42');
  });

  it('makes argon2id hashes with the configured parameters (OWASP minimum by default), salted', async () => {
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    expect(await passwords.hash('a quiet walk in the mist 42')).not.toBe(hash);
  });

  it('verifies the right password and refuses another', async () => {
    await expect(passwords.verify(hash, 'a quiet walk in the mist 42')).resolves.toBe(true);
    await expect(passwords.verify(hash, 'a quiet walk in the mist 43')).resolves.toBe(false);
  });

  it('does not truncate: a long shared prefix is not enough', async () => {
    const prefix = 'the same first seventy-two bytes of a very long passphrase, again and ';
    const long = await passwords.hash(`${prefix}then one ending`);
    await expect(passwords.verify(long, `${prefix}then another`)).resolves.toBe(false);
  });

  it('answers false for a malformed stored hash instead of throwing', async () => {
    await expect(passwords.verify('not a hash', 'anything')).resolves.toBe(false);
  });

  it('burns a verification for an unknown account and answers false', async () => {
    await expect(passwords.verifyNobody('dummy password for unknown accounts')).resolves.toBe(
      false,
    );
  });

  it('asks for a rehash of hashes made with weaker parameters only', async () => {
    const weak = await argon2.hash('x', { type: argon2.argon2id, memoryCost: 8_192, timeCost: 1 });
    expect(passwords.needsRehash(weak)).toBe(true);
    expect(passwords.needsRehash(hash)).toBe(false);
  });
});
