import { Injectable } from '@nestjs/common';
import { type CachedProduct as CachedEntry, CatalogCache } from '@libs/commerce';
import { AuditService } from '../audit/audit.service.js';
import { UnitOfWork } from '../platform/database/unit-of-work.js';
import { DomainError } from '../platform/errors/domain-error.js';
import { FeatureFlags } from '../platform/feature-flags/feature-flags.js';
import { type Cursor, type Page, toPage } from '../platform/pagination/cursor.js';
import { type ProductResponse, toProductResponse } from './dto/product.schemas.js';
import {
  type NewProduct,
  type ProductChanges,
  type ProductRecord,
  type ProductSort,
  ProductsRepository,
  SkuTakenError,
  sortField,
} from './products.repository.js';

/** A product as cached and answered: the response and its version (the ETag). */
export type CachedProduct = CachedEntry<ProductResponse>;

function cached(product: ProductRecord): CachedProduct {
  return { product: toProductResponse(product), version: product.version };
}

/** The value of the sort field, as the cursor carries it. */
function sortValue(product: ProductRecord, sort: ProductSort): string {
  switch (sortField(sort)) {
    case 'name':
      return product.name;
    case 'priceCents':
      return String(product.priceCents);
    case 'createdAt':
      return product.createdAt.toISOString();
  }
}

@Injectable()
export class ProductsService {
  constructor(
    private readonly products: ProductsRepository,
    private readonly cache: CatalogCache,
    private readonly flags: FeatureFlags,
    private readonly unitOfWork: UnitOfWork,
    private readonly audit: AuditService,
  ) {}

  async get(id: string): Promise<CachedProduct> {
    const load = async (): Promise<CachedProduct | null> => {
      const product = await this.products.findById(id);
      return product ? cached(product) : null;
    };
    // Feature flag `catalog-cache` off: straight from PostgreSQL (see platform/feature-flags).
    const entry = (await this.flags.isEnabled('catalog-cache'))
      ? await this.cache.product<ProductResponse>(id, load)
      : await load();
    if (!entry) throw new DomainError('product_not_found');
    return entry;
  }

  async list(query: {
    limit: number;
    cursor?: Cursor | undefined;
    q?: string | undefined;
    sort: ProductSort;
  }): Promise<Page<ProductResponse>> {
    const { limit, cursor, q, sort } = query;
    const load = async (): Promise<Page<ProductResponse>> => {
      const rows = await this.products.list({
        limit: limit + 1,
        sort,
        ...(cursor ? { after: { value: cursor.key.slice(sort.length + 1), id: cursor.id } } : {}),
        ...(q ? { q } : {}),
      });
      return toPage(
        rows,
        limit,
        (product) => ({ key: `${sort}:${sortValue(product, sort)}`, id: product.id }),
        toProductResponse,
      );
    };
    return (await this.flags.isEnabled('catalog-cache'))
      ? this.cache.page({ limit, cursor, q, sort }, load)
      : load();
  }

  async create(product: NewProduct): Promise<CachedProduct> {
    try {
      const created = await this.unitOfWork.run(async (tx) => {
        const row = await this.products.create(product, tx);
        await this.audit.record(tx, {
          action: 'product.create',
          target: { type: 'product', id: row.id },
          details: { sku: row.sku },
        });
        return row;
      });
      await this.cache.invalidate(created.id);
      return cached(created);
    } catch (error) {
      if (error instanceof SkuTakenError) throw new DomainError('sku_taken');
      throw error;
    }
  }

  /** `version` comes from `If-Match`; null means it names no version of ours (always stale). */
  async update(
    id: string,
    changes: ProductChanges,
    version: number | null | undefined,
  ): Promise<CachedProduct> {
    const updated =
      version === null
        ? null
        : await this.unitOfWork.run(async (tx) => {
            const row = await this.products.update(id, changes, version, tx);
            if (row) {
              await this.audit.record(tx, {
                action: 'product.update',
                target: { type: 'product', id },
                details: { fields: Object.keys(changes).sort().join(' ') },
              });
            }
            return row;
          });
    if (!updated) {
      if (version !== undefined && (await this.products.findById(id)))
        throw new DomainError('precondition_failed');
      throw new DomainError('product_not_found');
    }
    await this.cache.invalidate(id);
    return cached(updated);
  }

  /** Archiving an archived product changes (and records) nothing. */
  async archive(id: string): Promise<void> {
    const result = await this.unitOfWork.run(async (tx) => {
      const archived = await this.products.archive(id, tx);
      if (archived === 'archived') {
        await this.audit.record(tx, { action: 'product.archive', target: { type: 'product', id } });
      }
      return archived;
    });
    if (result === 'missing') throw new DomainError('product_not_found');
    await this.cache.invalidate(id);
  }
}
