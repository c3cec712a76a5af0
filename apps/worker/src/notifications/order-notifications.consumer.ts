import { Injectable } from '@nestjs/common';
import { type Config, InjectConfig } from '@libs/config';
import { withTraceContext } from '@libs/observability';
import { DelayedError, type Job } from 'bullmq';
import { z } from 'zod';
import { JobConsumer, PoisonJobError } from '../queues/job-consumer.js';
import { QUEUES, ROUTES } from '../queues/queue-names.js';
import { MailSender } from './mail-sender.js';
import { NotificationsRepository } from './notifications.repository.js';
import { renderNotification } from './render-notification.js';

/** The event types this consumer handles (see ROUTES). */
const TYPES = Object.entries(ROUTES)
  .filter(([, queues]) => queues.includes(QUEUES.notifications))
  .map(([type]) => type);

const eventJob = z.object({
  id: z.uuid(),
  type: z.enum(TYPES as [string, ...string[]]),
  aggregateId: z.uuid(),
  createdAt: z.iso.datetime(),
  payload: z.object({ orderId: z.uuid(), userId: z.uuid() }),
});

/**
 * Tells customers about their orders. Idempotent: the notification row (unique per event) is
 * written once, and a delivery that finds it already sent does nothing; one found unsent (the
 * previous try failed after writing it) is sent now. Events of one order are handled in order.
 */
@Injectable()
export class OrderNotificationsConsumer extends JobConsumer {
  readonly queue = QUEUES.notifications;

  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly mail: MailSender,
    @InjectConfig() private readonly config: Config,
  ) {
    super();
  }

  /** Runs in the trace of the request that caused the event (its context rode in the outbox). */
  process(job: Job, token?: string): Promise<string> {
    const { headers } = (job.data ?? {}) as { headers?: Record<string, string> };
    return withTraceContext(headers, () => this.handle(job, token));
  }

  private async handle(job: Job, token?: string): Promise<string> {
    const parsed = eventJob.safeParse(job.data);
    if (!parsed.success) throw new PoisonJobError(`not an order event: ${parsed.error.message}`);
    const event = parsed.data;

    let notification = await this.notifications.findByEvent(event.id);
    if (notification?.sentAt) return 'already sent';
    if (!notification) {
      if ((await this.notifications.earlierUnhandled(event, TYPES, this.queue)) > 0) {
        // Wait for the earlier event without spending an attempt: back to the queue, later.
        await job.moveToDelayed(Date.now() + this.config.worker.jobBackoffMs, token);
        throw new DelayedError('an earlier event of this order is not handled yet');
      }
      const order = await this.notifications.orderForMessage(event.payload.orderId);
      if (!order) throw new PoisonJobError(`order ${event.payload.orderId} does not exist`);
      const message = renderNotification({
        type: event.type as Parameters<typeof renderNotification>[0]['type'],
        orderId: event.payload.orderId,
        customerName: order.name,
        currency: order.currency,
        totalCents: Number(order.totalCents),
        lines: order.lines,
      });
      if (!message) return 'nothing to tell';
      notification = await this.notifications.create({
        eventId: event.id,
        userId: event.payload.userId,
        orderId: event.payload.orderId,
        recipient: order.email,
        ...message,
      });
    }
    await this.mail.send({
      id: notification.id,
      from: this.config.worker.mailFrom,
      to: notification.recipient,
      subject: notification.subject,
      text: notification.body,
    });
    await this.notifications.markSent(notification.id, new Date());
    return 'sent';
  }
}
