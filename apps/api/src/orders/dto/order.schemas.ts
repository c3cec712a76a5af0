import { z } from 'zod';
import { pageQuery, pageSchema } from '../../platform/pagination/cursor.js';
import { ORDER_STATUSES, type OrderRecord } from '@libs/commerce';

const orderStatus = z.enum(ORDER_STATUSES);

export const orderIdParam = z.uuid();

/**
 * What a client may send: products and quantities. Prices, totals, owner and status are the
 * server's (unknown fields are refused), and each product appears once.
 */
export const placeOrderBody = z
  .strictObject({
    items: z
      .array(
        z.strictObject({
          productId: z.uuid(),
          quantity: z.int().min(1).max(1000),
        }),
      )
      .min(1)
      .max(50)
      .superRefine((items, context) => {
        const seen = new Set<string>();
        items.forEach(({ productId }, index) => {
          if (seen.has(productId))
            context.addIssue({
              code: 'custom',
              message: 'names a product already listed: one line per product',
              path: [index, 'productId'],
            });
          seen.add(productId);
        });
      }),
  })
  .meta({
    examples: [{ items: [{ productId: '01936f8e-6d4b-7c2f-8e3a-5b7c9d1e3f50', quantity: 2 }] }],
  });
export type PlaceOrderBody = z.output<typeof placeOrderBody>;

export const listOrdersQuery = pageQuery.extend({
  status: orderStatus.optional(),
  userId: z.uuid().optional(),
});

export const updateOrderBody = z.strictObject({ status: orderStatus });

export const orderResponse = z
  .object({
    id: z.uuid(),
    userId: z.uuid(),
    status: orderStatus,
    items: z.array(
      z.object({
        productId: z.uuid(),
        sku: z.string(),
        name: z.string(),
        quantity: z.int(),
        unitPriceCents: z.int(),
      }),
    ),
    totalCents: z.int(),
    currency: z.string(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({
    id: 'Order',
    examples: [
      {
        id: '01936f8e-7e5c-7d30-9f4b-6c8d0e2f4a61',
        userId: '01936f8e-5c3a-7b1e-9d2f-4a6b8c0d2e4f',
        status: 'pending',
        items: [
          {
            productId: '01936f8e-6d4b-7c2f-8e3a-5b7c9d1e3f50',
            sku: 'MUG-ENAMEL-01',
            name: 'Enamel mug',
            quantity: 2,
            unitPriceCents: 1290,
          },
        ],
        totalCents: 2580,
        currency: 'EUR',
        createdAt: '2026-01-16T12:00:00.000Z',
        updatedAt: '2026-01-16T12:00:00.000Z',
      },
    ],
  });
export type OrderResponse = z.infer<typeof orderResponse>;
export const orderPage = pageSchema(orderResponse, 'OrderPage');

export function toOrderResponse(order: OrderRecord): OrderResponse {
  return {
    id: order.id,
    userId: order.userId,
    status: order.status,
    items: order.lines.map((line) => ({
      productId: line.productId,
      sku: line.sku,
      name: line.name,
      quantity: line.quantity,
      unitPriceCents: line.unitPriceCents,
    })),
    totalCents: Number(order.totalCents),
    currency: order.currency,
    createdAt: order.createdAt.toISOString(),
    updatedAt: order.updatedAt.toISOString(),
  };
}
