import { describe, expect, it } from '@jest/globals';
import { MFA_TOKEN_LENGTH, hashMfaSecret, newMfaToken, parseMfaToken } from './mfa-token.js';

const USER = '01936f8e-5c3a-7b1e-9d2f-4a6b8c0d2e4f';

describe('mfaToken format', () => {
  it('carries the user id and a fresh secret, of which only the hash is kept', () => {
    const a = newMfaToken(USER);
    const b = newMfaToken(USER);
    expect(a.token).toHaveLength(MFA_TOKEN_LENGTH);
    expect(a.token).not.toBe(b.token);
    const parsed = parseMfaToken(a.token);
    expect(parsed?.userId).toBe(USER);
    expect(hashMfaSecret(parsed?.secret ?? '')).toBe(a.secretHash);
    expect(a.secretHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each([
    ['empty', ''],
    ['a JWT', 'eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiJ4In0.c2ln'],
    ['an API key', `sak_${'a'.repeat(60)}`],
    ['truncated', newMfaToken(USER).token.slice(0, -1)],
    ['upper-case id', newMfaToken(USER).token.replace('mfa_0193', 'mfa_0193'.toUpperCase())],
  ])('parses nothing out of %s', (_case, token) => {
    expect(parseMfaToken(token)).toBeNull();
  });
});
