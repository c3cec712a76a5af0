import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { pointersOf, validate } from '../../../test/support/validate.js';
import { listOrdersQuery, placeOrderBody, updateOrderBody } from './order.schemas.js';

const productId = randomUUID();
const line = (fields: object = {}): object => ({ productId, quantity: 1, ...fields });

describe('order request schemas', () => {
  describe('placeOrderBody', () => {
    it('accepts up to 50 distinct lines of 1 to 1000', async () => {
      const items = Array.from({ length: 50 }, (_, index) => ({
        productId: randomUUID(),
        quantity: index === 0 ? 1 : 1000,
      }));
      await expect(validate(placeOrderBody, { items })).resolves.toEqual({ value: { items } });
    });

    it.each<[string, object, string]>([
      ['no lines', { items: [] }, '#/items'],
      ['no items at all', {}, '#/items'],
      ['51 lines', { items: Array.from({ length: 51 }, () => line()) }, '#/items'],
      ['quantity 0', { items: [line({ quantity: 0 })] }, '#/items/0/quantity'],
      ['quantity 1001', { items: [line({ quantity: 1001 })] }, '#/items/0/quantity'],
      ['quantity 1.5', { items: [line({ quantity: 1.5 })] }, '#/items/0/quantity'],
      ['quantity "2"', { items: [line({ quantity: '2' })] }, '#/items/0/quantity'],
      ['a bad product id', { items: [line({ productId: 'nope' })] }, '#/items/0/productId'],
      ['a product twice', { items: [line(), line()] }, '#/items/1/productId'],
      ['a unit price', { items: [line({ unitPriceCents: 1 })] }, '#/items/0'],
      ['a total', { items: [line()], totalCents: 1 }, '#'],
      ['an owner', { items: [line()], userId: randomUUID() }, '#'],
      ['a status', { items: [line()], status: 'paid' }, '#'],
      ['a currency', { items: [line()], currency: 'USD' }, '#'],
    ])('refuses %s, pointing at %s', async (_case, body, pointer) => {
      expect(await pointersOf(placeOrderBody, body)).toContain(pointer);
    });
  });

  describe('updateOrderBody', () => {
    it.each(['paid', 'shipped', 'delivered', 'cancelled', 'pending'])(
      'accepts the status %s (the service decides whether the move is allowed)',
      async (status) => {
        await expect(validate(updateOrderBody, { status })).resolves.toEqual({ value: { status } });
      },
    );

    it.each<[object, string]>([
      [{ status: 'lost' }, '#/status'],
      [{}, '#/status'],
      [{ status: 'paid', totalCents: 0 }, '#'],
    ])('refuses %j, pointing at %s', async (body, pointer) => {
      expect(await pointersOf(updateOrderBody, body)).toContain(pointer);
    });
  });

  describe('listOrdersQuery', () => {
    it('accepts a status and a user to filter by, with the page defaults', async () => {
      const userId = randomUUID();
      await expect(validate(listOrdersQuery, { status: 'paid', userId }, 'query')).resolves.toEqual(
        { value: { status: 'paid', userId, limit: 20 } },
      );
    });

    it.each<[object, string]>([
      [{ status: 'lost' }, '#/status'],
      [{ limit: '0' }, '#/limit'],
      [{ limit: '101' }, '#/limit'],
      [{ cursor: 'x' }, '#/cursor'],
      [{ userId: 'x' }, '#/userId'],
      [{ offset: '3' }, '#'],
    ])('refuses %j, pointing at %s', async (query, pointer) => {
      expect(await pointersOf(listOrdersQuery, query, 'query')).toEqual([pointer]);
    });
  });
});
