import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';

export interface Mail {
  /**
   * Stable per message (the notification's id): it becomes the Message-ID, so a receiving
   * system or a provider that deduplicates recognises a resend.
   */
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

/** Delivers mail. Swap the provider (SMTP, an email API) by providing another implementation. */
export abstract class MailSender {
  /** What startup logs: where mail goes, without credentials. */
  abstract readonly description: string;
  /** Resolves once the server accepted the message; rejects otherwise (the job retries). */
  abstract send(mail: Mail): Promise<void>;
}

/** The Message-ID of a mail: its id at the sender's domain (RFC 5322 §3.6.4). */
export function messageIdOf(mail: Pick<Mail, 'id' | 'from'>): string {
  const domain = mail.from.slice(mail.from.lastIndexOf('@') + 1) || 'localhost';
  return `<${mail.id}@${domain}>`;
}

/** The embedded default when SMTP_URL is unset: "sends" by writing the message to the log. */
@Injectable()
export class LogMailSender extends MailSender {
  readonly description = 'written to the log (SMTP_URL is not set)';
  private readonly logger = new Logger('Mail');

  send(mail: Mail): Promise<void> {
    this.logger.log(`to ${mail.to}: ${mail.subject} [${mail.id}]`);
    return Promise.resolve();
  }
}

/** How long to wait for the SMTP server: a hung server fails the try, and the job retries. */
const SMTP_TIMEOUT_MS = 10_000;

/**
 * Sends through an SMTP server (nodemailer): `smtp://` upgrades with STARTTLS when the server
 * offers it, `smtps://` is TLS from the start; credentials come in the URL. Connections are
 * pooled and closed when the worker stops.
 */
export class SmtpMailSender extends MailSender implements OnApplicationShutdown {
  readonly description: string;
  private readonly transport: Transporter;

  constructor(url: string) {
    super();
    const parsed = new URL(url);
    this.description = `SMTP ${parsed.protocol}//${parsed.host}`;
    this.transport = createTransport({
      url,
      pool: true,
      connectionTimeout: SMTP_TIMEOUT_MS,
      greetingTimeout: SMTP_TIMEOUT_MS,
      socketTimeout: SMTP_TIMEOUT_MS,
    });
  }

  async send(mail: Mail): Promise<void> {
    await this.transport.sendMail({
      from: mail.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      messageId: messageIdOf(mail),
    });
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}

/** SMTP when SMTP_URL is set, else the log. */
export function mailSenderFor(smtpUrl: string | undefined): MailSender {
  return smtpUrl ? new SmtpMailSender(smtpUrl) : new LogMailSender();
}
