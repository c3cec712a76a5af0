import type { OrderStatus } from '@libs/database';

/** The status machine of docs/api.md: pending → paid → shipped → delivered; pending | paid → cancelled. */
const NEXT: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  pending: ['paid', 'cancelled'],
  paid: ['shipped', 'cancelled'],
  shipped: ['delivered'],
  delivered: [],
  cancelled: [],
};

/** Every status, in the order of the machine (the keys above cover the database enum). */
export const ORDER_STATUSES = Object.keys(NEXT) as [OrderStatus, ...OrderStatus[]];

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return NEXT[from].includes(to);
}
