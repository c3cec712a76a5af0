import { describe, expect, it } from '@jest/globals';
import { OrderStatus } from '@libs/database';
import { ORDER_STATUSES, canTransition } from './order-status.js';

const ALL = ORDER_STATUSES;
const ALLOWED = new Set([
  'pending→paid',
  'paid→shipped',
  'shipped→delivered',
  'pending→cancelled',
  'paid→cancelled',
]);

describe('order status machine', () => {
  it('knows every status of the database enum', () => {
    expect(ORDER_STATUSES).toEqual(Object.values(OrderStatus));
  });

  it.each(ALL.flatMap((from) => ALL.map((to) => [from, to] as const)))(
    '%s → %s is allowed only if docs/api.md says so',
    (from, to) => {
      expect(canTransition(from, to)).toBe(ALLOWED.has(`${from}→${to}`));
    },
  );
});
