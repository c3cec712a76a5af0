import { createHash, randomBytes } from 'node:crypto';

/** 256 bits of randomness, URL-safe. Opaque: it means nothing outside this service. */
export function newRefreshToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * What is stored instead of the token. A fast hash is enough: the token is random with 256 bits
 * of entropy, so there is nothing to brute-force (unlike passwords).
 */
export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
