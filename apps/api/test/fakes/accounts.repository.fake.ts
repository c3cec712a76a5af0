import {
  ACCOUNT_TOKEN_PURPOSES,
  type AccountEventType,
  type AccountTokenPurpose,
  hashAccountToken,
  newAccountToken,
} from '@libs/commerce';
import type { Transaction } from '@libs/database';
import { type ManualClock, type Public, nextUuid } from '@libs/testing/fakes';
import type { UnitOfWork } from '../../src/platform/database/unit-of-work.js';
import type {
  AccountTokenRecord,
  AccountsRepository,
} from '../../src/accounts/accounts.repository.js';
import type { InMemoryUsersRepository } from './users.repository.fake.js';

interface TokenRow {
  readonly id: string;
  readonly userId: string;
  readonly purpose: AccountTokenPurpose;
  readonly email: string;
  readonly expiresAt: Date;
  usedAt: Date | null;
}

/**
 * AccountsRepository in memory, on the accounts of an InMemoryUsersRepository. `issue` does
 * what the worker does when it sends a mail (a new token replaces the unused ones of its purpose)
 * and returns the token the mail would carry.
 */
export class InMemoryAccountsRepository implements Public<AccountsRepository> {
  /** By token hash. */
  readonly tokens = new Map<string, TokenRow>();
  /** The outbox: the mails requested, in order. */
  readonly events: { type: AccountEventType; payload: object }[] = [];

  constructor(
    private readonly users: InMemoryUsersRepository,
    private readonly clock: ManualClock,
    /** The transaction `also` runs in (an audit row follows its rollback). */
    private readonly unitOfWork: UnitOfWork,
  ) {}

  issue(userId: string, purpose: AccountTokenPurpose): string {
    for (const [hash, row] of this.tokens)
      if (row.userId === userId && row.purpose === purpose && !row.usedAt) this.tokens.delete(hash);
    const token = newAccountToken();
    this.tokens.set(hashAccountToken(token), {
      id: nextUuid(),
      userId,
      purpose,
      email: this.users.rows.get(userId)!.email,
      expiresAt: new Date(this.clock.now().getTime() + ACCOUNT_TOKEN_PURPOSES[purpose].lifetimeMs),
      usedAt: null,
    });
    return token;
  }

  findToken(tokenHash: string): Promise<AccountTokenRecord | null> {
    const row = this.tokens.get(tokenHash);
    const user = row && this.users.rows.get(row.userId);
    return Promise.resolve(
      row && user
        ? { ...row, user: { email: user.email, name: user.name, disabled: user.disabled } }
        : null,
    );
  }

  requestVerification(userId: string): Promise<void> {
    this.events.push({ type: 'account.verification_requested', payload: { userId } });
    return Promise.resolve();
  }

  requestPasswordReset(email: string): Promise<void> {
    this.events.push({ type: 'account.password_reset_requested', payload: { email } });
    return Promise.resolve();
  }

  verifyEmail(
    token: AccountTokenRecord,
    now: Date,
    also: (tx: Transaction) => Promise<void>,
  ): Promise<boolean> {
    return this.unitOfWork.run(async (tx) => {
      if (!this.spend(token, now)) return false;
      this.markVerified(token, now);
      await also(tx);
      return true;
    });
  }

  resetPassword(
    token: AccountTokenRecord,
    passwordHash: string,
    now: Date,
    _headers: unknown,
    also: (tx: Transaction) => Promise<void>,
  ): Promise<boolean> {
    return this.unitOfWork.run(async (tx) => {
      if (!this.spend(token, now)) return false;
      this.applyReset(token, passwordHash, now);
      await also(tx);
      return true;
    });
  }

  private applyReset(token: AccountTokenRecord, passwordHash: string, now: Date): void {
    const user = this.users.rows.get(token.userId)!;
    this.users.rows.set(user.id, { ...user, passwordHash });
    this.markVerified(token, now);
    for (const [hash, row] of this.tokens)
      if (row.userId === token.userId && row.purpose === 'password_reset' && !row.usedAt)
        this.tokens.delete(hash);
    this.events.push({ type: 'account.password_changed', payload: { userId: token.userId } });
  }

  private spend(token: AccountTokenRecord, now: Date): boolean {
    const row = [...this.tokens.values()].find((candidate) => candidate.id === token.id);
    if (!row || row.usedAt || row.expiresAt <= now) return false;
    row.usedAt = now;
    return true;
  }

  private markVerified(token: AccountTokenRecord, now: Date): void {
    const user = this.users.rows.get(token.userId)!;
    if (user.email === token.email && !user.emailVerifiedAt)
      this.users.rows.set(user.id, { ...user, emailVerifiedAt: now });
  }
}
