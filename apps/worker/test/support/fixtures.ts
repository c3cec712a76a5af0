import {
  OrderTransitions,
  OrdersRepository,
  recordOrderEvent,
  type OrderRecord,
} from '@libs/commerce';
import { PrismaService } from '@libs/database';
import type { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';

const LIMITS = { maxWaitMs: 5_000, timeoutMs: 10_000 };

/** Rows the worker consumes, written the way the API writes them (libs/commerce). */
export class Fixtures {
  private readonly prisma: PrismaService;
  private readonly orders: OrdersRepository;
  private readonly transitions: OrderTransitions;

  constructor(app: INestApplicationContext) {
    this.prisma = app.get(PrismaService);
    this.orders = app.get(OrdersRepository);
    this.transitions = app.get(OrderTransitions);
  }

  async user(): Promise<string> {
    const email = `buyer-${randomUUID()}@example.com`;
    return (await this.prisma.user.create({ data: { email, name: 'Ada' } })).id;
  }

  async product(stock = 1_000): Promise<string> {
    const data = {
      sku: `SKU-${randomUUID()}`,
      name: 'Mug',
      priceCents: 1_450,
      currency: 'EUR',
      stock,
    };
    return (await this.prisma.product.create({ data })).id;
  }

  /** A pending order of `quantity` × product with its `order.placed` event, in one transaction. */
  placeOrder(userId: string, productId: string, quantity = 1): Promise<OrderRecord> {
    return this.orders.transaction(async (tx) => {
      const [product] = await this.orders.lockProducts(tx, [productId]);
      if (!product) throw new Error('no such product');
      await this.orders.takeStock(tx, [{ productId, quantity }]);
      const order = await this.orders.insert(tx, {
        userId,
        currency: product.currency,
        totalCents: BigInt(product.priceCents * quantity),
        lines: [
          {
            productId,
            sku: product.sku,
            name: product.name,
            quantity,
            unitPriceCents: product.priceCents,
          },
        ],
      });
      await recordOrderEvent(tx, 'order.placed', order);
      return order;
    }, LIMITS);
  }

  /** Cancels an order the way the API does (the same status change: stock back, `order.cancelled`). */
  async cancel(orderId: string): Promise<void> {
    await this.transitions.change(orderId, 'cancelled', () => true);
  }

  stock(productId: string): Promise<number> {
    return this.prisma.product.findUniqueOrThrow({ where: { id: productId } }).then((p) => p.stock);
  }

  notifications(orderIds: readonly string[]) {
    return this.prisma.notification.findMany({ where: { orderId: { in: [...orderIds] } } });
  }
}
