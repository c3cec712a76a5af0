import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { recordAccountEvent } from '@libs/commerce';
import { PrismaService } from '@libs/database';
import { SmtpInbox, eventually, redisKeyPrefix, requireHarnessEnv } from '@libs/testing';
import { randomUUID } from 'node:crypto';
import { BullConnection } from '../src/queues/bull-connection.js';
import { QUEUES } from '../src/queues/queue-names.js';
import { Fixtures } from './support/fixtures.js';
import { startTestWorker, type TestWorker } from './support/test-worker.js';

/** The worker's SMTP sender against a real SMTP server on loopback, through the whole pipeline. */
describe('mail over SMTP', () => {
  let inbox: SmtpInbox;
  const running: TestWorker[] = [];
  const start = async (prefix: string, env: Record<string, string> = {}): Promise<TestWorker> => {
    const worker = await startTestWorker({
      SMTP_URL: inbox.url,
      MAIL_FROM: 'shop@example.com',
      REDIS_KEY_PREFIX: prefix,
      ...env,
    });
    running.push(worker);
    return worker;
  };
  const stop = async (worker: TestWorker): Promise<void> => {
    running.splice(running.indexOf(worker), 1);
    await worker.stop();
  };
  const newPrefix = (): string => redisKeyPrefix(requireHarnessEnv().runId, randomUUID());

  beforeAll(async () => {
    inbox = await SmtpInbox.start();
  });

  afterEach(async () => {
    await Promise.all(running.splice(0).map((worker) => worker.stop()));
  });

  afterAll(async () => {
    await inbox.close();
  });

  it('sends an order confirmation, with the notification id as its Message-ID', async () => {
    const worker = await start(newPrefix());
    const fixtures = new Fixtures(worker.app);
    const userId = await fixtures.user();
    const order = await fixtures.placeOrder(userId, await fixtures.product());
    const { email } = await worker.app
      .get(PrismaService)
      .user.findUniqueOrThrow({ where: { id: userId } });
    const [received] = await inbox.waitFor(email);
    const [notification] = await fixtures.notifications([order.id]);
    expect(received).toMatchObject({
      from: 'shop@example.com',
      subject: expect.stringMatching(/^Order confirmed: /),
      messageId: `<${notification!.id}@example.com>`,
    });
  });

  it('survives a refusal and a worker restart with one mail, and a redelivered job sends nothing', async () => {
    const prefix = newPrefix();
    // The retry waits long enough (5 s) for the test to stop the worker before it.
    const slowRetry = { JOB_BACKOFF_MS: '5000' };
    let worker = await start(prefix, slowRetry);
    const prisma = worker.app.get(PrismaService);
    const email = `reset-${randomUUID()}@example.com`;
    await prisma.user.create({ data: { email, passwordHash: null } });
    // The first try is refused (451): the job waits for its retry when the worker stops.
    inbox.refuseNext(1, email);
    await prisma.$transaction((tx) =>
      recordAccountEvent(tx, 'account.password_reset_requested', { email }),
    );
    const event = await eventually('the reset event', async () => {
      const row = await prisma.outboxEvent.findFirst({
        where: { type: 'account.password_reset_requested', payload: { equals: { email } } },
      });
      return row ?? undefined;
    });
    await eventually('the first try refused', () => inbox.refusalsLeft === 0);
    await stop(worker);
    expect(inbox.to(email)).toEqual([]);

    worker = await start(prefix, slowRetry);
    await inbox.waitFor(email);
    const sent = await eventually('the mail recorded as sent', () =>
      worker.app
        .get(PrismaService)
        .notification.findUnique({ where: { eventId: event.id } })
        .then((row) => (row?.sentAt ? row : undefined)),
    );

    // The same job again (a relay that died before marking its batch republishes it): the
    // mail is recorded as sent, so nothing more leaves.
    const queue = worker.app.get(BullConnection).queue(QUEUES.accountMail);
    const redelivered = await queue.add(
      event.type,
      {
        id: event.id,
        type: event.type,
        aggregateId: event.aggregateId,
        payload: event.payload,
        createdAt: event.createdAt.toISOString(),
        headers: {},
      },
      { jobId: `${event.id}-again` },
    );
    await eventually('the redelivered job done', async () =>
      (await redelivered.getState()) === 'completed' ? redelivered : undefined,
    );
    expect(inbox.to(email)).toHaveLength(1);
    expect(inbox.to(email)[0]?.messageId).toBe(`<${sent.id}@example.com>`);
    const tokens = await prisma.accountToken.findMany({ where: { email } });
    expect(tokens).toHaveLength(1);
  });
});
