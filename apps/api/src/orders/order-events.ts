import type { OrderStatus } from '@libs/database';
import type { OrderRecord, Transaction } from './orders.repository.js';

/** `order.placed` when created, then `order.<status>` for every status it moves to. */
export type OrderEventType = 'order.placed' | `order.${Exclude<OrderStatus, 'pending'>}`;

/**
 * Writes the event to the transactional outbox, in the transaction of the change it announces:
 * it exists if and only if the change committed. The worker delivers it (at least once).
 */
export async function recordOrderEvent(
  tx: Transaction,
  type: OrderEventType,
  order: OrderRecord,
): Promise<void> {
  await tx.outboxEvent.create({
    data: {
      aggregateType: 'order',
      aggregateId: order.id,
      type,
      payload: {
        orderId: order.id,
        userId: order.userId,
        status: order.status,
        totalCents: Number(order.totalCents),
        currency: order.currency,
        items: order.lines.map(({ productId, quantity }) => ({ productId, quantity })),
      },
    },
  });
}
