import { beforeEach, describe, expect, it } from '@jest/globals';
import { loadConfig } from '@libs/config';
import { DelayedError, type Job } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { RecordingMailSender } from '../../test/fakes/mail-sender.fake.js';
import { InMemoryNotificationsRepository } from '../../test/fakes/notifications.repository.fake.js';
import { PoisonJobError } from '../queues/job-consumer.js';
import type { NotificationsRepository } from './notifications.repository.js';
import { OrderNotificationsConsumer } from './order-notifications.consumer.js';

const config = loadConfig(
  { NODE_ENV: 'test', MAIL_FROM: 'shop@example.com' },
  { signingKeys: false },
);

function eventJob(type: string, orderId: string, overrides: object = {}) {
  const delayed: number[] = [];
  const job = {
    data: {
      id: randomUUID(),
      type,
      aggregateId: orderId,
      createdAt: new Date().toISOString(),
      payload: { orderId, userId: randomUUID() },
      headers: {},
      ...overrides,
    },
    moveToDelayed: (at: number) => {
      delayed.push(at);
      return Promise.resolve();
    },
  };
  return { job: job as unknown as Job, delayed, eventId: job.data.id };
}

describe('OrderNotificationsConsumer', () => {
  let repository: InMemoryNotificationsRepository;
  let mail: RecordingMailSender;
  let consumer: OrderNotificationsConsumer;
  let orderId: string;

  beforeEach(() => {
    repository = new InMemoryNotificationsRepository();
    mail = new RecordingMailSender(0);
    consumer = new OrderNotificationsConsumer(
      repository as unknown as NotificationsRepository,
      mail,
      config,
    );
    orderId = randomUUID();
    repository.orders.set(orderId, {
      email: 'ada@example.com',
      name: 'Ada',
      currency: 'EUR',
      totalCents: 2_500n,
      lines: [{ name: 'Mug', quantity: 2, unitPriceCents: 1_250 }],
    });
  });

  it.each([
    ['order.placed', 'Order confirmed'],
    ['order.shipped', 'Order shipped'],
    ['order.cancelled', 'Order cancelled'],
  ])('tells the customer about %s', async (type, subject) => {
    const { job } = eventJob(type, orderId);
    await expect(consumer.process(job)).resolves.toBe('sent');
    expect(mail.sent).toEqual([
      expect.objectContaining({ to: 'ada@example.com', from: config.worker.mailFrom }),
    ]);
    expect(mail.sent[0]?.subject).toContain(subject);
  });

  it('sends once, however often the job is delivered', async () => {
    const { job } = eventJob('order.placed', orderId);
    await consumer.process(job);
    await expect(consumer.process(job)).resolves.toBe('already sent');
    expect(mail.sent).toHaveLength(1);
  });

  it('sends a notification written by a try that failed to send', async () => {
    mail = new RecordingMailSender(1);
    consumer = new OrderNotificationsConsumer(
      repository as unknown as NotificationsRepository,
      mail,
      config,
    );
    const { job, eventId } = eventJob('order.placed', orderId);
    await expect(consumer.process(job)).rejects.toThrow('mail server unavailable');
    expect(repository.notifications.get(eventId)?.sentAt).toBeNull();
    await expect(consumer.process(job)).resolves.toBe('sent');
    expect(mail.sent.map((sent) => sent.id)).toEqual([repository.notifications.get(eventId)?.id]);
  });

  it('waits for an earlier event of the same order, without spending an attempt', async () => {
    repository.unhandledBefore = 1;
    const { job, delayed } = eventJob('order.cancelled', orderId);
    await expect(consumer.process(job)).rejects.toBeInstanceOf(DelayedError);
    expect(delayed).toHaveLength(1);
    expect(mail.sent).toEqual([]);
  });

  it.each([
    ['a payload without an order', { payload: {} }],
    ['an event type it does not handle', { type: 'order.paid' }],
    ['an id that is no UUID', { id: 'seven' }],
  ])('dead-letters %s at once (poison)', async (_case, overrides) => {
    const { job } = eventJob('order.placed', orderId, overrides);
    await expect(consumer.process(job)).rejects.toBeInstanceOf(PoisonJobError);
  });

  it('dead-letters an event of an order that does not exist', async () => {
    const { job } = eventJob('order.placed', randomUUID());
    await expect(consumer.process(job)).rejects.toBeInstanceOf(PoisonJobError);
  });
});
