import { parseMfaToken } from '../../mfa/mfa-token.js';

/**
 * The account a credential request is about, read from its JSON body before any database read:
 * its `email`, trimmed and lower-cased the way accounts are compared (docs/api.md), so
 * `Alice@x.io ` and `alice@x.io` share one counter; or, on the second sign-in step, the user id
 * inside its `mfaToken`, so guesses at one account's codes are counted across all its tokens.
 * Undefined when the body names no account; validation answers that request anyway.
 */
export function accountOf(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  if ('email' in body) {
    const { email } = body;
    if (typeof email !== 'string') return undefined;
    const account = email.trim().toLowerCase();
    return account === '' ? undefined : account;
  }
  if ('mfaToken' in body && typeof body.mfaToken === 'string') {
    const userId = parseMfaToken(body.mfaToken)?.userId;
    // Never equal to an email: those hold an @.
    return userId === undefined ? undefined : `user:${userId}`;
  }
  return undefined;
}
