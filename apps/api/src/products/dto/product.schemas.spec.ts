import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { pointersOf, validate } from '../../../test/support/validate.js';
import { createProductBody, updateProductBody } from './product.schemas.js';

const valid = { sku: 'MUG-1', name: 'Mug', priceCents: 1, currency: 'EUR', stock: 1 };

describe('product request schemas', () => {
  describe('createProductBody', () => {
    it('accepts a product, trimming the name and defaulting the description', async () => {
      await expect(validate(createProductBody, { ...valid, name: '  Mug  ' })).resolves.toEqual({
        value: { ...valid, name: 'Mug', description: '' },
      });
    });

    it.each([
      [{ priceCents: 0 }],
      [{ priceCents: 100_000_000 }],
      [{ stock: 0 }],
      [{ currency: 'JPY' }],
      [{ sku: 'a.b_c-9' }],
      [{ name: 'x'.repeat(200) }],
    ])('accepts the edge value %j', async (fields) => {
      expect(await pointersOf(createProductBody, { ...valid, ...fields })).toEqual([]);
    });

    it.each([
      [{ priceCents: -1 }, '#/priceCents'],
      [{ priceCents: 1.5 }, '#/priceCents'],
      [{ priceCents: 100_000_001 }, '#/priceCents'],
      [{ priceCents: '5' }, '#/priceCents'],
      [{ stock: -1 }, '#/stock'],
      [{ currency: 'eur' }, '#/currency'],
      [{ currency: 'XYZ' }, '#/currency'],
      [{ name: '   ' }, '#/name'],
      [{ name: 'x'.repeat(201) }, '#/name'],
      [{ sku: 'has space' }, '#/sku'],
      [{ sku: '-leading-dash' }, '#/sku'],
      [{ sku: '' }, '#/sku'],
      [{ description: 'nul \u0000 byte' }, '#/description'],
      [{ id: randomUUID() }, '#'],
      [{ active: false }, '#'],
      [{ createdAt: '2020-01-01T00:00:00Z' }, '#'],
    ])('refuses %j, pointing at %s', async (fields, pointer) => {
      expect(await pointersOf(createProductBody, { ...valid, ...fields })).toContain(pointer);
    });
  });

  describe('updateProductBody', () => {
    it('accepts any subset of the changeable fields', async () => {
      const changes = { name: 'New', description: 'd', priceCents: 2, stock: 3, active: false };
      await expect(validate(updateProductBody, changes)).resolves.toEqual({ value: changes });
    });

    it.each([
      [{}, '#'],
      [{ sku: 'NEW-SKU' }, '#'],
      [{ currency: 'USD' }, '#'],
      [{ version: 9 }, '#'],
      [{ stock: -1 }, '#/stock'],
    ])('refuses %j, pointing at %s', async (body, pointer) => {
      expect(await pointersOf(updateProductBody, body)).toContain(pointer);
    });
  });
});
