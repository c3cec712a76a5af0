import type {
  NotificationRecord,
  NotificationsRepository,
  OrderForMessage,
} from '../../src/notifications/notifications.repository.js';

type Public<T> = { [K in keyof T]: T[K] };

/** NotificationsRepository in memory: one notification per event, orders by id. */
export class InMemoryNotificationsRepository implements Public<NotificationsRepository> {
  readonly notifications = new Map<string, NotificationRecord & { eventId: string }>();
  readonly orders = new Map<string, OrderForMessage>();
  /** How many earlier events of an order are unhandled, as the database would count them. */
  unhandledBefore = 0;

  findByEvent(eventId: string): Promise<NotificationRecord | null> {
    return Promise.resolve(this.notifications.get(eventId) ?? null);
  }

  earlierUnhandled(): Promise<number> {
    return Promise.resolve(this.unhandledBefore);
  }

  orderForMessage(orderId: string): Promise<OrderForMessage | null> {
    return Promise.resolve(this.orders.get(orderId) ?? null);
  }

  create(notification: {
    eventId: string;
    recipient: string;
    subject: string;
    body: string;
  }): Promise<NotificationRecord> {
    const existing = this.notifications.get(notification.eventId);
    if (existing) return Promise.resolve(existing);
    const row = {
      id: `notification-${this.notifications.size + 1}`,
      eventId: notification.eventId,
      recipient: notification.recipient,
      subject: notification.subject,
      body: notification.body,
      sentAt: null,
    };
    this.notifications.set(notification.eventId, row);
    return Promise.resolve(row);
  }

  markSent(id: string, at: Date): Promise<void> {
    for (const [eventId, row] of this.notifications)
      if (row.id === id) this.notifications.set(eventId, { ...row, sentAt: at });
    return Promise.resolve();
  }
}
