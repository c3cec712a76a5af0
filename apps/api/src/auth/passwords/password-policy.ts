import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary as common } from '@zxcvbn-ts/language-common';
import { dictionary as english, translations } from '@zxcvbn-ts/language-en';

/** docs/api.md: 12–128 characters (code points, not UTF-16 units), anything allowed, never truncated. */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

/**
 * zxcvbn's top score: at least 10^10 guesses. Score 3 still lets through a common word or name
 * with a year and punctuation appended (`Password2024!!`, `Jennifer1984!!`).
 */
export const MIN_PASSWORD_SCORE = 4;

/**
 * The estimate runs on the event loop and its cost grows quickly with length and with the
 * characters l33t matching tries to substitute: both are bounded (a few ms for a typical password,
 * under a few hundred for a hostile 128-character one on a busy machine). A password whose first
 * 64 characters are strong is strong; more than 10 l33t substitutions is not a predictable variant.
 */
const ESTIMATED_LENGTH = 64;
const L33T_SUBSTITUTIONS = 10;

const LONGER =
  'Add another word or two: a few uncommon words together are strong and easy to remember.';

let estimator: ZxcvbnFactory | undefined;

/**
 * zxcvbn-ts with breached passwords (~49 000), English words, names and Wikipedia terms, keyboard
 * layouts for walks (`1qaz2wsx`), and l33t, date, sequence and repeat matching. Built on first
 * use: ranking the dictionaries takes a moment.
 */
function strengthEstimator(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...common, ...english },
    graphs: adjacencyGraphs,
    translations,
    maxLength: ESTIMATED_LENGTH,
    l33tMaxSubstitutions: L33T_SUBSTITUTIONS,
  });
  return estimator;
}

export function passwordLength(password: string): number {
  // Code points on purpose: NIST SP 800-63B counts each Unicode code point as one character.
  return Array.from(password).length;
}

/**
 * Words of the account a password must not lean on: the email, its name part and that part's
 * pieces (`grace.hopper` → `grace`, `hopper`, `gracehopper`), and the display name's words.
 */
export function accountWords(account: { email?: string; name?: string }): string[] {
  const local = account.email?.split('@', 1)[0]?.toLowerCase() ?? '';
  const pieces = local.split(/[^\p{L}\p{N}]+/u);
  const nameWords = account.name?.toLowerCase().split(/\s+/) ?? [];
  const words = [account.email?.toLowerCase(), local, pieces.join(''), ...pieces, ...nameWords];
  return [...new Set(words.filter((word): word is string => (word?.length ?? 0) >= 3))];
}

/**
 * How much of the password (0–1) is made of the account's words, in any order or case: the
 * estimate prices `Hopper.Grace.77` as two unrelated words, an attacker who knows the email
 * tries it early.
 */
function accountWordShare(password: string, words: readonly string[]): number {
  const lower = password.toLowerCase();
  const covered = new Set<number>();
  for (const word of words) {
    for (let at = lower.indexOf(word); at >= 0; at = lower.indexOf(word, at + 1)) {
      for (let i = at; i < at + word.length; i += 1) covered.add(i);
    }
  }
  return covered.size / Math.max(lower.length, 1);
}

/**
 * Why a password of acceptable length is still refused, or undefined when it is fine: it must
 * take at least 10^10 guesses by zxcvbn's estimate, counting the account's own words (email,
 * name) as the first ones an attacker tries, and be mostly something other than those words.
 */
export function passwordWeakness(
  password: string,
  account: { email?: string; name?: string } = {},
): string | undefined {
  const words = accountWords(account);
  const { score, feedback } = strengthEstimator().check(password, words);
  const reasons =
    accountWordShare(password, words) >= 0.5
      ? ['It is made mostly of your email address or name.']
      : score < MIN_PASSWORD_SCORE
        ? [feedback.warning, ...feedback.suggestions].filter((text) => text)
        : [];
  if (score >= MIN_PASSWORD_SCORE && reasons.length === 0) return undefined;
  // zxcvbn names no pattern for some guessable passwords (a common phrase with digits): still say
  // what to do.
  return ['This password is too easy to guess.', ...(reasons.length > 0 ? reasons : [LONGER])].join(
    ' ',
  );
}
