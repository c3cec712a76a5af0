import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { eventually, query, workerDatabaseUrl } from '@libs/testing';
import request from 'supertest';
import { PASSWORD, bearer, login, newEmail, register, type Tokens } from '../support/identity.js';
import { type AppBehindProxies, startAppBehindProxies } from './support/app-behind-proxies.js';
import { PROBLEM, expectAccountIntact } from './support/expectations.js';
import { listenOnLoopback } from './support/listen.js';
import { Load, type LoadRequest, type Outcome } from './support/load.js';

const LOOPS = 4;
/**
 * Connect and pool timeouts are 1 s here: a request that takes this much longer than the same
 * kind of request took before the fault is hanging. (Measured against the machine as it is now:
 * a busy machine slows every request, a hang adds waits on top.)
 */
const HANG_MS = 3_000;

/** What each loop sends: reads and renames of its own account, and new registrations. */
function traffic(url: string, accounts: Tokens[]): (loop: number, seq: number) => LoadRequest {
  return (loop, seq) => {
    const { accessToken } = accounts[loop]!;
    if (seq % 5 === 4) {
      const email = newEmail('under-load');
      return {
        kind: 'register',
        sent: email,
        test: request(url).post('/v1/auth/register').send({ email, password: PASSWORD }),
      };
    }
    if (seq % 2 === 1) {
      const name = `loop ${loop} write ${seq}`;
      return {
        kind: 'rename',
        sent: name,
        test: request(url)
          .patch('/v1/users/me')
          .set(...bearer(accessToken))
          .send({ name }),
      };
    }
    return {
      kind: 'read',
      test: request(url)
        .get('/v1/users/me')
        .set(...bearer(accessToken)),
    };
  };
}

/** Every answer is a success or a clean, fast 503: no 500, no hang, no dropped connection. */
function expectOnlySuccessOrFast503(outcomes: readonly Outcome[]): void {
  const before = outcomes.filter((o) => o.endPhase === 'before');
  const slowest = (of: readonly Outcome[]): number => Math.max(0, ...of.map((o) => o.ms));
  const slowestBefore = (kind: string): number => {
    const same = before.filter((o) => o.kind === kind);
    return slowest(same.length > 0 ? same : before);
  };
  const bad = outcomes.filter(
    (o) =>
      o.ms > HANG_MS + slowestBefore(o.kind) ||
      !(
        [200, 201].includes(o.status) ||
        (o.status === 503 && PROBLEM.test(o.contentType ?? '') && Number(o.retryAfter) > 0)
      ),
  );
  expect(bad.map(({ kind, status, ms, body }) => ({ kind, status, ms, body }))).toEqual([]);
}

/**
 * Acknowledged writes survive: each loop's name in the database is the one of its last 200, or
 * of a later rename whose answer was lost in the fault (it may have committed just before).
 */
async function expectAcknowledgedWritesKept(
  url: string,
  outcomes: readonly Outcome[],
  accounts: Tokens[],
): Promise<void> {
  for (const [loop, account] of accounts.entries()) {
    const renames = outcomes.filter((o) => o.loop === loop && o.kind === 'rename');
    const lastOk = renames.findLastIndex((o) => o.status === 200);
    const possible = renames.slice(Math.max(lastOk, 0)).map((o) => o.sent);
    const [row] = await query<{ name: string }>(
      workerDatabaseUrl(),
      'SELECT name FROM users WHERE id = $1',
      [account.user.id],
    );
    expect(possible).toContain(row?.name);
  }
  for (const created of outcomes.filter((o) => o.kind === 'register' && o.status === 201)) {
    await login(url, created.sent as string);
  }
}

/** A fault, inflicted on the app's PostgreSQL while traffic runs. */
type Fault = (t: AppBehindProxies) => Promise<void>;

describe.each<[string, Fault]>([
  [
    'PostgreSQL crashes and stays down a while',
    (t) => {
      t.postgres.refuse();
      return Promise.resolve();
    },
  ],
  [
    'PostgreSQL terminates every connection of the app (restart, failover)',
    async () => {
      await query(
        workerDatabaseUrl(),
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
          WHERE datname = current_database() AND pid <> pg_backend_pid()`,
      );
    },
  ],
])('%s under load', (_fault, inflict) => {
  let t: AppBehindProxies;
  let url: string;
  let accounts: Tokens[];
  let bystander: Tokens;

  beforeAll(async () => {
    t = await startAppBehindProxies();
    url = await listenOnLoopback(t.app);
    bystander = await register(t.server);
    accounts = await Promise.all(Array.from({ length: LOOPS }, () => register(t.server)));
  });

  afterAll(async () => {
    await t.close();
  });

  it('answers fast 503s or successes, never hangs, recovers fully, and loses no data', async () => {
    const load = new Load(LOOPS, traffic(url, accounts));
    try {
      await eventually('traffic before the fault', () => load.in('before').length >= 20);
      load.phase = 'fault';
      await inflict(t);
      await eventually('traffic during the fault', () => load.in('fault').length >= 20);
      load.phase = 'recovering';
      t.postgres.pass();
      await eventually('readiness', async () => (await request(url).get('/health/ready')).ok);
      load.phase = 'after';
      await eventually('traffic after recovery', () => load.in('after').length >= 20);
    } finally {
      await load.stop();
    }

    expectOnlySuccessOrFast503(load.outcomes);
    expect(load.in('before').every((o) => o.status < 300)).toBe(true);
    expect(load.in('after').every((o) => o.status < 300)).toBe(true);
    await expectAcknowledgedWritesKept(url, load.outcomes, accounts);
    await expectAccountIntact(t.server, bystander);
  }, 30_000);
});
