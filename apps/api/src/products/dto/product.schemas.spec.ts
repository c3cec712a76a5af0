import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { pointersOf, validate } from '../../../test/support/validate.js';
import { encodeCursor } from '../../platform/pagination/cursor.js';
import { createProductBody, listProductsQuery, updateProductBody } from './product.schemas.js';

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

  describe('listProductsQuery', () => {
    it('defaults to the newest first, 20 a page, and trims the search', async () => {
      await expect(validate(listProductsQuery, { q: '  mug ' }, 'query')).resolves.toEqual({
        value: { q: 'mug', sort: '-createdAt', limit: 20 },
      });
    });

    it.each<[object, string]>([
      [{ sort: 'stock' }, '#/sort'],
      [{ sort: 'name;DROP TABLE products' }, '#/sort'],
      [{ limit: '0' }, '#/limit'],
      [{ limit: '101' }, '#/limit'],
      [{ cursor: 'garbage' }, '#/cursor'],
      [{ q: 'x'.repeat(101) }, '#/q'],
      [{ q: '   ' }, '#/q'],
      [{ unknown: '1' }, '#'],
    ])('refuses %j, pointing at %s', async (query, pointer) => {
      expect(await pointersOf(listProductsQuery, query, 'query')).toEqual([pointer]);
    });
  });

  describe('listProductsQuery: the sort value a cursor carries must fit its column', () => {
    const withKey = (key: string): string => encodeCursor({ key, id: randomUUID() });

    it.each([
      ['priceCents', 'priceCents:abc'],
      ['priceCents', 'priceCents:99999999999'],
      ['priceCents', 'priceCents:-1'],
      ['priceCents', 'priceCents:1e3'],
      ['-priceCents', '-priceCents:'],
      ['createdAt', 'createdAt:yesterday'],
      ['-createdAt', '-createdAt:0000-01-01T00:00:00.000Z'],
      ['-createdAt', '-createdAt:2026-13-01T00:00:00.000Z'],
      ['name', 'priceCents:100'],
      ['-createdAt', 'createdAt:2026-01-01T00:00:00.000Z'],
    ])('sort=%s refuses a cursor keyed %j at #/cursor', async (sort, key) => {
      expect(await pointersOf(listProductsQuery, { sort, cursor: withKey(key) }, 'query')).toEqual([
        '#/cursor',
      ]);
    });

    it.each([
      ['name', 'name:Mug'],
      ['-name', '-name:'],
      ['priceCents', 'priceCents:0'],
      ['-priceCents', '-priceCents:100000000'],
      ['createdAt', 'createdAt:2026-01-01T00:00:00.000Z'],
      ['-createdAt', '-createdAt:2026-01-01T00:00:00.000Z'],
    ])('sort=%s accepts the cursor it issues, keyed %j', async (sort, key) => {
      expect(await pointersOf(listProductsQuery, { sort, cursor: withKey(key) }, 'query')).toEqual(
        [],
      );
    });

    it('tells a cursor of another sort order apart from a forged one', async () => {
      const other = await validate(
        listProductsQuery,
        { sort: 'name', cursor: withKey('-createdAt:2026-01-01T00:00:00.000Z') },
        'query',
      );
      expect(other).toEqual({
        errors: [{ pointer: '#/cursor', detail: expect.stringContaining('another sort order') }],
      });
    });
  });
});
