import type { AccountEventType, OrderEventType } from '@libs/commerce';

export const QUEUES = {
  /** Order events that become messages to the customer. */
  notifications: 'order-notifications',
  /** Account events that become mails: verification, password reset, password changed. */
  accountMail: 'account-mail',
  /** Scheduled housekeeping: stale orders, old outbox events, expired idempotency keys. */
  maintenance: 'maintenance',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/** The queues each outbox event is delivered to (none: it is only marked published). */
export const ROUTES: Readonly<Record<OrderEventType | AccountEventType, readonly QueueName[]>> = {
  'order.placed': [QUEUES.notifications],
  'order.paid': [],
  'order.shipped': [QUEUES.notifications],
  'order.delivered': [],
  'order.cancelled': [QUEUES.notifications],
  'account.verification_requested': [QUEUES.accountMail],
  'account.password_reset_requested': [QUEUES.accountMail],
  'account.password_changed': [QUEUES.accountMail],
};

/** The queues of an event type read from the outbox; unknown types go nowhere. */
export function routesOf(type: string): readonly QueueName[] {
  return Object.hasOwn(ROUTES, type) ? ROUTES[type as keyof typeof ROUTES] : [];
}
