import type { OrderStatus, Prisma } from '@libs/database';
import type { OrderRecord, Transaction } from './orders.repository.js';

/** `order.placed` when created, then `order.<status>` for every status it moves to. */
export type OrderEventType = 'order.placed' | `order.${Exclude<OrderStatus, 'pending'>}`;

export const ORDER_AGGREGATE = 'order';

/** What consumers get: the order as it was right after the change. */
export interface OrderEventPayload {
  readonly orderId: string;
  readonly userId: string;
  readonly status: OrderStatus;
  readonly totalCents: number;
  readonly currency: string;
  readonly items: readonly { readonly productId: string; readonly quantity: number }[];
}

/** An outbox row of an order, as the worker publishes it. */
export interface OrderEvent {
  readonly id: string;
  readonly type: OrderEventType;
  readonly aggregateId: string;
  readonly payload: OrderEventPayload;
  readonly createdAt: string;
}

/**
 * Writes the event to the transactional outbox, in the transaction of the change it announces:
 * it exists if and only if the change committed. The worker delivers it (at least once).
 */
export async function recordOrderEvent(
  tx: Transaction,
  type: OrderEventType,
  order: OrderRecord,
  headers: Readonly<Record<string, string>> = {},
): Promise<void> {
  const payload: OrderEventPayload = {
    orderId: order.id,
    userId: order.userId,
    status: order.status,
    totalCents: Number(order.totalCents),
    currency: order.currency,
    items: order.lines.map(({ productId, quantity }) => ({ productId, quantity })),
  };
  await tx.outboxEvent.create({
    data: {
      aggregateType: ORDER_AGGREGATE,
      aggregateId: order.id,
      type,
      payload: payload as unknown as Prisma.InputJsonObject,
      headers,
    },
  });
}
