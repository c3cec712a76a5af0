import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Transaction } from './orders.repository.js';

/**
 * Mails about an account, requested by the API through the outbox and sent by the worker:
 *   account.verification_requested   {userId}  a new email verification token
 *   account.password_reset_requested {email}   a reset token, if an account has this address
 *   account.password_changed         {userId}  "your password was changed"
 * A reset request names the address, not the account: the API writes the same event whether or
 * not the account exists (the answer and the work do not tell them apart); the worker looks.
 */
export type AccountEventType =
  | 'account.verification_requested'
  | 'account.password_reset_requested'
  | 'account.password_changed';

export const ACCOUNT_AGGREGATE = 'account';

export type AccountEventPayload = { readonly userId: string } | { readonly email: string };

/** What a token in an account mail is for, and how long it works once issued. */
export const ACCOUNT_TOKEN_PURPOSES = {
  email_verification: { lifetimeMs: 24 * 60 * 60_000 },
  password_reset: { lifetimeMs: 30 * 60_000 },
} as const;
export type AccountTokenPurpose = keyof typeof ACCOUNT_TOKEN_PURPOSES;

/** 256 random bits, URL-safe: the token that goes into the mail (never stored). */
export function newAccountToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What is stored and looked up: SHA-256, hex. The token's entropy leaves nothing to guess. */
export function hashAccountToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Writes an account mail request to the outbox, in the caller's transaction (so it exists if and
 * only if the change that asks for it committed). The aggregate is the account, or for a reset
 * request by address a fresh id: the event must not reveal whether the address has an account.
 */
export async function recordAccountEvent(
  tx: Transaction,
  type: AccountEventType,
  payload: AccountEventPayload,
  headers: Readonly<Record<string, string>> = {},
): Promise<void> {
  await tx.outboxEvent.create({
    data: {
      aggregateType: ACCOUNT_AGGREGATE,
      aggregateId: 'userId' in payload ? payload.userId : randomUUID(),
      type,
      payload,
      headers,
    },
  });
}
