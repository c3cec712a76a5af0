import { z } from 'zod';
import {
  NOT_OUR_CURSOR,
  pageQuery,
  pageSchema,
  parseCursorTime,
} from '../../platform/pagination/cursor.js';
import { text } from '../../platform/validation/fields.js';
import {
  PRODUCT_SORTS,
  type ProductRecord,
  type ProductSort,
  type ProductSortField,
  sortField,
} from '../products.repository.js';

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

/** The product of the OpenAPI examples, as created and as answered. */
const EXAMPLE = {
  sku: 'MUG-ENAMEL-01',
  name: 'Enamel mug',
  description: 'White enamel, 350 ml.',
  priceCents: 1290,
  currency: 'EUR',
  stock: 42,
};

export const productIdParam = z.uuid();

export const createProductBody = z
  .strictObject({
    sku,
    name: productName,
    description: description.default(''),
    priceCents,
    currency: currencyCode,
    stock,
  })
  .meta({
    examples: [EXAMPLE],
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

/**
 * The sort value a cursor may carry under each sort: what the listing's SQL compares it as, so a
 * forged cursor is a 400 here and never a failed cast in the query.
 */
const SORT_VALUE: Readonly<Record<ProductSortField, (value: string) => boolean>> = {
  name: () => true, // any text (the payload refused NUL) compares as varchar
  priceCents: (value) => /^\d{1,9}$/.test(value) && priceCents.safeParse(Number(value)).success,
  createdAt: (value) => parseCursorTime(value) !== undefined,
};

/** Why a cursor cannot continue a listing in `sort` order, or undefined when it can. */
function cursorMismatch(key: string, sort: ProductSort): string | undefined {
  const prefix = `${sort}:`;
  // Under another order the listing would skip or repeat items.
  if (!key.startsWith(prefix)) return 'belongs to a listing in another sort order';
  return SORT_VALUE[sortField(sort)](key.slice(prefix.length)) ? undefined : NOT_OUR_CURSOR;
}

export const listProductsQuery = pageQuery
  .extend({
    q: text({ max: 100 }).trim().min(1).optional(),
    sort: z.enum(PRODUCT_SORTS).default('-createdAt'),
  })
  .superRefine((query, context) => {
    const mismatch = query.cursor && cursorMismatch(query.cursor.key, query.sort);
    if (mismatch) context.addIssue({ code: 'custom', message: mismatch, path: ['cursor'] });
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
  .meta({
    id: 'Product',
    examples: [
      {
        id: '01936f8e-6d4b-7c2f-8e3a-5b7c9d1e3f50',
        ...EXAMPLE,
        active: true,
        createdAt: '2026-01-15T09:30:00.000Z',
        updatedAt: '2026-01-16T11:00:00.000Z',
      },
    ],
  });
export type ProductResponse = z.infer<typeof productResponse>;
export const productPage = pageSchema(productResponse, 'ProductPage');

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
