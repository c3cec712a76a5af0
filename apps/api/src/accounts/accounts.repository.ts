import { Injectable } from '@nestjs/common';
import { type AccountTokenPurpose, recordAccountEvent } from '@libs/commerce';
import { PrismaService, type Transaction } from '@libs/database';

/** A stored account token (only its hash is stored) with what checking it needs of its account. */
export interface AccountTokenRecord {
  readonly id: string;
  readonly userId: string;
  readonly purpose: AccountTokenPurpose;
  /** The address the token was mailed to. */
  readonly email: string;
  readonly expiresAt: Date;
  readonly usedAt: Date | null;
  readonly user: { readonly email: string; readonly name: string; readonly disabled: boolean };
}

type Headers = Readonly<Record<string, string>>;
/** More work of the caller's (an audit row) in the same transaction. */
type AlsoInTransaction = (tx: Transaction) => Promise<void>;

/**
 * Account mails and their tokens. Mails are requested through the outbox (the worker issues the
 * token and sends it); spending a token is a conditional update, so of two concurrent uses of
 * one token exactly one wins.
 */
@Injectable()
export class AccountsRepository {
  constructor(private readonly prisma: PrismaService) {}

  async findToken(tokenHash: string): Promise<AccountTokenRecord | null> {
    const row = await this.prisma.accountToken.findUnique({
      where: { tokenHash },
      select: {
        id: true,
        userId: true,
        purpose: true,
        email: true,
        expiresAt: true,
        usedAt: true,
        user: { select: { email: true, name: true, disabled: true } },
      },
    });
    return row && { ...row, purpose: row.purpose as AccountTokenPurpose };
  }

  async requestVerification(userId: string, headers: Headers): Promise<void> {
    await this.prisma.$transaction((tx) =>
      recordAccountEvent(tx, 'account.verification_requested', { userId }, headers),
    );
  }

  /** The same single INSERT whether or not an account has this address: the worker looks. */
  async requestPasswordReset(email: string, headers: Headers): Promise<void> {
    await this.prisma.$transaction((tx) =>
      recordAccountEvent(tx, 'account.password_reset_requested', { email }, headers),
    );
  }

  /**
   * Spends the verification token and marks the address it was mailed to verified, in one
   * transaction with `also`; false when the token was spent or expired meanwhile.
   */
  verifyEmail(token: AccountTokenRecord, now: Date, also: AlsoInTransaction): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      const spent = await tx.accountToken.updateMany({
        where: { id: token.id, usedAt: null, expiresAt: { gt: now } },
        data: { usedAt: now },
      });
      if (spent.count !== 1) return false;
      await tx.user.updateMany({
        where: { id: token.userId, email: token.email, emailVerifiedAt: null },
        data: { emailVerifiedAt: now },
      });
      await also(tx);
      return true;
    });
  }

  /**
   * Spends the reset token, sets the new password, deletes the account's other unused reset
   * tokens and requests the "password changed" mail, in one transaction with `also`. The mail reached its
   * owner, so the address counts as verified too. False when the token was spent or expired
   * meanwhile (nothing changed).
   */
  resetPassword(
    token: AccountTokenRecord,
    passwordHash: string,
    now: Date,
    headers: Headers,
    also: AlsoInTransaction,
  ): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      const spent = await tx.accountToken.updateMany({
        where: { id: token.id, usedAt: null, expiresAt: { gt: now } },
        data: { usedAt: now },
      });
      if (spent.count !== 1) return false;
      await tx.user.update({ where: { id: token.userId }, data: { passwordHash } });
      await tx.user.updateMany({
        where: { id: token.userId, email: token.email, emailVerifiedAt: null },
        data: { emailVerifiedAt: now },
      });
      await tx.accountToken.deleteMany({
        where: { userId: token.userId, purpose: 'password_reset', usedAt: null },
      });
      await recordAccountEvent(tx, 'account.password_changed', { userId: token.userId }, headers);
      await also(tx);
      return true;
    });
  }
}
