import type {
  LockedProduct,
  NewOrder,
  OrderRecord,
  OrdersRepository,
  Transaction,
} from '../src/orders.repository.js';
import type { OrderStatus } from '@libs/database';
import { type ManualClock, type Public, nextUuid } from '@libs/testing/fakes';

/** An outbox row as the fake transaction recorded it. */
export interface RecordedEvent {
  readonly type: string;
  readonly aggregateId: string;
  readonly payload: unknown;
}

interface State {
  products: Map<string, LockedProduct>;
  orders: Map<string, OrderRecord>;
  events: RecordedEvent[];
}

const copy = (state: State): State => ({
  products: new Map(state.products),
  orders: new Map(state.orders),
  events: [...state.events],
});

/**
 * OrdersRepository in memory. A transaction works on a copy of the state that replaces it only
 * when the work succeeds, so a failure rolls everything back, as in PostgreSQL.
 */
export class InMemoryOrdersRepository implements Public<OrdersRepository> {
  private state: State = { products: new Map(), orders: new Map(), events: [] };
  private open: State | undefined;
  /** Fakes of other repositories written in the same transactions (an audit log). */
  readonly participants: { commit(tx: Transaction): void; rollback(tx: Transaction): void }[] = [];

  constructor(private readonly clock: ManualClock) {}

  get events(): readonly RecordedEvent[] {
    return this.state.events;
  }

  product(id: string): LockedProduct | undefined {
    return this.state.products.get(id);
  }

  order(id: string): OrderRecord | undefined {
    return this.state.orders.get(id);
  }

  all(): OrderRecord[] {
    return [...this.state.orders.values()];
  }

  addProduct(product: Partial<LockedProduct> = {}): LockedProduct {
    const row: LockedProduct = {
      id: nextUuid(),
      sku: `SKU-${this.state.products.size + 1}`,
      name: `Product ${this.state.products.size + 1}`,
      priceCents: 1_000,
      currency: 'EUR',
      stock: 10,
      active: true,
      ...product,
    };
    this.state.products.set(row.id, row);
    return row;
  }

  addOrder(order: Partial<OrderRecord> & Pick<OrderRecord, 'userId'>): OrderRecord {
    const now = this.clock.now();
    const row: OrderRecord = {
      id: nextUuid(),
      status: 'pending',
      totalCents: 0n,
      currency: 'EUR',
      version: 1,
      createdAt: now,
      updatedAt: now,
      lines: [],
      ...order,
    };
    this.state.orders.set(row.id, row);
    return row;
  }

  /** A new product (with `stock`) and an order of `quantity` of it, at 1 cent each. */
  addOrderOfOneProduct(options: {
    userId: string;
    quantity: number;
    stock: number;
    status?: OrderRecord['status'];
  }): { order: OrderRecord; product: LockedProduct } {
    const product = this.addProduct({ stock: options.stock });
    const { sku, name } = product;
    const order = this.addOrder({
      userId: options.userId,
      ...(options.status ? { status: options.status } : {}),
      lines: [{ productId: product.id, sku, name, quantity: options.quantity, unitPriceCents: 1 }],
    });
    return { order, product };
  }

  async transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    const draft = copy(this.state);
    this.open = draft;
    const tx = {
      outboxEvent: {
        create: ({ data }: { data: RecordedEvent }) => {
          draft.events.push({
            type: data.type,
            aggregateId: data.aggregateId,
            payload: data.payload,
          });
          return Promise.resolve(data);
        },
      },
    } as unknown as Transaction;
    try {
      const result = await work(tx);
      this.state = draft;
      for (const participant of this.participants) participant.commit(tx);
      return result;
    } catch (error) {
      for (const participant of this.participants) participant.rollback(tx);
      throw error;
    } finally {
      this.open = undefined;
    }
  }

  private get tx(): State {
    if (!this.open) throw new Error('called outside a transaction');
    return this.open;
  }

  lockProducts(_tx: Transaction, ids: readonly string[]): Promise<LockedProduct[]> {
    const found = ids.flatMap((id) => this.tx.products.get(id) ?? []);
    return Promise.resolve(found.sort((a, b) => a.id.localeCompare(b.id)));
  }

  takeStock(
    _tx: Transaction,
    lines: readonly { productId: string; quantity: number }[],
  ): Promise<number> {
    let filled = 0;
    for (const { productId, quantity } of lines) {
      const product = this.tx.products.get(productId);
      if (!product?.active || product.stock < quantity) continue;
      this.tx.products.set(productId, { ...product, stock: product.stock - quantity });
      filled += 1;
    }
    return Promise.resolve(filled);
  }

  returnStock(_tx: Transaction, orderId: string): Promise<string[]> {
    const order = this.tx.orders.get(orderId);
    const changed: string[] = [];
    for (const line of order?.lines ?? []) {
      const product = this.tx.products.get(line.productId);
      if (!product) continue;
      this.tx.products.set(line.productId, { ...product, stock: product.stock + line.quantity });
      changed.push(line.productId);
    }
    return Promise.resolve(changed);
  }

  insert(_tx: Transaction, order: NewOrder): Promise<OrderRecord> {
    const now = this.clock.now();
    const row: OrderRecord = {
      ...order,
      id: nextUuid(),
      status: 'pending',
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    this.tx.orders.set(row.id, row);
    return Promise.resolve(row);
  }

  lockOrder(
    _tx: Transaction,
    id: string,
  ): Promise<{ userId: string; status: OrderStatus; version: number } | undefined> {
    const order = this.tx.orders.get(id);
    return Promise.resolve(
      order && { userId: order.userId, status: order.status, version: order.version },
    );
  }

  setStatus(_tx: Transaction, id: string, status: OrderStatus): Promise<OrderRecord> {
    const order = this.tx.orders.get(id);
    if (!order) return Promise.reject(new Error(`no order ${id}`));
    const changed = { ...order, status, version: order.version + 1, updatedAt: this.clock.now() };
    this.tx.orders.set(id, changed);
    return Promise.resolve(changed);
  }

  findById(id: string, ownerId?: string): Promise<OrderRecord | null> {
    const order = this.state.orders.get(id);
    return Promise.resolve(
      order && (ownerId === undefined || order.userId === ownerId) ? order : null,
    );
  }

  list(options: {
    limit: number;
    before?: { createdAt: Date; id: string };
    userId?: string;
    status?: OrderStatus;
  }): Promise<OrderRecord[]> {
    const { limit, before, userId, status } = options;
    const newestFirst = (a: OrderRecord, b: OrderRecord): number =>
      b.createdAt.getTime() - a.createdAt.getTime() || b.id.localeCompare(a.id);
    const rows = [...this.state.orders.values()]
      .filter((order) => userId === undefined || order.userId === userId)
      .filter((order) => status === undefined || order.status === status)
      .filter(
        (order) =>
          !before ||
          newestFirst(order, { ...order, createdAt: before.createdAt, id: before.id }) > 0,
      )
      .sort(newestFirst);
    return Promise.resolve(rows.slice(0, limit));
  }
}
