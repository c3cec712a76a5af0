import { afterEach, describe, expect, it } from '@jest/globals';
import { OrdersRepository, recordOrderEvent } from '@libs/commerce';
import { PrismaService } from '@libs/database';
import { eventually, redisKeyPrefix, requireHarnessEnv } from '@libs/testing';
import { randomUUID } from 'node:crypto';
import { OutboxRelay } from '../src/outbox/outbox-relay.js';
import { BullConnection } from '../src/queues/bull-connection.js';
import { QUEUES } from '../src/queues/queue-names.js';
import { WorkerLifecycle } from '../src/worker-lifecycle.js';
import { Fixtures } from './support/fixtures.js';
import { RecordingMailSender, startTestWorker, type TestWorker } from './support/test-worker.js';

/** Outbox → BullMQ → consumers, with real PostgreSQL and Redis. */
describe('outbox delivery', () => {
  const running: TestWorker[] = [];
  const start = async (...args: Parameters<typeof startTestWorker>): Promise<TestWorker> => {
    const worker = await startTestWorker(...args);
    running.push(worker);
    return worker;
  };

  afterEach(async () => {
    await Promise.all(running.splice(0).map((worker) => worker.stop()));
  });

  const sharedPrefix = (): string => redisKeyPrefix(requireHarnessEnv().runId, randomUUID());

  it('delivers every committed change exactly once with two workers and flaky mail', async () => {
    const mail = new RecordingMailSender(2);
    const prefix = sharedPrefix();
    const [a, b] = [
      await start({ REDIS_KEY_PREFIX: prefix, OUTBOX_BATCH_SIZE: '4' }, { mailSender: mail }),
      await start({ REDIS_KEY_PREFIX: prefix, OUTBOX_BATCH_SIZE: '4' }, { mailSender: mail }),
    ];
    const fixtures = new Fixtures(a.app);
    const product = await fixtures.product();
    const users = [await fixtures.user(), await fixtures.user()];
    const orders = await Promise.all(
      Array.from({ length: 24 }, (_, i) => fixtures.placeOrder(users[i % 2]!, product)),
    );
    const ids = orders.map((order) => order.id);
    for (const id of ids.slice(0, 6)) await fixtures.cancel(id);

    const expected = 24 + 6;
    const notifications = await eventually(
      'every notification sent',
      async () => {
        const rows = await fixtures.notifications(ids);
        return rows.length === expected && rows.every((row) => row.sentAt) && rows;
      },
      { timeoutMs: 25_000 },
    );
    const mine = mail.sent.filter((sent) => notifications.some((row) => row.id === sent.id));
    expect(mine).toHaveLength(expected);
    expect(new Set(mine.map((sent) => sent.id)).size).toBe(expected);
    // Two failures, then success: three tries of each message, never a fourth.
    for (const row of notifications) expect(mail.triesOf(row.id)).toBe(3);
    const unpublished = await b.app
      .get(PrismaService)
      .outboxEvent.count({ where: { aggregateId: { in: ids }, publishedAt: null } });
    expect(unpublished).toBe(0);
  });

  it('tells the events of one order in order, waiting without spending attempts', async () => {
    const worker = await start({}, { autoStart: false, mailSender: new RecordingMailSender() });
    const fixtures = new Fixtures(worker.app);
    const prisma = worker.app.get(PrismaService);
    const order = await fixtures.placeOrder(await fixtures.user(), await fixtures.product());
    await fixtures.cancel(order.id);
    const [placed, cancelled] = await prisma.outboxEvent.findMany({
      where: { aggregateId: order.id },
      orderBy: { createdAt: 'asc' },
    });
    expect([placed?.type, cancelled?.type]).toEqual(['order.placed', 'order.cancelled']);
    // Hold the confirmation back (marked published, but no job), so the cancellation comes first.
    await prisma.outboxEvent.update({
      where: { id: placed!.id },
      data: { publishedAt: new Date() },
    });
    await worker.app.get(WorkerLifecycle).start();
    const queue = worker.app.get(BullConnection).queue(QUEUES.notifications);
    await eventually('the cancellation to wait longer than its attempts would allow', async () => {
      const job = await queue.getJob(cancelled!.id);
      return (job?.attemptsStarted ?? 0) > 6;
    });
    expect(await fixtures.notifications([order.id])).toHaveLength(0);

    await prisma.outboxEvent.update({ where: { id: placed!.id }, data: { publishedAt: null } });
    const rows = await eventually('both events told', async () => {
      const found = await fixtures.notifications([order.id]);
      return found.length === 2 && found.every((row) => row.sentAt) && found;
    });
    const byTime = [...rows].sort((x, y) => x.createdAt.getTime() - y.createdAt.getTime());
    expect(byTime.map((row) => row.kind)).toEqual(['order_confirmation', 'order_cancelled']);
    expect(await prisma.deadLetter.count({ where: { jobId: cancelled!.id } })).toBe(0);
  });

  it('publishes nothing for a rolled-back transaction', async () => {
    const worker = await start({}, { autoStart: false });
    const fixtures = new Fixtures(worker.app);
    const order = await fixtures.placeOrder(await fixtures.user(), await fixtures.product());
    const orders = worker.app.get(OrdersRepository);
    await expect(
      orders.transaction(
        async (tx) => {
          await recordOrderEvent(
            tx,
            'order.cancelled',
            await orders.setStatus(tx, order.id, 'cancelled'),
          );
          throw new Error('something failed after the event was written');
        },
        { maxWaitMs: 5_000, timeoutMs: 5_000 },
      ),
    ).rejects.toThrow(/something failed/);
    await worker.app.get(OutboxRelay).relayOnce();
    const types = await worker.app
      .get(PrismaService)
      .outboxEvent.findMany({ where: { aggregateId: order.id }, select: { type: true } });
    expect(types).toEqual([{ type: 'order.placed' }]);
  });

  it('republishes a batch whose relay died before marking it, without a second effect', async () => {
    const mail = new RecordingMailSender();
    const worker = await start({}, { autoStart: false, mailSender: mail });
    const fixtures = new Fixtures(worker.app);
    const prisma = worker.app.get(PrismaService);
    const order = await fixtures.placeOrder(await fixtures.user(), await fixtures.product());
    // The relay's UPDATE fails after its jobs reached Redis: like a crash between the two.
    await prisma.$executeRawUnsafe(`
      CREATE OR REPLACE FUNCTION fail_publish() RETURNS trigger LANGUAGE plpgsql AS
      $$ BEGIN RAISE EXCEPTION 'relay died'; END $$`);
    const trigger = `fail_publish_${order.id.replaceAll('-', '')}`;
    await prisma.$executeRawUnsafe(`
      CREATE TRIGGER ${trigger} BEFORE UPDATE ON outbox_events FOR EACH ROW
      WHEN (NEW.aggregate_id = '${order.id}') EXECUTE FUNCTION fail_publish()`);
    const relay = worker.app.get(OutboxRelay);
    try {
      await expect(relay.relayOnce()).rejects.toThrow(/relay died/);
    } finally {
      await prisma.$executeRawUnsafe(`DROP TRIGGER ${trigger} ON outbox_events`);
    }
    const event = await prisma.outboxEvent.findFirstOrThrow({ where: { aggregateId: order.id } });
    expect(event.publishedAt).toBeNull();
    // The relay runs again (a restarted worker): it claims the batch once more.
    while ((await relay.relayOnce()) > 0) continue;
    expect(
      (await prisma.outboxEvent.findUniqueOrThrow({ where: { id: event.id } })).publishedAt,
    ).not.toBeNull();

    await worker.app.get(WorkerLifecycle).start();
    const [notification] = await eventually('the notification sent', async () => {
      const rows = await fixtures.notifications([order.id]);
      return rows.length === 1 && rows[0]?.sentAt ? rows : undefined;
    });
    expect(mail.sent.filter((sent) => sent.id === notification!.id)).toHaveLength(1);
    const queue = worker.app.get(BullConnection).queue(QUEUES.notifications);
    expect(await queue.getJob(event.id)).toBeDefined();
  });

  it('dead-letters a poison event and keeps delivering the others', async () => {
    const worker = await start({}, { mailSender: new RecordingMailSender() });
    const fixtures = new Fixtures(worker.app);
    const prisma = worker.app.get(PrismaService);
    const ghost = randomUUID();
    const poison = await prisma.outboxEvent.create({
      data: {
        aggregateType: 'order',
        aggregateId: ghost,
        type: 'order.placed',
        payload: { orderId: ghost, userId: randomUUID() },
      },
    });
    const order = await fixtures.placeOrder(await fixtures.user(), await fixtures.product());
    await eventually('the good order notified', async () => {
      const rows = await fixtures.notifications([order.id]);
      return rows.length === 1 && rows[0]?.sentAt;
    });
    const letter = await eventually('the poison event dead-lettered', () =>
      prisma.deadLetter.findUnique({
        where: { queue_jobId: { queue: QUEUES.notifications, jobId: poison.id } },
      }),
    );
    expect(letter).toMatchObject({
      name: 'order.placed',
      error: expect.stringMatching(/does not exist/),
    });
    expect(letter?.attempts).toBe(1);
  });
});
