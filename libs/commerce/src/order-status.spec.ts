import { describe, expect, it } from '@jest/globals';
import type { OrderStatus } from '@libs/database';
import { canTransition } from './order-status.js';

const ALL: OrderStatus[] = ['pending', 'paid', 'shipped', 'delivered', 'cancelled'];
const ALLOWED = new Set([
  'pending→paid',
  'paid→shipped',
  'shipped→delivered',
  'pending→cancelled',
  'paid→cancelled',
]);

describe('order status machine', () => {
  it.each(ALL.flatMap((from) => ALL.map((to) => [from, to] as const)))(
    '%s → %s is allowed only if API.md says so',
    (from, to) => {
      expect(canTransition(from, to)).toBe(ALLOWED.has(`${from}→${to}`));
    },
  );
});
