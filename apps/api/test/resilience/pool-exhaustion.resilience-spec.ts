import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { bearer, register } from '../support/identity.js';
import { type AppBehindProxies, startAppBehindProxies } from './support/app-behind-proxies.js';
import { expectAccountIntact, expectUnavailable, timed } from './support/expectations.js';
import { lockUserRows } from './support/row-lock.js';

const POOL_TIMEOUT_MS = 300;

describe('database pool exhausted', () => {
  let t: AppBehindProxies;

  beforeAll(async () => {
    t = await startAppBehindProxies({
      env: {
        DATABASE_POOL_SIZE: '2',
        DATABASE_POOL_TIMEOUT_MS: String(POOL_TIMEOUT_MS),
        DATABASE_STATEMENT_TIMEOUT_MS: '10000',
      },
    });
  });

  afterAll(async () => {
    await t.close();
  });

  it('answers the next request 503 with Retry-After after the pool timeout, not a hang', async () => {
    const [first, second, third] = await Promise.all([
      register(t.server),
      register(t.server),
      register(t.server),
    ]);
    const rename = (tokens: typeof first, name: string): request.Test =>
      request(t.server)
        .patch('/v1/users/me')
        .set(...bearer(tokens.accessToken))
        .send({ name });

    const lock = await lockUserRows([first.user.id, second.user.id]);
    let held: Promise<request.Response[]>;
    try {
      // Each rename holds one of the two pooled connections while it waits for its row.
      held = Promise.all([rename(first, 'first, later'), rename(second, 'second, later')]);
      await lock.blocked(2);
      const { value: res, ms } = await timed(() =>
        request(t.server)
          .get('/v1/users/me')
          .set(...bearer(third.accessToken)),
      );
      expectUnavailable(res);
      expect(ms).toBeLessThan(POOL_TIMEOUT_MS + 1_000);
    } finally {
      await lock.release();
    }

    // The held requests finish once their rows are free; nothing was lost or mixed up.
    const answers = await held;
    expect(answers.map((res): unknown[] => [res.status, res.body.name])).toEqual([
      [200, 'first, later'],
      [200, 'second, later'],
    ]);
    await expectAccountIntact(t.server, third);
  });
});
