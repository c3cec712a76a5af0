import { Injectable } from '@nestjs/common';
import { type Config, InjectConfig } from '@libs/config';
import { BusinessMetrics, currentTraceContext } from '@libs/observability';
import type { OrderStatus } from '@libs/database';
import {
  CatalogCache,
  type LockedProduct,
  type OrderLineRecord,
  type OrderRecord,
  OrderTransitions,
  OrdersRepository,
  type Transaction,
  canTransition,
  recordOrderEvent,
} from '@libs/commerce';
import { AuditService } from '../audit/audit.service.js';
import type { AuthenticatedUser } from '../auth/guards/authenticated-user.js';
import { DomainError } from '../platform/errors/domain-error.js';
import { IdempotencyService } from '../platform/idempotency/idempotency.service.js';
import type { Cursor, Page } from '../platform/pagination/cursor.js';
import { cursorTime, toPage } from '../platform/pagination/cursor.js';
import type { FieldError } from '../platform/problem/problem-details.js';
import { UsersRepository } from '../users/users.repository.js';
import { type OrderResponse, type PlaceOrderBody, toOrderResponse } from './dto/order.schemas.js';

/** Who acts on orders: what ownership and admin checks need of the authenticated user. */
export type OrderActor = Pick<AuthenticatedUser, 'id' | 'role'>;

/** An order as answered, with the version its ETag is made of (plain data: it is replayed). */
export interface VersionedOrder {
  readonly order: OrderResponse;
  readonly version: number;
}

const versioned = (order: OrderRecord): VersionedOrder => ({
  order: toOrderResponse(order),
  version: order.version,
});

/** The lines of an order at catalog prices, or the domain error that stops it. */
function priceLines(items: PlaceOrderBody['items'], products: readonly LockedProduct[]) {
  const byId = new Map(products.map((product) => [product.id, product]));
  const unavailable: FieldError[] = [];
  const short: FieldError[] = [];
  const lines: OrderLineRecord[] = [];
  items.forEach(({ productId, quantity }, index) => {
    const product = byId.get(productId);
    if (!product?.active) {
      unavailable.push({ pointer: `#/items/${index}/productId`, detail: 'is not for sale' });
      return;
    }
    if (product.stock < quantity)
      short.push({ pointer: `#/items/${index}/quantity`, detail: `only ${product.stock} left` });
    lines.push({
      productId,
      sku: product.sku,
      name: product.name,
      quantity,
      unitPriceCents: product.priceCents,
    });
  });
  if (unavailable.length > 0)
    throw new DomainError('product_unavailable', 'A product is unknown or archived.', unavailable);
  const currencies = new Set(products.map((product) => product.currency));
  if (currencies.size > 1)
    throw new DomainError('mixed_currencies', `Lines are priced in ${[...currencies].join(', ')}.`);
  if (short.length > 0)
    throw new DomainError('insufficient_stock', 'Not enough stock for every line.', short);
  return { lines, currency: products[0]?.currency ?? '' };
}

@Injectable()
export class OrdersService {
  private readonly limits: { maxWaitMs: number; timeoutMs: number };
  private readonly requireVerifiedEmail: boolean;

  constructor(
    private readonly orders: OrdersRepository,
    private readonly transitions: OrderTransitions,
    private readonly catalog: CatalogCache,
    private readonly metrics: BusinessMetrics,
    private readonly idempotency: IdempotencyService,
    private readonly audit: AuditService,
    @InjectConfig() config: Config,
    private readonly users: UsersRepository,
  ) {
    this.requireVerifiedEmail = config.auth.requireVerifiedEmail;
    // Waiting for a connection is bounded like any other query; the work itself is short.
    this.limits = {
      maxWaitMs: config.database.poolTimeoutMs || 2_000,
      timeoutMs: config.database.statementTimeoutMs || 10_000,
    };
  }

  /**
   * One transaction: take the Idempotency-Key, lock the products (in id order), check them, take
   * the stock conditionally, write the order with its price snapshot and server-computed total,
   * the outbox event and the key's outcome. Any failure rolls all of it back, key included, so a
   * retry runs again; a twin request waits for this one and replays its outcome.
   */
  async place(
    userId: string,
    items: PlaceOrderBody['items'],
    key: string,
  ): Promise<{ placed: VersionedOrder; replayed: boolean }> {
    if (this.requireVerifiedEmail) {
      // AUTH_REQUIRE_VERIFIED_EMAIL: only accounts that proved their address may order.
      const user = await this.users.findById(userId);
      if (!user?.emailVerifiedAt) throw new DomainError('email_not_verified');
    }
    const request = { userId, key, fingerprint: ['POST /v1/orders', { items }] };
    const outcome = await this.orders.transaction(
      (tx) => this.idempotency.once(tx, request, () => this.placeIn(tx, userId, items)),
      this.limits,
    );
    if (!outcome.replayed && 'result' in outcome) {
      await this.catalog.invalidate(...items.map((item) => item.productId));
      this.metrics.orderPlaced();
    }
    const { result, replayed } = this.idempotency.settle(outcome);
    return { placed: result, replayed };
  }

  private async placeIn(
    tx: Transaction,
    userId: string,
    items: PlaceOrderBody['items'],
  ): Promise<VersionedOrder> {
    const productIds = items.map((item) => item.productId);
    const { lines, currency } = priceLines(items, await this.orders.lockProducts(tx, productIds));
    const filled = await this.orders.takeStock(tx, items);
    // Cannot happen while the rows are locked; checked so an oversell can never commit.
    if (filled !== items.length) throw new DomainError('insufficient_stock');
    const totalCents = lines.reduce(
      (sum, line) => sum + BigInt(line.unitPriceCents) * BigInt(line.quantity),
      0n,
    );
    const placed = await this.orders.insert(tx, { userId, currency, totalCents, lines });
    await recordOrderEvent(tx, 'order.placed', placed, currentTraceContext());
    return versioned(placed);
  }

  async get(actor: OrderActor, id: string): Promise<VersionedOrder> {
    const order = await this.orders.findById(id, actor.role === 'admin' ? undefined : actor.id);
    if (!order) throw new DomainError('order_not_found');
    return versioned(order);
  }

  /** Own orders; an admin sees everyone's, or one user's with `userId`. Newest first. */
  async list(
    actor: OrderActor,
    query: {
      limit: number;
      cursor?: Cursor | undefined;
      status?: OrderStatus | undefined;
      userId?: string | undefined;
    },
  ): Promise<Page<OrderResponse>> {
    if (query.userId !== undefined && actor.role !== 'admin') throw new DomainError('forbidden');
    const userId = actor.role === 'admin' ? query.userId : actor.id;
    const rows = await this.orders.list({
      limit: query.limit + 1,
      ...(query.cursor
        ? { before: { createdAt: cursorTime(query.cursor), id: query.cursor.id } }
        : {}),
      ...(userId ? { userId } : {}),
      ...(query.status ? { status: query.status } : {}),
    });
    return toPage(
      rows,
      query.limit,
      (order) => ({ key: order.createdAt.toISOString(), id: order.id }),
      toOrderResponse,
    );
  }

  /** Owner or admin; only pending and paid orders can be cancelled. Stock goes back. */
  cancel(actor: OrderActor, id: string): Promise<VersionedOrder> {
    return this.changeStatus(actor, id, 'cancelled');
  }

  /** Admin: move an order along the status machine; `version` comes from `If-Match`. */
  async transition(
    actor: OrderActor,
    id: string,
    status: OrderStatus,
    version: number | null | undefined,
  ): Promise<VersionedOrder> {
    // Orders start pending; nothing moves back there.
    if (status === 'pending') {
      await this.get(actor, id);
      throw new DomainError('invalid_transition', 'No order can move back to pending.');
    }
    return this.changeStatus(actor, id, status, version);
  }

  private async changeStatus(
    actor: OrderActor,
    id: string,
    status: Exclude<OrderStatus, 'pending'>,
    version?: number | null,
  ): Promise<VersionedOrder> {
    const changed = await this.transitions.change(
      id,
      status,
      (current) => {
        if (!current || (actor.role !== 'admin' && current.userId !== actor.id))
          throw new DomainError('order_not_found');
        if (version !== undefined && version !== current.version)
          throw new DomainError('precondition_failed');
        if (!canTransition(current.status, status))
          throw new DomainError(
            status === 'cancelled' ? 'order_not_cancellable' : 'invalid_transition',
            `The order is ${current.status}.`,
          );
        return true;
      },
      currentTraceContext(),
      // Administrators' moves are audited; an owner cancelling their own order is not.
      actor.role === 'admin'
        ? (tx, { order, from }) =>
            this.audit.record(tx, {
              action: 'order.status.change',
              target: { type: 'order', id: order.id },
              details: { from, to: order.status },
            })
        : undefined,
    );
    // The check above either lets the change through or throws.
    if (!changed) throw new DomainError('order_not_found');
    return versioned(changed);
  }
}
