import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { eventually } from '@libs/testing';
import request from 'supertest';
import { PASSWORD, newEmail, register } from '../support/identity.js';
import { type AppBehindProxies, startAppBehindProxies } from './support/app-behind-proxies.js';
import { PROBLEM, expectAccountIntact, expectUnavailable, timed } from './support/expectations.js';

const REFUSED_ANSWER_MS = 5_000;

describe('PostgreSQL down when the app starts', () => {
  let t: AppBehindProxies;

  beforeAll(async () => {
    t = await startAppBehindProxies({ beforeStart: ({ postgres }) => postgres.refuse() });
  });

  afterAll(async () => {
    await t.close();
  });

  it('stays live, reports not ready, answers fast 503s, and recovers without a restart', async () => {
    await request(t.server).get('/health/live').expect(200, { status: 'ok' });
    const ready = await request(t.server).get('/health/ready').expect(503);
    expect(ready.headers['content-type']).toMatch(PROBLEM);
    expect(ready.body).toMatchObject({ checks: { database: 'down', redis: 'up' } });

    const email = newEmail('outage');
    const { value: refused, ms } = await timed(() =>
      request(t.server).post('/v1/auth/register').send({ email, password: PASSWORD }),
    );
    expectUnavailable(refused);
    // A refused connection fails at once; what is left is hashing the password (Argon2id and the
    // strength check), which takes seconds beside other CPU-heavy work. Rules out a hang.
    expect(ms).toBeLessThan(REFUSED_ANSWER_MS);

    t.postgres.pass();
    await eventually('readiness', async () => (await request(t.server).get('/health/ready')).ok);
    // The refused registration left nothing behind: the same email registers now.
    const account = await register(t.server, { email });
    await expectAccountIntact(t.server, account);
  });
});
