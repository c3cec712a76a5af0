import { Injectable, Logger } from '@nestjs/common';
import {
  CacheAside,
  InvalidationBus,
  KeyValueStore,
  LocalInvalidationBus,
  NearCache,
} from '@libs/cache';
import { createHash, randomUUID } from 'node:crypto';

/** A product as cached: its representation and the version its ETag is made of. */
export interface CachedProduct<P> {
  readonly product: P;
  readonly version: number;
}

const PRODUCT_TTL = { ttlMs: 60_000, jitter: 0.2 };
const PAGE_TTL = { ttlMs: 30_000, jitter: 0.2 };
/** Outlives every page entry, so a page is never read under a generation that came back. */
const GENERATION_TTL_MS = 24 * 60 * 60 * 1000;
const GENERATION_KEY = 'catalog:generation';
/**
 * Hot products in this process's memory (2 000 at most, about 1 KiB each), dropped on every
 * replica when one changes (see NearCache).
 */
const NEAR_PRODUCTS = { topic: 'catalog:product', ttlMs: 10_000, maxEntries: 2_000 };

/**
 * Catalog reads through Redis (cache-aside), hot products also in process memory (NearCache,
 * invalidated on every replica through Redis pub/sub). Products are cached by id and deleted
 * when they change. Listing pages are keyed by a catalog generation that every change replaces, so one
 * write invalidates every cached page without finding them. Public data only: nothing here
 * depends on who asks.
 */
@Injectable()
export class CatalogCache {
  private readonly logger = new Logger(CatalogCache.name);
  private readonly near: NearCache<CachedProduct<unknown> | null>;

  constructor(
    private readonly cache: CacheAside,
    private readonly store: KeyValueStore,
    bus: InvalidationBus = new LocalInvalidationBus(),
  ) {
    this.near = new NearCache(bus, NEAR_PRODUCTS);
  }

  async product<P>(
    id: string,
    load: () => Promise<CachedProduct<P> | null>,
  ): Promise<CachedProduct<P> | null> {
    const near = this.near.get(id) as CachedProduct<P> | null | undefined;
    if (near !== undefined) return near;
    const version = this.near.version();
    const product = await this.cache.get(`catalog:product:${id}`, PRODUCT_TTL, load);
    this.near.set(id, product, version);
    return product;
  }

  /** A listing page for `query` (every parameter that shapes the page). */
  async page<Page>(query: Record<string, unknown>, load: () => Promise<Page>): Promise<Page> {
    const generation = await this.store.get(GENERATION_KEY).catch(() => undefined);
    // Without the generation (Redis down) a cached page could be stale: read the database.
    if (generation === undefined) return load();
    const digest = createHash('sha256').update(JSON.stringify(query)).digest('base64url');
    return this.cache.get(`catalog:page:${generation ?? 'initial'}:${digest}`, PAGE_TTL, load);
  }

  /** After products changed (admin writes, stock taken or returned by orders, by any app). */
  async invalidate(...productIds: string[]): Promise<void> {
    await Promise.all([
      productIds.length > 0
        ? this.cache
            .invalidate(...productIds.map((id) => `catalog:product:${id}`))
            // After Redis: a replica that reloads on the message finds the entry gone there too.
            .then(() => this.near.invalidate(productIds))
            .catch((error: unknown) => {
              // Replicas whose subscription is down serve nothing from memory meanwhile.
              this.logger.warn(`products not invalidated on other replicas: ${String(error)}`);
            })
        : undefined,
      this.store.set(GENERATION_KEY, randomUUID(), GENERATION_TTL_MS).catch((error: unknown) => {
        // Cached pages then live out their short TTL.
        this.logger.warn(`catalog pages not invalidated: ${String(error)}`);
      }),
    ]);
  }
}
