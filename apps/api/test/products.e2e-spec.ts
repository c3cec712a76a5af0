import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PrismaService } from '@libs/database';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { type Product, createProduct, newSku, toProduct } from './support/catalog.js';
import { bearer, register, registerAdmin, type Tokens } from './support/identity.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('catalog', () => {
  let t: TestApp;
  let admin: Tokens;
  let user: Tokens;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await registerAdmin(t);
    user = await register(t.server);
  });

  afterAll(async () => {
    await t.close();
  });

  const create = (fields: Parameters<typeof createProduct>[2] = {}): Promise<Product> =>
    createProduct(t.server, admin.accessToken, fields);

  /** Pages through `/v1/products?q=<tag>&…`: the tag keeps other tests' products out. */
  async function listAll(tag: string, params: Record<string, string> = {}): Promise<Product[]> {
    const items: Product[] = [];
    let cursor: string | null = null;
    do {
      const res = await request(t.server)
        .get('/v1/products')
        .query({ q: tag, limit: '2', ...params, ...(cursor ? { cursor } : {}) })
        .expect(200);
      const body = res.body as { data: Product[]; nextCursor: string | null };
      items.push(...body.data);
      cursor = body.nextCursor;
    } while (cursor);
    return items;
  }

  describe('POST /v1/products', () => {
    it('creates a product: 201, Location, ETag and the Product shape', async () => {
      const sku = newSku();
      const res = await request(t.server)
        .post('/v1/products')
        .set(...bearer(admin.accessToken))
        .send({ sku, name: ' Tea pot ', priceCents: 3_450, currency: 'EUR', stock: 7 })
        .expect(201);
      expect(res.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        sku,
        name: 'Tea pot',
        description: '',
        priceCents: 3_450,
        currency: 'EUR',
        stock: 7,
        active: true,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      expect(res.headers.location).toBe(`/v1/products/${res.body.id}`);
      expect(res.headers.etag).toBe('"1"');
      expect(res.headers['cache-control']).toBe('no-store');
    });

    it('refuses a duplicate SKU with 409', async () => {
      const { sku } = await create();
      const res = await request(t.server)
        .post('/v1/products')
        .set(...bearer(admin.accessToken))
        .send({ sku, name: 'Again', priceCents: 1, currency: 'EUR', stock: 1 })
        .expect(409);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ status: 409, type: '/problems/sku-taken' });
    });

    // Every rule of the body is unit-tested (product.schemas.spec.ts); here, that a refusal is
    // a 400 with pointers and writes nothing.
    // Every rule of the body is unit-tested (product.schemas.spec.ts); here, that a refusal is
    // a 400 pointing at the field and writes nothing.
    it('refuses a bad body with 400 pointing at the field, creating nothing', async () => {
      const sku = newSku();
      const res = await request(t.server)
        .post('/v1/products')
        .set(...bearer(admin.accessToken))
        .send({ sku, name: 'Valid', priceCents: 1, currency: 'XYZ', stock: 1, active: false })
        .expect(400);
      expect(res.body.errors).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ pointer: '#/currency' }),
          expect.objectContaining({ pointer: '#' }),
        ]),
      );
      expect(await t.app.get(PrismaService).product.count({ where: { sku } })).toBe(0);
    });
  });

  describe('GET /v1/products/:id', () => {
    it('is public, with an ETag and revalidation allowed', async () => {
      const product = await create();
      const res = await request(t.server).get(`/v1/products/${product.id}`).expect(200);
      expect(res.body).toEqual(product);
      expect(res.headers.etag).toBe('"1"');
      expect(res.headers['cache-control']).toBe('no-cache');
    });

    it('answers If-None-Match with 304 and no body while the ETag matches', async () => {
      const product = await create();
      const res = await request(t.server)
        .get(`/v1/products/${product.id}`)
        .set('If-None-Match', '"1"')
        .expect(304);
      expect(res.text).toBe('');
      expect(res.headers.etag).toBe('"1"');
      await request(t.server)
        .get(`/v1/products/${product.id}`)
        .set('If-None-Match', '"0"')
        .expect(200);
    });

    it('answers 404 for an unknown id and 400 for a malformed one', async () => {
      const res = await request(t.server).get(`/v1/products/${randomUUID()}`).expect(404);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      await request(t.server).get('/v1/products/not-a-uuid').expect(400);
    });

    it('is served from the cache: a change behind the API is not seen, an API write is', async () => {
      const product = await create({ name: 'Cached name' });
      await request(t.server).get(`/v1/products/${product.id}`).expect(200);
      await t.app
        .get(PrismaService)
        .product.update({ where: { id: product.id }, data: { name: 'Changed behind the API' } });
      const cached = await request(t.server).get(`/v1/products/${product.id}`).expect(200);
      expect(cached.body.name).toBe('Cached name');

      await request(t.server)
        .patch(`/v1/products/${product.id}`)
        .set(...bearer(admin.accessToken))
        .send({ priceCents: 999 })
        .expect(200);
      const fresh = await request(t.server).get(`/v1/products/${product.id}`).expect(200);
      expect(fresh.body).toMatchObject({ name: 'Changed behind the API', priceCents: 999 });
    });
  });

  describe('PATCH /v1/products/:id', () => {
    it('changes the named fields and the ETag', async () => {
      const product = await create();
      const res = await request(t.server)
        .patch(`/v1/products/${product.id}`)
        .set(...bearer(admin.accessToken))
        .send({ name: 'Renamed', description: 'Now described', stock: 3 })
        .expect(200);
      expect(res.body).toMatchObject({
        id: product.id,
        sku: product.sku,
        name: 'Renamed',
        description: 'Now described',
        stock: 3,
        priceCents: product.priceCents,
      });
      expect(res.headers.etag).toBe('"2"');
    });

    it('applies a matching If-Match and refuses a stale one with 412, changing nothing', async () => {
      const product = await create({ stock: 5 });
      await request(t.server)
        .patch(`/v1/products/${product.id}`)
        .set(...bearer(admin.accessToken))
        .set('If-Match', '"1"')
        .send({ stock: 6 })
        .expect(200);
      const stale = await request(t.server)
        .patch(`/v1/products/${product.id}`)
        .set(...bearer(admin.accessToken))
        .set('If-Match', '"1"')
        .send({ stock: 99 })
        .expect(412);
      expect(stale.body).toMatchObject({ status: 412, type: '/problems/precondition-failed' });
      await request(t.server)
        .patch(`/v1/products/${product.id}`)
        .set(...bearer(admin.accessToken))
        .set('If-Match', 'W/"2"')
        .send({ stock: 99 })
        .expect(412);
      const current = await request(t.server).get(`/v1/products/${product.id}`).expect(200);
      expect(current.body.stock).toBe(6);
      expect(current.headers.etag).toBe('"2"');
    });

    it('accepts If-Match: * for any current version', async () => {
      const product = await create();
      await request(t.server)
        .patch(`/v1/products/${product.id}`)
        .set(...bearer(admin.accessToken))
        .set('If-Match', '*')
        .send({ priceCents: 5 })
        .expect(200);
    });

    it('refuses an empty change or one to the SKU with 400, changing nothing', async () => {
      const product = await create();
      for (const body of [{}, { sku: 'NEW-SKU' }]) {
        await request(t.server)
          .patch(`/v1/products/${product.id}`)
          .set(...bearer(admin.accessToken))
          .send(body)
          .expect(400);
      }
      const after = await request(t.server).get(`/v1/products/${product.id}`).expect(200);
      expect(after.body).toEqual(product);
    });

    it('answers 404 for an unknown product, also with If-Match', async () => {
      for (const ifMatch of [undefined, '"1"']) {
        const req = request(t.server)
          .patch(`/v1/products/${randomUUID()}`)
          .set(...bearer(admin.accessToken));
        if (ifMatch) void req.set('If-Match', ifMatch);
        await req.send({ stock: 1 }).expect(404);
      }
    });
  });

  describe('DELETE /v1/products/:id', () => {
    it('archives: 204, gone from the listing, still readable as inactive', async () => {
      const tag = `tag${randomUUID().slice(0, 8)}`;
      const product = await create({ name: `Archived ${tag}` });
      expect(await listAll(tag)).toHaveLength(1);
      await request(t.server)
        .delete(`/v1/products/${product.id}`)
        .set(...bearer(admin.accessToken))
        .expect(204);
      expect(await listAll(tag)).toHaveLength(0);
      const res = await request(t.server).get(`/v1/products/${product.id}`).expect(200);
      expect(res.body.active).toBe(false);
      // Archiving twice is still a success.
      await request(t.server)
        .delete(`/v1/products/${product.id}`)
        .set(...bearer(admin.accessToken))
        .expect(204);
    });

    it('answers 404 for an unknown product and 403 for a user', async () => {
      await request(t.server)
        .delete(`/v1/products/${randomUUID()}`)
        .set(...bearer(admin.accessToken))
        .expect(404);
      const product = await create();
      await request(t.server)
        .delete(`/v1/products/${product.id}`)
        .set(...bearer(user.accessToken))
        .expect(403);
    });
  });

  describe('GET /v1/products', () => {
    let tag: string;
    let products: Product[];

    beforeAll(async () => {
      tag = `list${randomUUID().slice(0, 8)}`;
      products = [];
      for (const [name, priceCents] of [
        ['Delta', 400],
        ['alpha', 300],
        ['Charlie', 300],
        ['Bravo', 100],
        ['Echo', 500],
      ] as const) {
        products.push(await create({ name: `${name} ${tag}`, priceCents }));
      }
    });

    const names = (items: Product[]): string[] => items.map((p) => p.name.split(' ')[0] ?? '');

    it('is public and returns { data, nextCursor } pages of at most `limit`', async () => {
      const res = await request(t.server).get('/v1/products').query({ q: tag, limit: 3 });
      expect(res.status).toBe(200);
      expect(res.body.data).toHaveLength(3);
      expect(typeof res.body.nextCursor).toBe('string');
      expect(res.headers['cache-control']).toBe('no-cache');
    });

    it('defaults to newest first', async () => {
      expect((await listAll(tag)).map((p) => p.id)).toEqual(products.map((p) => p.id).reverse());
    });

    it('sorts by createdAt and priceCents, both ways, across pages, ties broken by id', async () => {
      const sorts = {
        createdAt: ['Delta', 'alpha', 'Charlie', 'Bravo', 'Echo'],
        '-createdAt': ['Echo', 'Bravo', 'Charlie', 'alpha', 'Delta'],
        priceCents: ['Bravo', 'alpha', 'Charlie', 'Delta', 'Echo'],
        '-priceCents': ['Echo', 'Delta', 'Charlie', 'alpha', 'Bravo'],
      };
      const seen: Record<string, string[]> = {};
      for (const sort of Object.keys(sorts)) seen[sort] = names(await listAll(tag, { sort }));
      expect(seen).toEqual(sorts);
    });

    it('sorts by name, both ways, across pages, in the collation of the database', async () => {
      for (const sort of ['name', '-name']) await expectSortedByName(sort);
    });

    async function expectSortedByName(sort: string): Promise<void> {
      const sorted = await listAll(tag, { sort });
      const byDatabase = [...sorted].map((p) => p.name);
      expect(sorted).toHaveLength(5);
      expect(new Set(sorted.map((p) => p.id)).size).toBe(5);
      // The database's collation decides; check the order is monotonic under it.
      const prisma = t.app.get(PrismaService);
      const ordered = await prisma.product.findMany({
        where: { name: { contains: tag } },
        orderBy: [{ name: sort === 'name' ? 'asc' : 'desc' }, { id: 'asc' }],
        select: { name: true },
      });
      expect(byDatabase).toEqual(ordered.map((p) => p.name));
    }

    it('matches `q` case-insensitively and literally (LIKE wildcards match themselves)', async () => {
      expect(names(await listAll(tag.toUpperCase(), { sort: 'priceCents' }))).toHaveLength(5);
      expect(await listAll(`${tag.slice(0, 4)}%`)).toHaveLength(0);
      expect(await listAll(`_${tag.slice(1)}`)).toHaveLength(0);
    });

    it('shows a write on the next read (cached pages are invalidated)', async () => {
      expect(await listAll(tag)).toHaveLength(5);
      const added = await create({ name: `Foxtrot ${tag}` });
      const after = await listAll(tag);
      expect(after).toHaveLength(6);
      expect(after[0]?.id).toBe(added.id);
      await request(t.server)
        .delete(`/v1/products/${added.id}`)
        .set(...bearer(admin.accessToken))
        .expect(204);
      expect(await listAll(tag)).toHaveLength(5);
    });

    // Every rule of the query is unit-tested (product.schemas.spec.ts); here, that the route asks.
    it('refuses a bad query with a 400 problem pointing at each bad parameter', async () => {
      const res = await request(t.server)
        .get('/v1/products')
        .query({ sort: 'name;DROP TABLE products', limit: '0' })
        .expect(400);
      const errors = res.body.errors as { pointer: string }[];
      expect(errors.map((error) => error.pointer).sort()).toEqual(['#/limit', '#/sort']);
    });

    it('refuses a cursor from a listing in another order', async () => {
      const first = await request(t.server)
        .get('/v1/products')
        .query({ q: tag, limit: 1, sort: 'name' })
        .expect(200);
      const res = await request(t.server)
        .get('/v1/products')
        .query({ q: tag, limit: 1, sort: 'priceCents', cursor: first.body.nextCursor })
        .expect(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ pointer: '#/cursor' })]);
    });
  });
});

describe('catalog with Redis unreachable', () => {
  let t: TestApp;
  let seeded: Product;

  beforeAll(async () => {
    // Nothing listens on port 1: every cache read and write fails at once.
    t = await startTestApp({ REDIS_URL: 'redis://127.0.0.1:1' });
    seeded = toProduct(
      await t.app.get(PrismaService).product.create({
        data: { sku: newSku(), name: 'Read through', priceCents: 100, currency: 'EUR', stock: 1 },
      }),
    );
  });

  afterAll(async () => {
    await t.close();
  });

  it('reads products and pages from PostgreSQL instead', async () => {
    const one = await request(t.server).get(`/v1/products/${seeded.id}`).expect(200);
    expect(one.body).toEqual(seeded);
    const page = await request(t.server)
      .get('/v1/products')
      .query({ q: 'Read through', limit: 100 })
      .expect(200);
    expect((page.body as { data: Product[] }).data.map((p) => p.id)).toContain(seeded.id);
  });
});

describe('catalog with the feature flag catalog-cache off', () => {
  let t: TestApp;
  let admin: Tokens;

  beforeAll(async () => {
    t = await startTestApp({ FEATURE_FLAGS: '{"catalog-cache":false}' });
    admin = await registerAdmin(t);
  });

  afterAll(async () => {
    await t.close();
  });

  // With the flag on (the default), the same sequence answers the cached name: see
  // 'is served from the cache' above.
  it('reads products and pages from PostgreSQL: a change behind the API shows at once', async () => {
    const tag = `uncached-${randomUUID()}`;
    const product = await createProduct(t.server, admin.accessToken, { name: `${tag} before` });
    await request(t.server).get(`/v1/products/${product.id}`).expect(200);
    await request(t.server).get('/v1/products').query({ q: tag }).expect(200);
    await t.app
      .get(PrismaService)
      .product.update({ where: { id: product.id }, data: { name: `${tag} after` } });

    const one = await request(t.server).get(`/v1/products/${product.id}`).expect(200);
    expect(one.body.name).toBe(`${tag} after`);
    const page = await request(t.server).get('/v1/products').query({ q: tag }).expect(200);
    expect((page.body as { data: Product[] }).data.map((p) => p.name)).toEqual([`${tag} after`]);
  });
});
