import { beforeEach, describe, expect, it } from '@jest/globals';
import { CacheAside, MemoryStore } from '@libs/cache';
import { CatalogCache } from './catalog-cache.js';

/** A store whose reads and writes can be made to fail, like Redis going away. */
class FlakyStore extends MemoryStore {
  down = false;

  override get(key: string): Promise<string | null> {
    return this.down ? Promise.reject(new Error('connection refused')) : super.get(key);
  }

  override set(key: string, value: string, ttlMs: number): Promise<void> {
    return this.down
      ? Promise.reject(new Error('connection refused'))
      : super.set(key, value, ttlMs);
  }
}

describe('CatalogCache', () => {
  let store: FlakyStore;
  let catalog: CatalogCache;
  let loads: number;

  beforeEach(() => {
    store = new FlakyStore();
    catalog = new CatalogCache(new CacheAside(store), store);
    loads = 0;
  });

  const loadProduct = (version: number) => () => {
    loads += 1;
    return Promise.resolve({ product: { name: 'Mug' }, version });
  };
  const loadPage = (label: string) => () => {
    loads += 1;
    return Promise.resolve({ data: [label] });
  };

  it('reads a product once, until it is invalidated', async () => {
    await catalog.product('p1', loadProduct(1));
    await expect(catalog.product('p1', loadProduct(2))).resolves.toEqual({
      product: { name: 'Mug' },
      version: 1,
    });
    await catalog.invalidate('p1');
    await expect(catalog.product('p1', loadProduct(2))).resolves.toMatchObject({ version: 2 });
    expect(loads).toBe(2);
  });

  it('caches a page per query, and drops every page on any change', async () => {
    await catalog.page({ sort: 'name', limit: 20 }, loadPage('a'));
    await expect(catalog.page({ sort: 'name', limit: 20 }, loadPage('b'))).resolves.toEqual({
      data: ['a'],
    });
    await expect(catalog.page({ sort: 'name', limit: 5 }, loadPage('c'))).resolves.toEqual({
      data: ['c'],
    });
    // A change to any product, even one on no cached page, starts a new generation.
    await catalog.invalidate('p-elsewhere');
    await expect(catalog.page({ sort: 'name', limit: 20 }, loadPage('d'))).resolves.toEqual({
      data: ['d'],
    });
    expect(loads).toBe(3);
  });

  it('reads pages from the database while the store is down, and does not fail a change', async () => {
    store.down = true;
    await catalog.page({ sort: 'name' }, loadPage('a'));
    await catalog.page({ sort: 'name' }, loadPage('b'));
    expect(loads).toBe(2);
    await expect(catalog.invalidate('p1')).resolves.toBeUndefined();
  });
});
