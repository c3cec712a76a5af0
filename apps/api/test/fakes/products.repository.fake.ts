import {
  type NewProduct,
  type ProductChanges,
  type ProductRecord,
  type ProductSort,
  type ProductsRepository,
  SkuTakenError,
} from '../../src/products/products.repository.js';
import { type ManualClock, type Public, nextUuid } from '@libs/testing/fakes';

type SortField = 'name' | 'priceCents' | 'createdAt';

function sortKey(product: ProductRecord, field: SortField): string | number {
  return field === 'createdAt' ? product.createdAt.toISOString() : product[field];
}

function compare(a: string | number, b: string | number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** ProductsRepository over an array: the same answers, no database. */
export class InMemoryProductsRepository implements Public<ProductsRepository> {
  readonly rows = new Map<string, ProductRecord>();

  constructor(private readonly clock: ManualClock) {}

  add(product: Partial<ProductRecord> = {}): ProductRecord {
    const now = this.clock.now();
    const row: ProductRecord = {
      id: nextUuid(),
      sku: `SKU-${this.rows.size + 1}`,
      name: `Product ${this.rows.size + 1}`,
      description: '',
      priceCents: 1_000,
      currency: 'EUR',
      stock: 10,
      active: true,
      version: 1,
      createdAt: now,
      updatedAt: now,
      ...product,
    };
    this.rows.set(row.id, row);
    return row;
  }

  findById(id: string): Promise<ProductRecord | null> {
    return Promise.resolve(this.rows.get(id) ?? null);
  }

  create(product: NewProduct): Promise<ProductRecord> {
    if ([...this.rows.values()].some((row) => row.sku === product.sku))
      return Promise.reject(new SkuTakenError());
    return Promise.resolve(this.add(product));
  }

  update(id: string, changes: ProductChanges, version?: number): Promise<ProductRecord | null> {
    const row = this.rows.get(id);
    if (!row || (version !== undefined && row.version !== version)) return Promise.resolve(null);
    const defined = Object.fromEntries(
      Object.entries(changes).filter(([, value]) => value !== undefined),
    );
    const updated = { ...row, ...defined, version: row.version + 1, updatedAt: this.clock.now() };
    this.rows.set(id, updated);
    return Promise.resolve(updated);
  }

  async archive(id: string): Promise<'archived' | 'unchanged' | 'missing'> {
    const row = this.rows.get(id);
    if (!row) return 'missing';
    if (!row.active) return 'unchanged';
    await this.update(id, { active: false });
    return 'archived';
  }

  list(options: {
    limit: number;
    sort: ProductSort;
    after?: { value: string; id: string };
    q?: string;
  }): Promise<ProductRecord[]> {
    const direction = options.sort.startsWith('-') ? -1 : 1;
    const field = options.sort.replace('-', '') as SortField;
    const parse = (value: string): string | number =>
      field === 'priceCents' ? Number(value) : value;
    const ordered = [...this.rows.values()]
      .filter((row) => row.active)
      .filter((row) => !options.q || row.name.toLowerCase().includes(options.q.toLowerCase()))
      .sort(
        (a, b) =>
          direction * (compare(sortKey(a, field), sortKey(b, field)) || compare(a.id, b.id)),
      );
    const after = options.after;
    const rest = after
      ? ordered.filter(
          (row) =>
            direction *
              (compare(sortKey(row, field), parse(after.value)) || compare(row.id, after.id)) >
            0,
        )
      : ordered;
    return Promise.resolve(rest.slice(0, options.limit));
  }
}
