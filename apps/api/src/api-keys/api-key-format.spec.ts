import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { crc32 } from 'node:zlib';
import {
  API_KEY_LENGTH,
  API_KEY_PREFIX,
  apiKeyDisplayPrefix,
  formatApiKey,
  hashApiKeySecret,
  looksLikeApiKey,
  newSecret,
  parseApiKey,
} from './api-key-format.js';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Replaces the character at `index` with another base62 character. */
function typo(key: string, index: number): string {
  const other = BASE62[(BASE62.indexOf(key[index] ?? '0') + 1) % BASE62.length] ?? '0';
  return key.slice(0, index) + other + key.slice(index + 1);
}

describe('API key format', () => {
  it('is the prefix and 60 base62 characters, and parses back to its id and secret', () => {
    const keyId = randomUUID();
    const secret = newSecret();
    const key = formatApiKey(keyId, secret);
    expect(key).toMatch(/^sak_[0-9A-Za-z]{60}$/);
    expect(key).toHaveLength(API_KEY_LENGTH);
    expect(parseApiKey(key)).toEqual({ keyId, secret });
  });

  it('round-trips the extreme ids', () => {
    for (const keyId of [
      '00000000-0000-0000-0000-000000000000',
      'ffffffff-ffff-ffff-ffff-ffffffffffff',
    ]) {
      expect(parseApiKey(formatApiKey(keyId))?.keyId).toBe(keyId);
    }
  });

  it('ends with the CRC32 of everything before it, in base62', () => {
    const key = formatApiKey(randomUUID());
    let value = BigInt(crc32(key.slice(0, -6)));
    let digits = '';
    for (; value > 0n; value /= 62n) digits = BASE62.charAt(Number(value % 62n)) + digits;
    expect(key.slice(-6)).toBe(digits.padStart(6, '0'));
  });

  it('starts with the public part that key lists show', () => {
    const keyId = randomUUID();
    const key = formatApiKey(keyId);
    expect(key.startsWith(apiKeyDisplayPrefix(keyId))).toBe(true);
    expect(apiKeyDisplayPrefix(keyId)).toHaveLength(API_KEY_PREFIX.length + 22);
  });

  it('refuses any single-character typo (checksum)', () => {
    const key = formatApiKey(randomUUID());
    for (let index = API_KEY_PREFIX.length; index < key.length; index += 1) {
      expect(parseApiKey(typo(key, index))).toBeUndefined();
    }
  });

  it.each([
    ['empty', ''],
    ['a JWT', 'eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiIxIn0.c2ln'],
    ['the prefix alone', 'sak_'],
    ['too short', formatApiKey(randomUUID()).slice(0, -1)],
    ['too long', `${formatApiKey(randomUUID())}0`],
    ['another prefix', `xak_${formatApiKey(randomUUID()).slice(4)}`],
    ['a non-base62 character', `${formatApiKey(randomUUID()).slice(0, -1)}-`],
  ])('refuses %s', (_case, token) => {
    expect(parseApiKey(token)).toBeUndefined();
  });

  it('refuses an id past 128 bits even with a right checksum', () => {
    const body = `sak_${'z'.repeat(22)}${'0'.repeat(32)}`;
    let value = BigInt(crc32(body));
    let digits = '';
    for (; value > 0n; value /= 62n) digits = BASE62.charAt(Number(value % 62n)) + digits;
    expect(parseApiKey(body + digits.padStart(6, '0'))).toBeUndefined();
  });

  it('is told apart from a JWT by its prefix', () => {
    expect(looksLikeApiKey(formatApiKey(randomUUID()))).toBe(true);
    expect(looksLikeApiKey('eyJhbGciOiJFZERTQSJ9.e30.c2ln')).toBe(false);
  });

  it('draws a fresh secret every time and stores only its SHA-256', () => {
    const secrets = new Set(Array.from({ length: 100 }, () => newSecret()));
    expect(secrets.size).toBe(100);
    const secret = newSecret();
    expect(secret).toMatch(/^[0-9A-Za-z]{32}$/);
    expect(hashApiKeySecret(secret)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashApiKeySecret(secret)).not.toContain(secret);
  });
});
