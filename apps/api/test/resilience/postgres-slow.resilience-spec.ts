import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { bearer, register, type Tokens } from '../support/identity.js';
import { type AppBehindProxies, startAppBehindProxies } from './support/app-behind-proxies.js';
import { expectAccountIntact, expectUnavailable, timed } from './support/expectations.js';
import { lockUserRows } from './support/row-lock.js';

const STATEMENT_TIMEOUT_MS = 500;
/** pg stops waiting for an answer 1 s after the statement timeout (libs/database pool-config). */
const DEADLINE_MS = STATEMENT_TIMEOUT_MS + 1_000;
/** Scheduling slack on a busy CI machine. */
const SLACK_MS = 750;

describe('PostgreSQL slow', () => {
  let t: AppBehindProxies;

  beforeAll(async () => {
    t = await startAppBehindProxies({
      env: { DATABASE_STATEMENT_TIMEOUT_MS: String(STATEMENT_TIMEOUT_MS) },
    });
  });

  afterAll(async () => {
    await t.close();
  });

  const rename = (account: Tokens, name: string): request.Test =>
    request(t.server)
      .patch('/v1/users/me')
      .set(...bearer(account.accessToken))
      .send({ name });

  it('answers a statement held past statement_timeout with 503 in time, and writes nothing', async () => {
    const account = await register(t.server, { name: 'before' });
    const lock = await lockUserRows([account.user.id]);
    try {
      const { value: res, ms } = await timed(() => rename(account, 'during'));
      expectUnavailable(res);
      expect(ms).toBeLessThan(DEADLINE_MS + SLACK_MS);
    } finally {
      await lock.release();
    }
    await expectAccountIntact(t.server, account);
    await rename(account, 'after').expect(200);
  });

  it('answers 503 in time while every round trip is slower than the deadline, then recovers', async () => {
    const account = await register(t.server, { name: 'before' });
    t.postgres.slow(DEADLINE_MS);
    try {
      const { value: res, ms } = await timed(() => rename(account, 'during'));
      expectUnavailable(res);
      expect(ms).toBeLessThan(DEADLINE_MS + SLACK_MS);
    } finally {
      t.postgres.pass();
    }
    // A late answer on a timed-out connection must not be handed to another query.
    await expectAccountIntact(t.server, account);
    const other = await register(t.server);
    await expectAccountIntact(t.server, other);
  });

  it('serves every request, only slower, while round trips are slow but within the deadline', async () => {
    const account = await register(t.server, { name: 'before' });
    t.postgres.slow(50);
    try {
      const res = await rename(account, 'slowly').expect(200);
      expect(res.body.name).toBe('slowly');
    } finally {
      t.postgres.pass();
    }
  });
});
