import { z } from 'zod';
import { pageQuery } from '../../platform/pagination/cursor.js';
import { text } from '../../platform/validation/fields.js';
import { PRODUCT_SORTS, type ProductRecord } from '../products.repository.js';

const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

/** ISO-4217 code of a currency this runtime knows, e.g. `EUR`. */
export const currencyCode = z
  .string()
  .regex(/^[A-Z]{3}$/, 'must be three upper-case letters (ISO 4217)')
  .refine((code) => CURRENCIES.has(code), 'is not an ISO 4217 currency')
  .meta({ example: 'EUR' });

/** Minor units (cents); up to one million major units keeps every order total exact. */
export const priceCents = z.int().min(0).max(100_000_000);
export const stock = z.int().min(0).max(1_000_000_000);
const sku = text({ min: 1, max: 64 })
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'letters, digits, ".", "_" and "-", starting alnum')
  .meta({ example: 'MUG-ENAMEL-01' });
const productName = text({ max: 200 }).trim().min(1);
const description = text({ max: 4000 });

export const productIdParam = z.uuid();

export const createProductBody = z.strictObject({
  sku,
  name: productName,
  description: description.default(''),
  priceCents,
  currency: currencyCode,
  stock,
});

export const updateProductBody = z
  .strictObject({
    name: productName.optional(),
    description: description.optional(),
    priceCents: priceCents.optional(),
    stock: stock.optional(),
    active: z.boolean().optional(),
  })
  .refine((changes) => Object.keys(changes).length > 0, {
    message: 'names no field to change',
  });

export const listProductsQuery = pageQuery
  .extend({
    q: text({ max: 100 }).trim().min(1).optional(),
    sort: z.enum(PRODUCT_SORTS).default('-createdAt'),
  })
  // A cursor continues the listing it came from; under another order it would skip or repeat.
  .refine((query) => !query.cursor || query.cursor.key.startsWith(`${query.sort}:`), {
    message: 'belongs to a listing in another sort order',
    path: ['cursor'],
  });

export const productResponse = z
  .object({
    id: z.uuid(),
    sku: z.string(),
    name: z.string(),
    description: z.string(),
    priceCents: z.int(),
    currency: z.string(),
    stock: z.int(),
    active: z.boolean(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Product' });
export type ProductResponse = z.infer<typeof productResponse>;

export function toProductResponse(product: ProductRecord): ProductResponse {
  return {
    id: product.id,
    sku: product.sku,
    name: product.name,
    description: product.description,
    priceCents: product.priceCents,
    currency: product.currency,
    stock: product.stock,
    active: product.active,
    createdAt: product.createdAt.toISOString(),
    updatedAt: product.updatedAt.toISOString(),
  };
}
