import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { CacheAside, MemoryStore } from '@libs/cache';
import { CatalogCache } from '@libs/commerce';
import { loadConfig } from '@libs/config';
import { ManualClock, asReal } from '@libs/testing/fakes';
import { inMemoryAudit } from '../../test/fakes/audit.fake.js';
import type { InMemoryAuditRepository } from '../../test/fakes/audit.repository.fake.js';
import { InMemoryProductsRepository } from '../../test/fakes/products.repository.fake.js';
import { DomainError } from '../platform/errors/domain-error.js';
import { FeatureFlags } from '../platform/feature-flags/feature-flags.js';
import { createFlagProvider } from '../platform/feature-flags/flag-provider.js';
import type { Cursor } from '../platform/pagination/cursor.js';
import type { ProductsRepository } from './products.repository.js';
import { ProductsService } from './products.service.js';

function decode(cursor: string | null): Cursor {
  const { k, i } = JSON.parse(Buffer.from(cursor ?? '', 'base64url').toString()) as {
    k: string;
    i: string;
  };
  return { key: k, id: i };
}

describe('ProductsService', () => {
  let clock: ManualClock;
  let products: InMemoryProductsRepository;
  let service: ProductsService;
  let flags: FeatureFlags[];
  let events: InMemoryAuditRepository;

  /** The service with the built-in flag provider; `env` sets FEATURE_FLAGS. */
  const build = (env: Record<string, string> = {}): ProductsService => {
    const store = new MemoryStore(() => clock.now().getTime());
    const catalog = new CatalogCache(new CacheAside(store, () => 0), store);
    const flagged = new FeatureFlags(
      createFlagProvider(loadConfig({ NODE_ENV: 'test', ...env }, { signingKeys: false })),
    );
    flagged.start();
    flags.push(flagged);
    const fakes = inMemoryAudit(clock);
    events = fakes.events;
    return new ProductsService(
      asReal<ProductsRepository>(products),
      catalog,
      flagged,
      fakes.unitOfWork,
      fakes.audit,
    );
  };

  beforeEach(() => {
    clock = new ManualClock();
    products = new InMemoryProductsRepository(clock);
    flags = [];
    service = build();
  });

  afterEach(async () => {
    await Promise.all(flags.map((flagged) => flagged.close()));
  });

  const newProduct = {
    sku: 'MUG-1',
    name: 'Mug',
    description: '',
    priceCents: 1_250,
    currency: 'EUR',
    stock: 3,
  };

  describe('get', () => {
    it('answers the product and its version', async () => {
      const row = products.add({ name: 'Mug', version: 4 });
      const { product, version } = await service.get(row.id);
      expect(version).toBe(4);
      expect(product).toMatchObject({
        id: row.id,
        name: 'Mug',
        priceCents: 1_000,
        currency: 'EUR',
      });
    });

    it('refuses an unknown id with product_not_found', async () => {
      await expect(service.get('00000000-0000-4000-8000-ffffffffffff')).rejects.toEqual(
        new DomainError('product_not_found'),
      );
    });

    it('reads straight from the repository when the catalog-cache flag is off', async () => {
      service = build({ FEATURE_FLAGS: '{"catalog-cache":false}' });
      const row = products.add({ name: 'Old' });
      await service.get(row.id);
      products.rows.set(row.id, { ...row, name: 'Changed behind the cache' });
      expect((await service.get(row.id)).product.name).toBe('Changed behind the cache');
    });

    it('serves a cached product until a write through the service invalidates it', async () => {
      const row = products.add({ name: 'Old' });
      await service.get(row.id);
      products.rows.set(row.id, { ...row, name: 'Changed behind the cache' });
      expect((await service.get(row.id)).product.name).toBe('Old');
      await service.update(row.id, { name: 'New' }, undefined);
      expect((await service.get(row.id)).product.name).toBe('New');
    });
  });

  describe('create', () => {
    it('creates a product at version 1', async () => {
      const { product, version } = await service.create(newProduct);
      expect(version).toBe(1);
      expect(product).toMatchObject({ sku: 'MUG-1', name: 'Mug', stock: 3, active: true });
    });

    it('refuses a second product with the same SKU with sku_taken', async () => {
      await service.create(newProduct);
      await expect(service.create({ ...newProduct, name: 'Other' })).rejects.toEqual(
        new DomainError('sku_taken'),
      );
    });

    it('makes the new product appear in a cached listing at once', async () => {
      await service.list({ limit: 10, sort: 'name' });
      await service.create(newProduct);
      const page = await service.list({ limit: 10, sort: 'name' });
      expect(page.data.map((product) => product.sku)).toEqual(['MUG-1']);
    });
  });

  describe('update', () => {
    it('applies the changes and moves the version on', async () => {
      const row = products.add({ version: 2 });
      const { product, version } = await service.update(row.id, { priceCents: 990 }, undefined);
      expect(version).toBe(3);
      expect(product.priceCents).toBe(990);
    });

    it('applies an If-Match version that is current', async () => {
      const row = products.add({ version: 2 });
      await expect(service.update(row.id, { stock: 1 }, 2)).resolves.toMatchObject({ version: 3 });
    });

    it.each([
      ['a stale version', 1],
      ['an ETag that names no version (null)', null],
    ])('refuses %s with precondition_failed', async (_case, version) => {
      const row = products.add({ version: 2 });
      await expect(service.update(row.id, { stock: 1 }, version)).rejects.toEqual(
        new DomainError('precondition_failed'),
      );
      expect(products.rows.get(row.id)?.stock).toBe(10);
    });

    it.each([undefined, 1, null])(
      'refuses an unknown id with product_not_found (If-Match %p)',
      async (version) => {
        await expect(
          service.update('00000000-0000-4000-8000-ffffffffffff', { stock: 1 }, version),
        ).rejects.toEqual(new DomainError('product_not_found'));
      },
    );
  });

  describe('archive', () => {
    it('takes the product off the listing but keeps it readable', async () => {
      const row = products.add();
      await service.list({ limit: 10, sort: 'name' });
      await service.archive(row.id);
      expect((await service.list({ limit: 10, sort: 'name' })).data).toEqual([]);
      expect((await service.get(row.id)).product.active).toBe(false);
    });

    it('is idempotent: archiving twice succeeds', async () => {
      const row = products.add();
      await service.archive(row.id);
      await expect(service.archive(row.id)).resolves.toBeUndefined();
    });

    it('refuses an unknown id with product_not_found', async () => {
      await expect(service.archive('00000000-0000-4000-8000-ffffffffffff')).rejects.toEqual(
        new DomainError('product_not_found'),
      );
    });
  });

  describe('list', () => {
    beforeEach(() => {
      products.add({ name: 'Cup', priceCents: 300 });
      clock.advance(1_000);
      products.add({ name: 'Bowl', priceCents: 100 });
      clock.advance(1_000);
      products.add({ name: 'Plate', priceCents: 200 });
      clock.advance(1_000);
      products.add({ name: 'Archived', active: false });
    });

    it.each([
      ['name', ['Bowl', 'Cup', 'Plate']],
      ['-name', ['Plate', 'Cup', 'Bowl']],
      ['priceCents', ['Bowl', 'Plate', 'Cup']],
      ['-priceCents', ['Cup', 'Plate', 'Bowl']],
      ['createdAt', ['Cup', 'Bowl', 'Plate']],
      ['-createdAt', ['Plate', 'Bowl', 'Cup']],
    ] as const)('sorts by %s, active products only, across pages', async (sort, names) => {
      const first = await service.list({ limit: 2, sort });
      expect(first.data.map((product) => product.name)).toEqual(names.slice(0, 2));
      expect(first.nextCursor).not.toBeNull();
      const second = await service.list({ limit: 2, sort, cursor: decode(first.nextCursor) });
      expect(second.data.map((product) => product.name)).toEqual(names.slice(2));
      expect(second.nextCursor).toBeNull();
    });

    it('ties the cursor to its sort order', async () => {
      const { nextCursor } = await service.list({ limit: 1, sort: '-priceCents' });
      expect(decode(nextCursor).key).toBe('-priceCents:300');
    });

    it('filters by a case-insensitive part of the name', async () => {
      const page = await service.list({ limit: 10, sort: 'name', q: 'PL' });
      expect(page.data.map((product) => product.name)).toEqual(['Plate']);
      expect(page.nextCursor).toBeNull();
    });
  });

  describe('audit', () => {
    const product = {
      sku: 'MUG-1',
      name: 'Mug',
      description: '',
      priceCents: 1200,
      currency: 'EUR',
      stock: 3,
    };

    it('records create, update (which fields) and archive, archiving twice once', async () => {
      const { product: created } = await service.create(product);
      await service.update(created.id, { priceCents: 1300, name: 'Big mug' }, undefined);
      await service.archive(created.id);
      await service.archive(created.id);
      expect(
        events.rows.map(({ action, targetId, details }) => [action, targetId, details]),
      ).toEqual([
        ['product.create', created.id, { sku: 'MUG-1' }],
        ['product.update', created.id, { fields: 'name priceCents' }],
        ['product.archive', created.id, {}],
      ]);
    });

    it('records nothing for a refused change', async () => {
      const { product: created } = await service.create(product);
      await service.create(product).catch(() => undefined);
      await service.update(created.id, { stock: 1 }, 99).catch(() => undefined);
      await service.archive('00000000-0000-4000-8000-00000000dead').catch(() => undefined);
      expect(events.actions()).toEqual(['product.create']);
    });
  });
});
