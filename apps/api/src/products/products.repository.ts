import { Injectable } from '@nestjs/common';
import {
  Prisma,
  PrismaService,
  type Transaction,
  containsPattern,
  isUniqueViolation,
  keysetAfter,
  nullIfNotFound,
} from '@libs/database';

/** The listing orders a client may ask for; `-` means descending. */
export const PRODUCT_SORTS = [
  'name',
  '-name',
  'priceCents',
  '-priceCents',
  'createdAt',
  '-createdAt',
] as const;
export type ProductSort = (typeof PRODUCT_SORTS)[number];
export type ProductSortField = 'name' | 'priceCents' | 'createdAt';

/** The field a sort orders by, without its direction. */
export const sortField = (sort: ProductSort): ProductSortField =>
  sort.replace('-', '') as ProductSortField;

export interface ProductRecord {
  readonly id: string;
  readonly sku: string;
  readonly name: string;
  readonly description: string;
  readonly priceCents: number;
  readonly currency: string;
  readonly stock: number;
  readonly active: boolean;
  readonly version: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** What an admin supplies for a new product; the rest (id, version, times) is the database's. */
export type NewProduct = Pick<
  ProductRecord,
  'sku' | 'name' | 'description' | 'priceCents' | 'currency' | 'stock'
>;

export interface ProductChanges {
  readonly name?: string | undefined;
  readonly description?: string | undefined;
  readonly priceCents?: number | undefined;
  readonly stock?: number | undefined;
  readonly active?: boolean | undefined;
}

export class SkuTakenError extends Error {
  override readonly name = 'SkuTakenError';
}

/** Sort fields → column and the SQL type its cursor value is compared as. Nothing else reaches SQL. */
const SORT_COLUMNS: Readonly<Record<ProductSortField, { column: Prisma.Sql; cast: Prisma.Sql }>> = {
  name: { column: Prisma.raw('"name"'), cast: Prisma.raw('varchar') },
  priceCents: { column: Prisma.raw('"price_cents"'), cast: Prisma.raw('integer') },
  createdAt: { column: Prisma.raw('"created_at"'), cast: Prisma.raw('timestamptz') },
};

const PRODUCT_COLUMNS = Prisma.sql`"id", "sku", "name", "description", "price_cents" AS "priceCents",
  "currency", "stock", "active", "version", "created_at" AS "createdAt", "updated_at" AS "updatedAt"`;

@Injectable()
export class ProductsRepository {
  constructor(private readonly prisma: PrismaService) {}

  findById(id: string): Promise<ProductRecord | null> {
    return this.prisma.product.findUnique({ where: { id } });
  }

  /** The unique index on `sku` decides duplicates, also between concurrent requests. */
  async create(product: NewProduct, tx?: Transaction): Promise<ProductRecord> {
    try {
      return await (tx ?? this.prisma).product.create({ data: product });
    } catch (error) {
      if (isUniqueViolation(error)) throw new SkuTakenError();
      throw error;
    }
  }

  /**
   * Applies `changes` when the product exists and, if `version` is given, is still at that
   * version (one conditional UPDATE, so two admins cannot overwrite each other unnoticed).
   * Null when no row matched.
   */
  update(
    id: string,
    changes: ProductChanges,
    version?: number,
    tx?: Transaction,
  ): Promise<ProductRecord | null> {
    return nullIfNotFound(
      (tx ?? this.prisma).product.update({
        where: { id, ...(version === undefined ? {} : { version }) },
        data: { ...changes, version: { increment: 1 } },
      }),
    );
  }

  /** Archives an active product: `archived` now, `unchanged` if it already was, else `missing`. */
  async archive(id: string, tx?: Transaction): Promise<'archived' | 'unchanged' | 'missing'> {
    const db = tx ?? this.prisma;
    const { count } = await db.product.updateMany({
      where: { id, active: true },
      data: { active: false, version: { increment: 1 } },
    });
    if (count === 1) return 'archived';
    return (await db.product.count({ where: { id } })) === 1 ? 'unchanged' : 'missing';
  }

  /** A page of active products in `sort` order after the cursor (keyset pagination). */
  list(options: {
    limit: number;
    sort: ProductSort;
    after?: { value: string; id: string };
    q?: string;
  }): Promise<ProductRecord[]> {
    const descending = options.sort.startsWith('-');
    const { column, cast } = SORT_COLUMNS[sortField(options.sort)];
    const direction = Prisma.raw(descending ? 'DESC' : 'ASC');
    const conditions = [Prisma.sql`"active"`];
    if (options.q) conditions.push(Prisma.sql`"name" ILIKE ${containsPattern(options.q)}`);
    if (options.after) {
      const { value, id } = options.after;
      conditions.push(keysetAfter(column, Prisma.sql`${value}::${cast}`, id, descending));
    }
    return this.prisma.$queryRaw<ProductRecord[]>`
      SELECT ${PRODUCT_COLUMNS} FROM "products"
      WHERE ${Prisma.join(conditions, ' AND ')}
      ORDER BY ${column} ${direction}, "id" ${direction}
      LIMIT ${options.limit}`;
  }
}
