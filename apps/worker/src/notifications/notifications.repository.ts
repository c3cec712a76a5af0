import { Injectable } from '@nestjs/common';
import { PrismaService } from '@libs/database';

export interface NotificationRecord {
  readonly id: string;
  readonly recipient: string;
  readonly subject: string;
  readonly body: string;
  readonly sentAt: Date | null;
}

export interface OrderForMessage {
  readonly email: string;
  readonly name: string;
  readonly currency: string;
  readonly totalCents: bigint;
  readonly lines: readonly { name: string; quantity: number; unitPriceCents: number }[];
}

const NOTIFICATION_FIELDS = {
  id: true,
  recipient: true,
  subject: true,
  body: true,
  sentAt: true,
} as const;

@Injectable()
export class NotificationsRepository {
  constructor(private readonly prisma: PrismaService) {}

  findByEvent(eventId: string): Promise<NotificationRecord | null> {
    return this.prisma.notification.findUnique({
      where: { eventId },
      select: NOTIFICATION_FIELDS,
    });
  }

  /**
   * Earlier events of the same order, of the given types, not handled yet: neither notified nor
   * dead-lettered. Events of one order are told in the order they happened.
   */
  async earlierUnhandled(
    event: { id: string; aggregateId: string; createdAt: string },
    types: readonly string[],
    queue: string,
  ): Promise<number> {
    const [row] = await this.prisma.$queryRaw<{ count: number }[]>`
      SELECT count(*)::int AS "count" FROM "outbox_events" AS e
      WHERE e."aggregate_id" = ${event.aggregateId}::uuid AND e."type" = ANY(${types})
        AND (e."created_at", e."id") < (${new Date(event.createdAt)}, ${event.id}::uuid)
        AND NOT EXISTS (SELECT 1 FROM "notifications" AS n WHERE n."event_id" = e."id")
        AND NOT EXISTS (SELECT 1 FROM "dead_letters" AS d
                        WHERE d."queue" = ${queue} AND d."job_id" = e."id"::text)`;
    return row?.count ?? 0;
  }

  async orderForMessage(orderId: string): Promise<OrderForMessage | null> {
    const order = await this.prisma.order.findUnique({
      where: { id: orderId },
      select: {
        currency: true,
        totalCents: true,
        user: { select: { email: true, name: true } },
        lines: {
          select: { name: true, quantity: true, unitPriceCents: true },
          orderBy: { lineNo: 'asc' },
        },
      },
    });
    return order && { ...order.user, ...order, lines: order.lines };
  }

  /** The notification of an event: created once, whatever the number of deliveries. */
  create(notification: {
    eventId: string;
    userId: string;
    orderId: string;
    kind: string;
    recipient: string;
    subject: string;
    body: string;
  }): Promise<NotificationRecord> {
    return this.prisma.notification.upsert({
      where: { eventId: notification.eventId },
      create: notification,
      update: {},
      select: NOTIFICATION_FIELDS,
    });
  }

  async markSent(id: string, at: Date): Promise<void> {
    await this.prisma.notification.update({ where: { id }, data: { sentAt: at } });
  }
}
