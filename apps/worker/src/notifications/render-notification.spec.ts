import { describe, expect, it } from '@jest/globals';
import { formatMoney, renderNotification } from './render-notification.js';

describe('renderNotification', () => {
  const order = {
    orderId: '0198c9d2-1111-7222-8333-44445555abcd',
    customerName: 'Ada',
    currency: 'EUR',
    totalCents: 3_300,
    lines: [
      { name: 'Mug', quantity: 2, unitPriceCents: 1_450 },
      { name: 'Stickers', quantity: 1, unitPriceCents: 400 },
    ],
  };

  it('confirms a placed order with its lines and total', () => {
    const message = renderNotification({ ...order, type: 'order.placed' });
    expect(message).toEqual({
      kind: 'order_confirmation',
      subject: 'Order confirmed: 5555ABCD',
      body: expect.stringContaining('2 × Mug  €29.00'),
    });
    expect(message?.body).toContain('Total  €33.00');
    expect(message?.body).toContain('Hello Ada,');
  });

  it('tells about shipping and cancellation, and nothing else', () => {
    expect(renderNotification({ ...order, type: 'order.shipped' })?.kind).toBe('order_shipped');
    expect(renderNotification({ ...order, type: 'order.cancelled' })?.kind).toBe('order_cancelled');
    expect(renderNotification({ ...order, type: 'order.paid' })).toBeNull();
  });

  it('formats minor units with the currency’s decimals', () => {
    expect(formatMoney(1_234, 'EUR')).toBe('€12.34');
    expect(formatMoney(1_234, 'JPY')).toBe('¥1,234');
    // ICU puts a no-break space after the code.
    expect(formatMoney(1_234, 'KWD')).toMatch(/^KWD\s1\.234$/u);
  });
});
