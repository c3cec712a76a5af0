import { Injectable } from '@nestjs/common';
import type { AccountTokenPurpose } from '@libs/commerce';
import { PrismaService } from '@libs/database';
import type { NotificationRecord } from '../notifications/notifications.repository.js';

export interface AccountForMail {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly disabled: boolean;
  readonly emailVerified: boolean;
}

const ACCOUNT_FIELDS = {
  id: true,
  email: true,
  name: true,
  disabled: true,
  emailVerifiedAt: true,
} as const;

function toAccount(row: {
  id: string;
  email: string;
  name: string;
  disabled: boolean;
  emailVerifiedAt: Date | null;
}): AccountForMail {
  const { emailVerifiedAt, ...rest } = row;
  return { ...rest, emailVerified: emailVerifiedAt !== null };
}

/** What the account mails need: the account, its tokens and the record of each mail. */
@Injectable()
export class AccountMailRepository {
  constructor(private readonly prisma: PrismaService) {}

  async accountById(id: string): Promise<AccountForMail | null> {
    const row = await this.prisma.user.findUnique({ where: { id }, select: ACCOUNT_FIELDS });
    return row && toAccount(row);
  }

  async accountByEmail(email: string): Promise<AccountForMail | null> {
    const row = await this.prisma.user.findUnique({ where: { email }, select: ACCOUNT_FIELDS });
    return row && toAccount(row);
  }

  findByEvent(eventId: string): Promise<NotificationRecord | null> {
    return this.prisma.notification.findUnique({
      where: { eventId },
      select: { id: true, recipient: true, subject: true, body: true, sentAt: true },
    });
  }

  /**
   * In one transaction: the mail's record (one per event, whatever the number of tries) and,
   * when the mail carries a token, that token's hash, replacing every unused token of the same
   * purpose — only the newest mail's token works.
   */
  prepare(mail: {
    eventId: string;
    userId: string;
    kind: string;
    recipient: string;
    subject: string;
    body: string;
    token?: { purpose: AccountTokenPurpose; hash: string; expiresAt: Date };
  }): Promise<NotificationRecord> {
    const { token, ...notification } = mail;
    return this.prisma.$transaction(async (tx) => {
      if (token) {
        await tx.accountToken.deleteMany({
          where: { userId: mail.userId, purpose: token.purpose, usedAt: null },
        });
        await tx.accountToken.create({
          data: {
            userId: mail.userId,
            purpose: token.purpose,
            tokenHash: token.hash,
            email: mail.recipient,
            expiresAt: token.expiresAt,
          },
        });
      }
      return tx.notification.upsert({
        where: { eventId: mail.eventId },
        create: notification,
        update: {},
        select: { id: true, recipient: true, subject: true, body: true, sentAt: true },
      });
    });
  }

  async markSent(id: string, at: Date): Promise<void> {
    await this.prisma.notification.update({ where: { id }, data: { sentAt: at } });
  }
}
