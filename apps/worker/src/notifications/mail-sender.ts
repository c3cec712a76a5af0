import { Injectable, Logger } from '@nestjs/common';

export interface Mail {
  /** Stable per message: a provider that supports idempotency keys drops a resend. */
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

/** Delivers mail. Swap the provider (SMTP, an email API) by providing another implementation. */
export abstract class MailSender {
  abstract send(mail: Mail): Promise<void>;
}

/** Development and test: "sends" by writing the message to the log. */
@Injectable()
export class LogMailSender extends MailSender {
  private readonly logger = new Logger('Mail');

  send(mail: Mail): Promise<void> {
    this.logger.log(`to ${mail.to}: ${mail.subject} [${mail.id}]`);
    return Promise.resolve();
  }
}
