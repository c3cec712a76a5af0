import type { AccountTokenPurpose } from '@libs/commerce';
import type {
  AccountForMail,
  AccountMailRepository,
} from '../../src/accounts/account-mail.repository.js';
import type { NotificationRecord } from '../../src/notifications/notifications.repository.js';

type Public<T> = { [K in keyof T]: T[K] };

export interface StoredToken {
  readonly userId: string;
  readonly purpose: AccountTokenPurpose;
  readonly hash: string;
  readonly email: string;
  readonly expiresAt: Date;
  readonly usedAt: Date | null;
}

/** AccountMailRepository in memory: accounts by id, tokens, one mail record per event. */
export class InMemoryAccountMailRepository implements Public<AccountMailRepository> {
  readonly accounts = new Map<string, AccountForMail>();
  readonly tokens: StoredToken[] = [];
  readonly mails = new Map<string, NotificationRecord & { eventId: string; kind: string }>();

  accountById(id: string): Promise<AccountForMail | null> {
    return Promise.resolve(this.accounts.get(id) ?? null);
  }

  accountByEmail(email: string): Promise<AccountForMail | null> {
    return Promise.resolve([...this.accounts.values()].find((a) => a.email === email) ?? null);
  }

  findByEvent(eventId: string): Promise<NotificationRecord | null> {
    return Promise.resolve(this.mails.get(eventId) ?? null);
  }

  prepare(mail: Parameters<AccountMailRepository['prepare']>[0]): Promise<NotificationRecord> {
    const { token } = mail;
    if (token) {
      for (let i = this.tokens.length - 1; i >= 0; i -= 1) {
        const stored = this.tokens[i]!;
        if (stored.userId === mail.userId && stored.purpose === token.purpose && !stored.usedAt)
          this.tokens.splice(i, 1);
      }
      this.tokens.push({
        userId: mail.userId,
        purpose: token.purpose,
        hash: token.hash,
        email: mail.recipient,
        expiresAt: token.expiresAt,
        usedAt: null,
      });
    }
    let row = this.mails.get(mail.eventId);
    if (!row) {
      row = {
        id: `mail-${this.mails.size + 1}`,
        eventId: mail.eventId,
        kind: mail.kind,
        recipient: mail.recipient,
        subject: mail.subject,
        body: mail.body,
        sentAt: null,
      };
      this.mails.set(mail.eventId, row);
    }
    return Promise.resolve(row);
  }

  markSent(id: string, at: Date): Promise<void> {
    for (const [eventId, row] of this.mails)
      if (row.id === id) this.mails.set(eventId, { ...row, sentAt: at });
    return Promise.resolve();
  }
}
