import { Injectable } from '@nestjs/common';
import {
  ACCOUNT_TOKEN_PURPOSES,
  type AccountEventType,
  type AccountTokenPurpose,
  hashAccountToken,
  newAccountToken,
} from '@libs/commerce';
import { type Config, InjectConfig } from '@libs/config';
import { withTraceContext } from '@libs/observability';
import type { Job } from 'bullmq';
import { z } from 'zod';
import { Clock } from '../clock.js';
import { MailSender } from '../notifications/mail-sender.js';
import { JobConsumer, PoisonJobError } from '../queues/job-consumer.js';
import { QUEUES } from '../queues/queue-names.js';
import { AccountMailRepository, type AccountForMail } from './account-mail.repository.js';
import { TOKEN_WITHHELD, renderAccountMail } from './render-account-mail.js';

/** The token each mail carries, if any. */
const TOKEN_OF: Readonly<Record<AccountEventType, AccountTokenPurpose | undefined>> = {
  'account.verification_requested': 'email_verification',
  'account.password_reset_requested': 'password_reset',
  'account.password_changed': undefined,
};

const byUser = z.object({ userId: z.uuid() });
const accountJob = z.discriminatedUnion('type', [
  z.object({
    id: z.uuid(),
    type: z.enum(['account.verification_requested', 'account.password_changed']),
    payload: byUser,
  }),
  z.object({
    id: z.uuid(),
    type: z.literal('account.password_reset_requested'),
    payload: z.object({ email: z.string().min(1).max(254) }),
  }),
]);

/**
 * Sends the mails about accounts. The token of a verification or reset mail is made here, right
 * before sending: its hash is stored (replacing the account's unused tokens of that purpose) in
 * the transaction that records the mail, and the token itself exists only in the mail. A job
 * delivered again finds its mail sent and does nothing; one whose send failed is retried with a
 * new token (the earlier one was never delivered, and is replaced).
 */
@Injectable()
export class AccountMailConsumer extends JobConsumer {
  readonly queue = QUEUES.accountMail;

  constructor(
    private readonly mails: AccountMailRepository,
    private readonly mail: MailSender,
    private readonly clock: Clock,
    @InjectConfig() private readonly config: Config,
  ) {
    super();
  }

  process(job: Job): Promise<string> {
    const { headers } = (job.data ?? {}) as { headers?: Record<string, string> };
    return withTraceContext(headers, () => this.handle(job));
  }

  private async handle(job: Job): Promise<string> {
    const parsed = accountJob.safeParse(job.data);
    if (!parsed.success) throw new PoisonJobError(`not an account event: ${parsed.error.message}`);
    const event = parsed.data;

    const recorded = await this.mails.findByEvent(event.id);
    if (recorded?.sentAt) return 'already sent';
    const account: AccountForMail | null =
      'userId' in event.payload
        ? await this.mails.accountById(event.payload.userId)
        : await this.mails.accountByEmail(event.payload.email.trim().toLowerCase());
    // A reset asked for an address without an account (or a disabled one): nothing is sent,
    // and nothing told the asker (the API answered the same either way).
    if (!account || account.disabled) return 'no account';
    if (event.type === 'account.verification_requested' && account.emailVerified) {
      return 'already verified';
    }

    const purpose = TOKEN_OF[event.type];
    const token = purpose ? newAccountToken() : '';
    const render = (shown: string) =>
      renderAccountMail({
        type: event.type,
        name: account.name,
        publicUrl: this.config.http.publicUrl,
        token: shown,
      });
    const stored = render(TOKEN_WITHHELD);
    const notification = await this.mails.prepare({
      eventId: event.id,
      userId: account.id,
      kind: stored.kind,
      recipient: account.email,
      subject: stored.subject,
      body: stored.body,
      ...(purpose && {
        token: {
          purpose,
          hash: hashAccountToken(token),
          expiresAt: new Date(
            this.clock.now().getTime() + ACCOUNT_TOKEN_PURPOSES[purpose].lifetimeMs,
          ),
        },
      }),
    });
    await this.mail.send({
      id: notification.id,
      from: this.config.worker.mailFrom,
      to: notification.recipient,
      subject: notification.subject,
      text: render(token).body,
    });
    await this.mails.markSent(notification.id, this.clock.now());
    return 'sent';
  }
}
