import { createHash, randomInt } from 'node:crypto';
import { crc32 } from 'node:zlib';

/**
 * API keys are `sak_` + key id (22) + secret (32) + checksum (6), all base62: 64 characters.
 *
 * - The fixed prefix lets secret scanners recognise a leaked key and lets the API tell a key
 *   from a JWT without trying to verify it.
 * - The key id (the row's UUID) finds the stored key by primary key; only the SHA-256 of the
 *   secret is stored.
 * - The checksum (CRC32 of everything before it, like GitHub's tokens) rejects a mistyped or
 *   truncated key without a database read. It is not a signature: anyone can compute it.
 */
export const API_KEY_PREFIX = 'sak_';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const ID_LENGTH = 22; // 62^22 > 2^128
const SECRET_LENGTH = 32; // ≈ 190 bits
const CHECKSUM_LENGTH = 6; // 62^6 > 2^32
export const API_KEY_LENGTH = API_KEY_PREFIX.length + ID_LENGTH + SECRET_LENGTH + CHECKSUM_LENGTH;
const SHAPE = new RegExp(
  `^${API_KEY_PREFIX}[0-9A-Za-z]{${API_KEY_LENGTH - API_KEY_PREFIX.length}}$`,
);

export interface ParsedApiKey {
  /** The UUID of the stored key. */
  readonly keyId: string;
  readonly secret: string;
}

function encode(value: bigint, width: number): string {
  let digits = '';
  for (let rest = value; rest > 0n; rest /= 62n)
    digits = ALPHABET.charAt(Number(rest % 62n)) + digits;
  return digits.padStart(width, '0');
}

function decode(digits: string): bigint {
  let value = 0n;
  for (const digit of digits) value = value * 62n + BigInt(ALPHABET.indexOf(digit));
  return value;
}

function checksum(body: string): string {
  return encode(BigInt(crc32(body)), CHECKSUM_LENGTH);
}

function uuidToBase62(uuid: string): string {
  return encode(BigInt(`0x${uuid.replaceAll('-', '')}`), ID_LENGTH);
}

function base62ToUuid(digits: string): string | undefined {
  const value = decode(digits);
  if (value >= 1n << 128n) return undefined;
  const hex = value.toString(16).padStart(32, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A new key for the stored key `keyId`, with a fresh random secret. */
export function formatApiKey(keyId: string, secret = newSecret()): string {
  const body = `${API_KEY_PREFIX}${uuidToBase62(keyId)}${secret}`;
  return body + checksum(body);
}

export function newSecret(): string {
  return Array.from({ length: SECRET_LENGTH }, () =>
    ALPHABET.charAt(randomInt(ALPHABET.length)),
  ).join('');
}

/** The public part of a key (prefix and id) that lists show, so a user can tell keys apart. */
export function apiKeyDisplayPrefix(keyId: string): string {
  return `${API_KEY_PREFIX}${uuidToBase62(keyId)}`;
}

/** Whether a bearer credential is meant as an API key (rather than a JWT). */
export function looksLikeApiKey(token: string): boolean {
  return token.startsWith(API_KEY_PREFIX);
}

/** The key's id and secret, or undefined for a malformed key or a wrong checksum. */
export function parseApiKey(token: string): ParsedApiKey | undefined {
  if (!SHAPE.test(token)) return undefined;
  const body = token.slice(0, -CHECKSUM_LENGTH);
  if (checksum(body) !== token.slice(-CHECKSUM_LENGTH)) return undefined;
  const idStart = API_KEY_PREFIX.length;
  const keyId = base62ToUuid(token.slice(idStart, idStart + ID_LENGTH));
  if (keyId === undefined) return undefined;
  return { keyId, secret: token.slice(idStart + ID_LENGTH, -CHECKSUM_LENGTH) };
}

/** What is stored of a secret: its SHA-256, hex. */
export function hashApiKeySecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
