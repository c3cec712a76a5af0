import { createHash, randomInt } from 'node:crypto';

/**
 * Recovery codes: 16 characters of Crockford's base32 (80 bits), shown in groups of four,
 * `7kq2-9xm4-c8vd-3hpt`. Typing is forgiving: case, spaces and dashes do not matter, and the
 * letters Crockford leaves out read as the digits they look like (o → 0, i and l → 1). Only the
 * SHA-256 of the normalised code is stored: 80 random bits leave nothing to brute-force offline.
 */
export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const LENGTH = 16;
const SHAPE = new RegExp(`^[${ALPHABET}]{${LENGTH}}$`);

export function newRecoveryCode(): string {
  let code = '';
  for (let i = 0; i < LENGTH; i += 1) code += ALPHABET.charAt(randomInt(ALPHABET.length));
  return code.match(/.{4}/g)?.join('-') ?? code;
}

export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
}

/** The canonical form of a typed code, or null when it cannot be one. */
export function normaliseRecoveryCode(typed: string): string | null {
  const code = typed
    .toLowerCase()
    .replaceAll(/[\s-]/g, '')
    .replaceAll('o', '0')
    .replaceAll(/[il]/g, '1');
  return SHAPE.test(code) ? code : null;
}

/** The stored form of a code (typed or generated). */
export function hashRecoveryCode(code: string): string | null {
  const normalised = normaliseRecoveryCode(code);
  return normalised === null ? null : createHash('sha256').update(normalised).digest('hex');
}
