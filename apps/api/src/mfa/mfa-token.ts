import { createHash, randomBytes } from 'node:crypto';

/**
 * The token of the second sign-in step: `mfa_` + the user's id (32 hex digits) + `_` + 256
 * random bits (base64url), 80 characters. Only the SHA-256 of the random part is stored, with
 * the user id, so the token is bound to its account and to the one sign-in that issued it.
 *
 * The user id is readable so the per-account rate limit can count guesses before any database
 * read (as an API key's id is). It is neither a JWT nor a refresh token: presented as either, it
 * matches no key and no stored hash.
 */
const SHAPE = /^mfa_([0-9a-f]{32})_([A-Za-z0-9_-]{43})$/;
export const MFA_TOKEN_LENGTH = 80;

export interface ParsedMfaToken {
  readonly userId: string;
  readonly secret: string;
}

export function newMfaToken(userId: string): { token: string; secretHash: string } {
  const secret = randomBytes(32).toString('base64url');
  return {
    token: `mfa_${userId.replaceAll('-', '').toLowerCase()}_${secret}`,
    secretHash: hashMfaSecret(secret),
  };
}

/** The parts of a well-formed token, or null: then it is nobody's. */
export function parseMfaToken(token: string): ParsedMfaToken | null {
  const match = SHAPE.exec(token);
  if (!match?.[1] || !match[2]) return null;
  const hex = match[1];
  const userId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return { userId, secret: match[2] };
}

/** A fast hash is enough: the secret has 256 bits of entropy. */
export function hashMfaSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
