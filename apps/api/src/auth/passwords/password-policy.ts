import { dictionary } from '@zxcvbn-ts/language-common';

/** API.md: 12–128 characters (code points, not UTF-16 units), anything allowed, never truncated. */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

/** ~49 000 passwords from public breach corpora (zxcvbn's list), compared case-insensitively. */
const COMMON = new Set(dictionary['passwords-common'].map((password) => password.toLowerCase()));

export function passwordLength(password: string): number {
  // Code points on purpose: NIST SP 800-63B counts each Unicode code point as one character.
  return Array.from(password).length;
}

/** Why a password of acceptable length is still refused, or undefined when it is fine. */
export function passwordWeakness(password: string, email?: string): string | undefined {
  const normalized = password.toLowerCase();
  if (COMMON.has(normalized)) return 'This password is among the most common ones.';
  if (new Set(normalized).size <= 2) return 'This password repeats too few characters.';
  if (email && normalized.includes(email.split('@', 1)[0]?.toLowerCase() ?? '\u0000')) {
    return 'The password must not contain your email address.';
  }
  return undefined;
}
