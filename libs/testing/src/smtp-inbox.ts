import { simpleParser } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { eventually } from './eventually.js';

/** A message as the SMTP server received it, parsed. */
export interface ReceivedMail {
  readonly messageId: string | undefined;
  readonly from: string | undefined;
  /** The envelope recipients (RCPT TO). */
  readonly to: readonly string[];
  readonly subject: string;
  readonly text: string;
}

/**
 * A real SMTP server on loopback (the `smtp-server` package, port chosen by the system) that
 * keeps what it receives, for tests of the worker's SMTP sender: mail arrives over a socket and
 * is parsed from its raw bytes, exactly as a mail server would see it. `refuseNext(n)` answers
 * the next `n` messages with a temporary failure (451), so retries can be proven.
 */
export class SmtpInbox {
  private constructor(
    private readonly server: SMTPServer,
    readonly url: string,
    private readonly state: {
      messages: ReceivedMail[];
      refusals: number;
      refusedRecipient: string | undefined;
    },
  ) {}

  /** Everything received so far, in order of arrival. */
  get messages(): readonly ReceivedMail[] {
    return this.state.messages;
  }

  static async start(): Promise<SmtpInbox> {
    const state = {
      messages: [] as ReceivedMail[],
      refusals: 0,
      refusedRecipient: undefined as string | undefined,
    };
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const recipients = session.envelope.rcptTo.map((recipient) => recipient.address);
          const refused =
            state.refusedRecipient === undefined || recipients.includes(state.refusedRecipient);
          if (state.refusals > 0 && refused) {
            state.refusals -= 1;
            callback(Object.assign(new Error('try again later'), { responseCode: 451 }));
            return;
          }
          simpleParser(Buffer.concat(chunks)).then(
            (parsed) => {
              state.messages.push({
                messageId: parsed.messageId,
                from: parsed.from?.value[0]?.address,
                to: recipients,
                subject: parsed.subject ?? '',
                text: parsed.text ?? '',
              });
              callback();
            },
            (error: unknown) => callback(error as Error),
          );
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = server.server.address() as AddressInfo;
    return new SmtpInbox(server, `smtp://127.0.0.1:${port}`, state);
  }

  /** Answers the next `count` messages (to `recipient`, when given) with 451 (try again later). */
  refuseNext(count: number, recipient?: string): void {
    this.state.refusals = count;
    this.state.refusedRecipient = recipient;
  }

  /** Refusals asked for with `refuseNext` that no message has met yet. */
  get refusalsLeft(): number {
    return this.state.refusals;
  }

  /** The messages to `address` so far (with this subject, when given). */
  to(address: string, subject?: string): ReceivedMail[] {
    return this.messages.filter(
      (mail) => mail.to.includes(address) && (subject === undefined || mail.subject === subject),
    );
  }

  /** Waits until `address` has received `count` messages (with this subject), and returns them. */
  async waitFor(
    address: string,
    count = 1,
    subject?: string,
    timeoutMs = 20_000,
  ): Promise<ReceivedMail[]> {
    return eventually(
      `${count} mail(s) to ${address}${subject === undefined ? '' : ` about "${subject}"`}`,
      () => {
        const received = this.to(address, subject);
        return received.length >= count && received;
      },
      { timeoutMs },
    );
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
