import { Injectable } from '@nestjs/common';
import { type AccountTokenPurpose, hashAccountToken } from '@libs/commerce';
import { currentTraceContext } from '@libs/observability';
import { AuditService } from '../audit/audit.service.js';
import { PasswordHasher } from '../auth/passwords/password-hasher.js';
import { assertStrongPassword } from '../auth/passwords/strong-password.js';
import { SessionsService } from '../auth/sessions/sessions.service.js';
import { Clock } from '../platform/clock.js';
import { DomainError } from '../platform/errors/domain-error.js';
import { AccountQuota } from '../platform/rate-limit/account-quota.js';
import { UsersRepository } from '../users/users.repository.js';
import { type AccountTokenRecord, AccountsRepository } from './accounts.repository.js';

/**
 * The account lifecycle by mail: verifying the email, and resetting a forgotten password. Mails
 * are requested here and sent by the worker (the outbox), never from the request path; the
 * worker issues their tokens. Every refusal of a token is the same `invalid_account_token`,
 * whatever the reason (unknown, expired, spent, replaced, another purpose).
 */
@Injectable()
export class AccountsService {
  constructor(
    private readonly accounts: AccountsRepository,
    private readonly users: UsersRepository,
    private readonly passwords: PasswordHasher,
    private readonly sessions: SessionsService,
    private readonly quota: AccountQuota,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Marks the address the token was mailed to verified. The token works once. */
  async verifyEmail(token: string): Promise<void> {
    const stored = await this.usable(token, 'email_verification');
    const verified = await this.accounts.verifyEmail(stored, this.clock.now(), (tx) =>
      this.audit.record(tx, {
        action: 'auth.email.verify',
        target: { type: 'user', id: stored.userId },
      }),
    );
    if (!verified) {
      throw new DomainError('invalid_account_token');
    }
  }

  /** A new verification mail; its token replaces the earlier one when the worker issues it. */
  async resendVerification(userId: string): Promise<void> {
    const user = await this.users.findById(userId);
    if (!user) throw new DomainError('user_not_found');
    if (user.emailVerifiedAt) throw new DomainError('email_already_verified');
    await this.quota.take('verification-mail', userId);
    await this.accounts.requestVerification(userId, currentTraceContext());
  }

  /**
   * Requests a reset mail for whatever account has this address. The same work whether or not
   * one has (one outbox row, no account lookup here: the worker looks), so neither the answer
   * nor its timing tells who has an account.
   */
  async forgotPassword(email: string): Promise<void> {
    await this.accounts.requestPasswordReset(email, currentTraceContext());
  }

  /**
   * Sets a new password (the policy of registration applies) with a reset token, which works
   * once; the account's other reset tokens stop working, every session and refresh token of the
   * account ends, and the owner is told by mail. An account without a password (OIDC only) gets
   * its first one this way.
   */
  async resetPassword(token: string, password: string): Promise<void> {
    const stored = await this.usable(token, 'password_reset');
    await this.quota.take('password-reset', stored.userId);
    assertStrongPassword(password, stored.user, '#/password');
    const passwordHash = await this.passwords.hash(password);
    const now = this.clock.now();
    const reset = await this.accounts.resetPassword(
      stored,
      passwordHash,
      now,
      currentTraceContext(),
      (tx) =>
        this.audit.record(tx, {
          action: 'auth.password.reset',
          target: { type: 'user', id: stored.userId },
        }),
    );
    if (!reset) {
      throw new DomainError('invalid_account_token');
    }
    await this.sessions.revokeAllOfUser(stored.userId, 'password_changed');
  }

  /**
   * The stored token, if it may be used for `purpose` now: known, unspent, unexpired, its
   * account enabled and still at the address it was mailed to.
   */
  private async usable(token: string, purpose: AccountTokenPurpose): Promise<AccountTokenRecord> {
    const stored = await this.accounts.findToken(hashAccountToken(token));
    const usable =
      stored !== null &&
      stored.purpose === purpose &&
      stored.usedAt === null &&
      stored.expiresAt > this.clock.now() &&
      !stored.user.disabled &&
      stored.email === stored.user.email;
    if (!usable) throw new DomainError('invalid_account_token');
    return stored;
  }
}
