import { createWorker, stopWorker } from '@apps/worker';
import {
  redisKeyPrefix,
  requireHarnessEnv,
  type ReceivedMail,
  SmtpInbox,
  testConfig,
} from '@libs/testing';
import type { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';

/**
 * The path mail takes in production, for e2e tests: the API writes the request to the outbox,
 * the real worker (on this jest worker's database) relays it, renders the mail and sends it over
 * SMTP to a real SMTP server on loopback (SmtpInbox), where the test reads it.
 */
export class MailPipeline {
  private worker: INestApplicationContext | undefined;

  private constructor(
    readonly inbox: SmtpInbox,
    private readonly env: Record<string, string>,
  ) {}

  static async start(): Promise<MailPipeline> {
    const inbox = await SmtpInbox.start();
    const pipeline = new MailPipeline(inbox, {
      SMTP_URL: inbox.url,
      MAIL_FROM: 'shop@example.com',
      // One queue namespace across restarts: a restarted worker finds the jobs left behind.
      REDIS_KEY_PREFIX: redisKeyPrefix(requireHarnessEnv().runId, randomUUID()),
      JOB_BACKOFF_MS: '10',
      JOB_ATTEMPTS: '4',
      OUTBOX_POLL_INTERVAL_MS: '20',
    });
    await pipeline.startWorker();
    return pipeline;
  }

  async startWorker(): Promise<void> {
    this.worker ??= await createWorker(testConfig(this.env));
  }

  async stopWorker(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await stopWorker(worker);
  }

  async stop(): Promise<void> {
    await this.stopWorker();
    await this.inbox.close();
  }

  /** Waits for the `count`-th mail to `address` with this subject, and returns it. */
  async mail(address: string, subject: string, count = 1): Promise<ReceivedMail> {
    const mails = await this.inbox.waitFor(address, count, subject);
    return mails[count - 1]!;
  }

  /** Waits for the `count`-th mail to `address` with this subject, and returns its token. */
  async token(address: string, subject: string, count = 1): Promise<string> {
    return tokenIn(await this.mail(address, subject, count));
  }
}

/** The token a verification or reset mail carries, on a line of its own. */
export function tokenIn(mail: ReceivedMail): string {
  const token = /^ {2}([\w-]{43})$/m.exec(mail.text)?.[1];
  if (!token) throw new Error(`no token in the mail "${mail.subject}":\n${mail.text}`);
  return token;
}
