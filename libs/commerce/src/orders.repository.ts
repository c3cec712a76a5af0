import { Injectable } from '@nestjs/common';
import { type Config, InjectConfig } from '@libs/config';
import {
  type OrderStatus,
  Prisma,
  PrismaService,
  type Transaction,
  keysetAfter,
} from '@libs/database';

export type { Transaction } from '@libs/database';

export interface OrderLineRecord {
  readonly productId: string;
  readonly sku: string;
  readonly name: string;
  readonly quantity: number;
  readonly unitPriceCents: number;
}

export interface OrderRecord {
  readonly id: string;
  readonly userId: string;
  readonly status: OrderStatus;
  readonly totalCents: bigint;
  readonly currency: string;
  readonly version: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly lines: readonly OrderLineRecord[];
}

/** A catalog row as an order sees it while holding its lock. */
export interface LockedProduct {
  readonly id: string;
  readonly sku: string;
  readonly name: string;
  readonly priceCents: number;
  readonly currency: string;
  readonly stock: number;
  readonly active: boolean;
}

/** An order row as a status change sees it while holding its lock. */
export interface LockedOrder {
  readonly userId: string;
  readonly status: OrderStatus;
  readonly version: number;
}

/** Bounds of one transaction: waiting for a connection, and the work itself. */
interface TransactionLimits {
  readonly maxWaitMs: number;
  readonly timeoutMs: number;
}

export interface NewOrder {
  readonly userId: string;
  readonly currency: string;
  readonly totalCents: bigint;
  readonly lines: readonly OrderLineRecord[];
}

const ORDER_COLUMNS = Prisma.sql`"id", "user_id" AS "userId", "status"::text AS "status",
  "total_cents" AS "totalCents", "currency", "version", "created_at" AS "createdAt",
  "updated_at" AS "updatedAt"`;

const LINE_FIELDS = {
  productId: true,
  sku: true,
  name: true,
  quantity: true,
  unitPriceCents: true,
} as const;

const WITH_LINES = { lines: { select: LINE_FIELDS, orderBy: { lineNo: 'asc' } } } as const;

@Injectable()
export class OrdersRepository {
  /** Waiting for a connection is bounded like any other query; the work itself is short. */
  private readonly limits: TransactionLimits;

  constructor(
    private readonly prisma: PrismaService,
    @InjectConfig() config: Config,
  ) {
    this.limits = {
      maxWaitMs: config.database.poolTimeoutMs || 2_000,
      timeoutMs: config.database.statementTimeoutMs || 10_000,
    };
  }

  /**
   * Runs `work` in one transaction (READ COMMITTED; the row locks below make it safe). Waiting
   * for a connection and the work itself are bounded, so an overloaded database fails fast.
   */
  transaction<T>(
    work: (tx: Transaction) => Promise<T>,
    limits: TransactionLimits = this.limits,
  ): Promise<T> {
    return this.prisma.$transaction(work, { maxWait: limits.maxWaitMs, timeout: limits.timeoutMs });
  }

  /**
   * Locks the products in id order. Every transaction that takes stock locks this way, so two
   * orders for the same products queue behind each other instead of deadlocking.
   */
  lockProducts(tx: Transaction, ids: readonly string[]): Promise<LockedProduct[]> {
    return tx.$queryRaw<LockedProduct[]>`
      SELECT "id", "sku", "name", "price_cents" AS "priceCents", "currency", "stock", "active"
      FROM "products" WHERE "id" = ANY(${ids}::uuid[])
      ORDER BY "id" FOR UPDATE`;
  }

  /**
   * Takes stock for every line in one statement, each only if enough is left: the condition
   * `stock >= quantity` (and the CHECK constraint behind it) means stock never goes below zero.
   * Returns how many lines were filled; fewer than asked means the order must not be placed.
   */
  takeStock(
    tx: Transaction,
    lines: readonly { productId: string; quantity: number }[],
  ): Promise<number> {
    return tx.$executeRaw`
      UPDATE "products" AS p
      SET "stock" = p."stock" - l."quantity", "version" = p."version" + 1, "updated_at" = now()
      FROM unnest(${lines.map((line) => line.productId)}::uuid[],
                  ${lines.map((line) => line.quantity)}::integer[]) AS l("product_id", "quantity")
      WHERE p."id" = l."product_id" AND p."active" AND p."stock" >= l."quantity"`;
  }

  /** Gives an order's quantities back to the catalog; returns the products changed. */
  async returnStock(tx: Transaction, orderId: string): Promise<string[]> {
    await tx.$queryRaw`
      SELECT 1 FROM "products"
      WHERE "id" IN (SELECT "product_id" FROM "order_lines" WHERE "order_id" = ${orderId}::uuid)
      ORDER BY "id" FOR UPDATE`;
    const changed = await tx.$queryRaw<{ id: string }[]>`
      UPDATE "products" AS p
      SET "stock" = p."stock" + l."quantity", "version" = p."version" + 1, "updated_at" = now()
      FROM "order_lines" AS l
      WHERE l."order_id" = ${orderId}::uuid AND p."id" = l."product_id"
      RETURNING p."id"`;
    return changed.map(({ id }) => id);
  }

  /** The order and its lines: two INSERTs, whatever the number of lines. */
  async insert(tx: Transaction, order: NewOrder): Promise<OrderRecord> {
    const { lines, ...fields } = order;
    const created = await tx.order.create({ data: fields });
    await tx.orderLine.createMany({
      data: lines.map((line, lineNo) => ({ ...line, orderId: created.id, lineNo })),
    });
    return { ...created, lines };
  }

  /** Locks the order row: status changes of one order happen one at a time. */
  async lockOrder(tx: Transaction, id: string): Promise<LockedOrder | undefined> {
    const [row] = await tx.$queryRaw<LockedOrder[]>`
      SELECT "user_id" AS "userId", "status"::text AS "status", "version"
      FROM "orders" WHERE "id" = ${id}::uuid FOR UPDATE`;
    return row;
  }

  setStatus(tx: Transaction, id: string, status: OrderStatus): Promise<OrderRecord> {
    return tx.order.update({
      where: { id },
      data: { status, version: { increment: 1 } },
      include: WITH_LINES,
    });
  }

  /**
   * The order, if it exists and (when `ownerId` is given) belongs to that user. One round trip (the hottest read of the API): the order with its lines aggregated as JSON,
   * where Prisma's `include` would send a second query for the lines.
   */
  async findById(id: string, ownerId?: string): Promise<OrderRecord | null> {
    const owner =
      ownerId === undefined ? Prisma.empty : Prisma.sql`AND o."user_id" = ${ownerId}::uuid`;
    const [order] = await this.prisma.$queryRaw<OrderRecord[]>`
      SELECT o."id", o."user_id" AS "userId", o."status"::text AS "status",
             o."total_cents" AS "totalCents", o."currency", o."version",
             o."created_at" AS "createdAt", o."updated_at" AS "updatedAt",
             (SELECT coalesce(json_agg(json_build_object(
                       'productId', l."product_id", 'sku', l."sku", 'name', l."name",
                       'quantity', l."quantity", 'unitPriceCents', l."unit_price_cents")
                     ORDER BY l."line_no"), '[]')
              FROM "order_lines" AS l WHERE l."order_id" = o."id") AS "lines"
      FROM "orders" AS o WHERE o."id" = ${id}::uuid ${owner}`;
    return order ?? null;
  }

  /**
   * A page of orders, newest first, after the cursor: keyset pagination on (created_at, id)
   * with a row comparison the indexes answer directly. Two queries whatever the page size:
   * the orders, then the lines of all of them.
   */
  async list(options: {
    limit: number;
    before?: { createdAt: Date; id: string };
    userId?: string;
    status?: OrderStatus;
  }): Promise<OrderRecord[]> {
    const { limit, before, userId, status } = options;
    const conditions = [Prisma.sql`TRUE`];
    if (userId) conditions.push(Prisma.sql`"user_id" = ${userId}::uuid`);
    if (status) conditions.push(Prisma.sql`"status" = ${status}::"order_status"`);
    if (before)
      conditions.push(
        keysetAfter(Prisma.raw('"created_at"'), Prisma.sql`${before.createdAt}`, before.id, true),
      );
    const orders = await this.prisma.$queryRaw<Omit<OrderRecord, 'lines'>[]>`
      SELECT ${ORDER_COLUMNS} FROM "orders"
      WHERE ${Prisma.join(conditions, ' AND ')}
      ORDER BY "created_at" DESC, "id" DESC
      LIMIT ${limit}`;
    if (orders.length === 0) return [];

    const lines = await this.prisma.orderLine.findMany({
      where: { orderId: { in: orders.map((order) => order.id) } },
      select: { orderId: true, ...LINE_FIELDS },
      orderBy: [{ orderId: 'asc' }, { lineNo: 'asc' }],
    });
    const linesOf = Map.groupBy(lines, (line) => line.orderId);
    return orders.map((order) => ({
      ...order,
      lines: (linesOf.get(order.id) ?? []).map(({ orderId: _, ...line }) => line),
    }));
  }
}
