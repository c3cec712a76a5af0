import type { Mail, MailSender } from '../../src/notifications/mail-sender.js';

/** A mail sender that records what it sent, and can fail the first tries of each message. */
export class RecordingMailSender implements MailSender {
  readonly description = 'recorded in memory (test)';
  readonly sent: Mail[] = [];
  private readonly tries = new Map<string, number>();

  constructor(private readonly failuresPerMail = 0) {}

  send(mail: Mail): Promise<void> {
    const tries = (this.tries.get(mail.id) ?? 0) + 1;
    this.tries.set(mail.id, tries);
    if (tries <= this.failuresPerMail) return Promise.reject(new Error('mail server unavailable'));
    this.sent.push(mail);
    return Promise.resolve();
  }

  triesOf(id: string): number {
    return this.tries.get(id) ?? 0;
  }
}
