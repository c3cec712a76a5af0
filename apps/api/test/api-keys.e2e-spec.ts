import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PrismaService } from '@libs/database';
import { requireHarnessEnv, workerDatabaseUrl } from '@libs/testing';
import request from 'supertest';
import { ApiKeyUsage } from '../src/api-keys/api-key-usage.js';
import { type ApiKeyScope, apiKeyScopeNames } from '../src/api-keys/api-key-scopes.js';
import {
  type Target,
  type Tokens,
  bearer,
  newSigningKey,
  register,
  registerAdmin,
} from './support/identity.js';
import { type ApiProcess, startApiProcess } from './support/api-process.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const PROBLEM = /^application\/problem\+json/;
const SOME_UUID = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';

interface CreatedKey {
  id: string;
  key: string;
  name: string;
  scopes: ApiKeyScope[];
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
}

describe('API keys', () => {
  let t: TestApp;
  /** A second API process on the same database and Redis, as another replica would be. */
  let replica: ApiProcess;
  let prisma: PrismaService;
  let admin: Tokens;

  beforeAll(async () => {
    // Replicas share their signing keys, as a deployment's do.
    const JWT_SIGNING_KEYS = JSON.stringify([await newSigningKey('replicas')]);
    t = await startTestApp({ JWT_SIGNING_KEYS, DATABASE_LOG_QUERIES: 'true' });
    const { redisUrl } = requireHarnessEnv();
    replica = await startApiProcess({
      NODE_ENV: 'test',
      LOG_LEVEL: 'info', // startApiProcess waits for the "listening" line
      DATABASE_URL: workerDatabaseUrl(),
      REDIS_URL: redisUrl,
      REDIS_KEY_PREFIX: t.config.redis.keyPrefix,
      JWT_SIGNING_KEYS,
    });
    prisma = t.app.get(PrismaService);
    admin = await registerAdmin(t);
  });

  afterAll(async () => {
    await replica.stop();
    await t.close();
  });

  const createKey = async (
    accessToken: string,
    body: { name?: string; scopes?: ApiKeyScope[]; expiresAt?: string } = {},
  ): Promise<CreatedKey> => {
    const res = await request(t.server)
      .post('/v1/users/me/api-keys')
      .set(...bearer(accessToken))
      .send({ name: 'ci', scopes: ['orders:read'], ...body })
      .expect(201);
    return res.body as CreatedKey;
  };

  /** The status of GET /v1/orders with `key` on `app` (this process's app by default). */
  const readOrders = async (key: string, app: Target = t.server): Promise<number> =>
    (
      await request(app)
        .get('/v1/orders')
        .set(...bearer(key))
    ).status;

  describe('create, list, revoke', () => {
    it('shows the key once; lists keep only its public part', async () => {
      const { accessToken } = await register(t.server);
      const res = await request(t.server)
        .post('/v1/users/me/api-keys')
        .set(...bearer(accessToken))
        .send({ name: ' deploy bot ', scopes: ['orders:read', 'orders:write'] })
        .expect(201);
      const created = res.body as CreatedKey;
      expect(res.headers['cache-control']).toBe('no-store');
      expect(created).toEqual({
        id: expect.any(String),
        key: expect.stringMatching(/^sak_[0-9A-Za-z]{60}$/),
        name: 'deploy bot',
        scopes: ['orders:read', 'orders:write'],
        prefix: created.key.slice(0, 26),
        createdAt: expect.any(String),
        lastUsedAt: null,
        expiresAt: null,
      });

      const list = await request(t.server)
        .get('/v1/users/me/api-keys')
        .set(...bearer(accessToken))
        .expect(200);
      const { key: _shownOnce, ...listed } = created;
      expect(list.body).toEqual({ items: [listed] });
      expect(JSON.stringify(list.body)).not.toContain(created.key.slice(26, 58));

      const stored = await prisma.apiKey.findUniqueOrThrow({ where: { id: created.id } });
      expect(stored.secretHash).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.stringify(stored)).not.toContain(created.key.slice(26, 58));
    });

    it('authenticates a new key, in every replica, until it is revoked', async () => {
      const { accessToken } = await register(t.server);
      const { id, key } = await createKey(accessToken);
      expect(await readOrders(key)).toBe(200);
      expect(await readOrders(key, replica.baseUrl)).toBe(200);

      await request(t.server)
        .delete(`/v1/users/me/api-keys/${id}`)
        .set(...bearer(accessToken))
        .expect(204);
      const refused = await request(t.server)
        .get('/v1/orders')
        .set(...bearer(key))
        .expect(401);
      expect(refused.headers['content-type']).toMatch(PROBLEM);
      expect(refused.headers['www-authenticate']).toMatch(/error="invalid_token"/);
      expect(refused.body.detail).toMatch(/API key is not valid/);
      expect(await readOrders(key, replica.baseUrl)).toBe(401);

      const list = await request(t.server)
        .get('/v1/users/me/api-keys')
        .set(...bearer(accessToken))
        .expect(200);
      expect(list.body).toEqual({ items: [] });
      await request(t.server)
        .delete(`/v1/users/me/api-keys/${id}`)
        .set(...bearer(accessToken))
        .expect(404);
    });

    it('stops a key at its expiry, in every replica', async () => {
      const { accessToken } = await register(t.server);
      const expiresAt = new Date(Date.now() + 3_600_000).toISOString();
      const { id, key, expiresAt: shown } = await createKey(accessToken, { expiresAt });
      expect(shown).toBe(expiresAt);
      expect(await readOrders(key)).toBe(200);
      // The hour passes: the stored expiry moves into the past.
      await prisma.apiKey.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1) } });
      expect(await readOrders(key)).toBe(401);
      expect(await readOrders(key, replica.baseUrl)).toBe(401);
    });

    it('refuses an expiry in the past', async () => {
      const { accessToken } = await register(t.server);
      const res = await request(t.server)
        .post('/v1/users/me/api-keys')
        .set(...bearer(accessToken))
        .send({ name: 'ci', scopes: ['orders:read'], expiresAt: '2020-01-01T00:00:00Z' })
        .expect(400);
      expect(res.body.errors).toEqual([
        { pointer: '#/expiresAt', detail: 'must be in the future' },
      ]);
    });

    it('stops the keys of a disabled owner at once, in every replica', async () => {
      const { accessToken, user } = await register(t.server);
      const { key } = await createKey(accessToken);
      expect(await readOrders(key, replica.baseUrl)).toBe(200);
      await request(t.server)
        .patch(`/v1/users/${user.id}`)
        .set(...bearer(admin.accessToken))
        .send({ disabled: true })
        .expect(200);
      expect(await readOrders(key)).toBe(401);
      expect(await readOrders(key, replica.baseUrl)).toBe(401);
      await request(t.server)
        .patch(`/v1/users/${user.id}`)
        .set(...bearer(admin.accessToken))
        .send({ disabled: false })
        .expect(200);
      expect(await readOrders(key, replica.baseUrl)).toBe(200);
    });

    // Every rule of the body is unit-tested (api-key.schemas.spec.ts); here, the answer.
    it('refuses a bad body with a 400 problem pointing at each bad field', async () => {
      const { accessToken } = await register(t.server);
      const res = await request(t.server)
        .post('/v1/users/me/api-keys')
        .set(...bearer(accessToken))
        .send({ name: '   ', scopes: ['orders:delete'], expiresAt: 'tomorrow' })
        .expect(400);
      expect(res.headers['content-type']).toMatch(PROBLEM);
      const errors = res.body.errors as { pointer: string }[];
      expect(errors.map((error) => error.pointer).sort()).toEqual([
        '#/expiresAt',
        '#/name',
        '#/scopes/0',
      ]);
    });

    it('records the last use, coalesced off the request path', async () => {
      const { accessToken } = await register(t.server);
      const { id, key } = await createKey(accessToken);
      expect(await readOrders(key)).toBe(200);
      expect(await readOrders(key)).toBe(200);
      const before = await prisma.apiKey.findUniqueOrThrow({ where: { id } });
      expect(before.lastUsedAt).toBeNull();
      await t.app.get(ApiKeyUsage).flush();
      const list = await request(t.server)
        .get('/v1/users/me/api-keys')
        .set(...bearer(accessToken))
        .expect(200);
      expect(list.body.items[0].lastUsedAt).toEqual(expect.any(String));
    });
  });

  describe('scopes', () => {
    it('never exceeds the owner’s role: a user cannot grant products:write', async () => {
      const { accessToken } = await register(t.server);
      const res = await request(t.server)
        .post('/v1/users/me/api-keys')
        .set(...bearer(accessToken))
        .send({ name: 'ci', scopes: ['products:write'] })
        .expect(403);
      expect(res.headers['content-type']).toMatch(PROBLEM);
      expect(res.body.type).toBe('/problems/api-key-scope-not-allowed');
    });

    it('is enforced on every route that declares one; other routes refuse keys', async () => {
      const doc = await request(t.server).get('/openapi.json').expect(200);
      const operations = Object.entries(
        doc.body.paths as Record<string, Record<string, { 'x-api-key-scopes'?: ApiKeyScope[] }>>,
      ).flatMap(([path, byMethod]) =>
        Object.entries(byMethod).map(([method, operation]) => ({
          method: method as 'get',
          url: path.replaceAll(/\{[^}]+\}/g, SOME_UUID),
          route: `${method.toUpperCase()} ${path}`,
          scopes: operation['x-api-key-scopes'],
        })),
      );
      // The admin's keys: one with every scope, and for each scope one with all the others.
      const all = await createKey(admin.accessToken, { scopes: apiKeyScopeNames });
      const allBut = new Map<ApiKeyScope, string>();
      for (const scope of apiKeyScopeNames) {
        const others = apiKeyScopeNames.filter((other) => other !== scope);
        allBut.set(scope, (await createKey(admin.accessToken, { scopes: others })).key);
      }
      const scoped = operations.filter((operation) => operation.scopes);
      expect(scoped.map((operation) => operation.route)).toEqual(
        expect.arrayContaining(['GET /v1/orders', 'POST /v1/orders', 'POST /v1/products']),
      );

      for (const { method, url, route, scopes } of operations) {
        const call = (key?: string): request.Test => {
          const sent = request(t.server)[method](url);
          return (key === undefined ? sent : sent.set(...bearer(key))).send({});
        };
        const anonymous = await call();
        if (anonymous.status !== 401) continue; // a public route
        const withAll = await call(all.key);
        if (!scopes) {
          expect(`${route} → ${withAll.status}`).toBe(`${route} → 403`);
          expect(withAll.body.detail).toMatch(/API keys cannot use this route/);
          continue;
        }
        expect(`${route} → ${withAll.status}`).not.toMatch(/→ 40[13]$/);
        for (const scope of scopes) {
          const lacking = await call(allBut.get(scope));
          expect(`${route} without ${scope} → ${lacking.status}`).toBe(
            `${route} without ${scope} → 403`,
          );
          expect(lacking.headers['content-type']).toMatch(PROBLEM);
          expect(lacking.body.detail).toBe(`This API key lacks the scope ${scope}.`);
        }
      }
    });

    it('does not limit access tokens', async () => {
      const { accessToken } = await register(t.server);
      await request(t.server)
        .patch('/v1/users/me')
        .set(...bearer(accessToken))
        .send({})
        .expect(200);
    });
  });

  describe('refused before the database', () => {
    it('answers a malformed or mistyped key with 401 without a single query', async () => {
      const { accessToken } = await register(t.server);
      const { key } = await createKey(accessToken);
      const last = key.at(-1) === '0' ? '1' : '0';
      let queries = 0;
      t.app.get(PrismaService).onQuery(() => (queries += 1));

      for (const bad of [`${key.slice(0, -1)}${last}`, key.slice(0, -1), 'sak_not-a-key']) {
        queries = 0;
        const res = await request(t.server)
          .get('/v1/orders')
          .set(...bearer(bad))
          .expect(401);
        expect(res.headers['content-type']).toMatch(PROBLEM);
        expect(queries).toBe(0);
      }
      // The listener does count: the valid key reads the database.
      queries = 0;
      expect(await readOrders(key)).toBe(200);
      expect(queries).toBeGreaterThan(0);
    });
  });

  describe('object-level authorization', () => {
    it("answers 404 to a user revoking another user's key, which keeps working", async () => {
      const owner = await register(t.server);
      const other = await register(t.server);
      const { id, key } = await createKey(owner.accessToken);
      await request(t.server)
        .delete(`/v1/users/me/api-keys/${id}`)
        .set(...bearer(other.accessToken))
        .expect(404);
      const list = await request(t.server)
        .get('/v1/users/me/api-keys')
        .set(...bearer(other.accessToken))
        .expect(200);
      expect(list.body).toEqual({ items: [] });
      expect(await readOrders(key)).toBe(200);
    });

    it("lets only admins list and revoke any user's keys", async () => {
      const owner = await register(t.server);
      const other = await register(t.server);
      const { id, key } = await createKey(owner.accessToken);
      await request(t.server)
        .get(`/v1/users/${owner.user.id}/api-keys`)
        .set(...bearer(other.accessToken))
        .expect(403);
      await request(t.server)
        .delete(`/v1/users/${owner.user.id}/api-keys/${id}`)
        .set(...bearer(other.accessToken))
        .expect(403);

      const list = await request(t.server)
        .get(`/v1/users/${owner.user.id}/api-keys`)
        .set(...bearer(admin.accessToken))
        .expect(200);
      const items = list.body.items as { id: string }[];
      expect(items.map((item) => item.id)).toEqual([id]);
      // The key's id under another user is not found.
      await request(t.server)
        .delete(`/v1/users/${other.user.id}/api-keys/${id}`)
        .set(...bearer(admin.accessToken))
        .expect(404);
      await request(t.server)
        .delete(`/v1/users/${owner.user.id}/api-keys/${id}`)
        .set(...bearer(admin.accessToken))
        .expect(204);
      expect(await readOrders(key)).toBe(401);
    });

    it('does not let a key mint or revoke keys', async () => {
      const { accessToken } = await register(t.server);
      const { id, key } = await createKey(accessToken, { scopes: ['orders:read', 'users:read'] });
      await request(t.server)
        .post('/v1/users/me/api-keys')
        .set(...bearer(key))
        .send({ name: 'more', scopes: ['orders:read'] })
        .expect(403);
      await request(t.server)
        .delete(`/v1/users/me/api-keys/${id}`)
        .set(...bearer(key))
        .expect(403);
      expect(await readOrders(key)).toBe(200);
    });
  });

  describe('rate limit per key', () => {
    let limited: TestApp;

    beforeAll(async () => {
      limited = await startTestApp({ RATE_LIMIT_API_KEY_PER_MINUTE: '2' });
    });

    afterAll(async () => {
      await limited.close();
    });

    it('counts each key on its own, from the same address', async () => {
      const { accessToken } = await register(limited.server);
      const create = async (): Promise<string> =>
        (
          await request(limited.server)
            .post('/v1/users/me/api-keys')
            .set(...bearer(accessToken))
            .send({ name: 'ci', scopes: ['orders:read'] })
            .expect(201)
        ).body.key as string;
      const [first, second] = [await create(), await create()];
      expect(await readOrders(first, limited.server)).toBe(200);
      expect(await readOrders(first, limited.server)).toBe(200);
      const blocked = await request(limited.server)
        .get('/v1/orders')
        .set(...bearer(first));
      expect(blocked.status).toBe(429);
      expect(blocked.headers['content-type']).toMatch(PROBLEM);
      expect(await readOrders(second, limited.server)).toBe(200);
      // Access tokens from the same address are not counted against the keys.
      await request(limited.server)
        .get('/v1/orders')
        .set(...bearer(accessToken))
        .expect(200);
    });
  });

  describe('shutdown', () => {
    it('writes the pending last uses before the database closes', async () => {
      const stopping = await startTestApp();
      const { accessToken } = await register(stopping.server);
      const created = await request(stopping.server)
        .post('/v1/users/me/api-keys')
        .set(...bearer(accessToken))
        .send({ name: 'ci', scopes: ['orders:read'] })
        .expect(201);
      const { id, key } = created.body as { id: string; key: string };
      expect(await readOrders(key, stopping.server)).toBe(200);
      await stopping.close();
      const stored = await prisma.apiKey.findUniqueOrThrow({ where: { id } });
      expect(stored.lastUsedAt).toBeInstanceOf(Date);
    });
  });
});
