import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { eventually, requireHarnessEnv, workerDatabaseUrl } from '@libs/testing';
import request from 'supertest';
import {
  type ApiProcess,
  PROCESS_TEST_TIMEOUT_MS,
  startApiProcess,
} from './support/api-process.js';
import { createProduct } from './support/catalog.js';
import { type Tokens, bearer, newSigningKey, register, registerAdmin } from './support/identity.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * What one replica changes, every other one sees within a second, although each keeps live
 * sessions and hot products in its own memory (NearCache): revocations and product changes are
 * published over Redis pub/sub. The in-memory entries would otherwise live 5 s (sessions) and
 * 10 s (products), so these tests fail if the messages do not arrive.
 */
const PROPAGATION = { timeoutMs: 1_000, intervalMs: 20 };

describe('in-process caches across replicas', () => {
  let t: TestApp;
  let replica: ApiProcess;
  let admin: Tokens;

  beforeAll(async () => {
    // Replicas share their signing keys and Redis prefix, as a deployment's do.
    const JWT_SIGNING_KEYS = JSON.stringify([await newSigningKey('replicas')]);
    // One issuer for both (the default names each one's own URL).
    const JWT_ISSUER = 'http://api.replicas.test';
    t = await startTestApp({ JWT_SIGNING_KEYS, JWT_ISSUER });
    replica = await startApiProcess({
      NODE_ENV: 'test',
      LOG_LEVEL: 'info', // startApiProcess waits for the "listening" line
      DATABASE_URL: workerDatabaseUrl(),
      REDIS_URL: requireHarnessEnv().redisUrl,
      REDIS_KEY_PREFIX: t.config.redis.keyPrefix,
      JWT_SIGNING_KEYS,
      JWT_ISSUER,
    });
    admin = await registerAdmin(t);
  }, PROCESS_TEST_TIMEOUT_MS);

  afterAll(async () => {
    await replica.stop();
    await t.close();
  });

  const me = async (target: string | TestApp['server'], token: string): Promise<number> =>
    (
      await request(target)
        .get('/v1/users/me')
        .set(...bearer(token))
    ).status;

  it(
    'refuses a session revoked on one replica on the other within a second',
    async () => {
      const user = await register(t.server);
      // Both replicas hold the live session in memory now.
      for (let i = 0; i < 3; i += 1) {
        expect(await me(replica.baseUrl, user.accessToken)).toBe(200);
        expect(await me(t.server, user.accessToken)).toBe(200);
      }
      await request(t.server)
        .post('/v1/auth/logout')
        .set(...bearer(user.accessToken))
        .send({})
        .expect(204);
      expect(await me(t.server, user.accessToken)).toBe(401);
      await eventually(
        'the replica to refuse the revoked session',
        async () => (await me(replica.baseUrl, user.accessToken)) === 401,
        PROPAGATION,
      );
    },
    PROCESS_TEST_TIMEOUT_MS,
  );

  it(
    'shows a product changed on one replica on the other within a second',
    async () => {
      const product = await createProduct(t.server, admin.accessToken, { name: 'Before' });
      const read = (target: string | TestApp['server']): Promise<request.Response> =>
        request(target).get(`/v1/products/${product.id}`).expect(200);
      for (let i = 0; i < 3; i += 1) {
        expect((await read(replica.baseUrl)).body).toMatchObject({ name: 'Before' });
        expect((await read(t.server)).body).toMatchObject({ name: 'Before' });
      }
      await request(t.server)
        .patch(`/v1/products/${product.id}`)
        .set(...bearer(admin.accessToken))
        .send({ name: 'After' })
        .expect(200);
      expect((await read(t.server)).body).toMatchObject({ name: 'After' });
      await eventually(
        'the replica to show the change',
        async () => ((await read(replica.baseUrl)).body as { name: string }).name === 'After',
        PROPAGATION,
      );
    },
    PROCESS_TEST_TIMEOUT_MS,
  );
});
