import { z } from 'zod';
import { pageQuery } from '../../platform/pagination/cursor.js';
import { ORDER_STATUSES, type OrderRecord } from '@libs/commerce';

const orderStatus = z.enum(ORDER_STATUSES);

export const orderIdParam = z.uuid();

/**
 * What a client may send: products and quantities. Prices, totals, owner and status are the
 * server's (unknown fields are refused), and each product appears once.
 */
export const placeOrderBody = z.strictObject({
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
  .meta({ id: 'Order' });
export type OrderResponse = z.infer<typeof orderResponse>;

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
