import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { eventually, query, workerDatabaseUrl } from '@libs/testing';
import request from 'supertest';
import { PASSWORD, bearer, newEmail, register, type Tokens } from '../support/identity.js';
import { PROCESS_TEST_TIMEOUT_MS } from '../support/api-process.js';
import {
  type ApiProcessBehindProxy,
  startApiProcessBehindProxy,
} from './support/api-process-behind-proxy.js';
import { Load } from './support/load.js';

/** Requests held in flight (by a stalled database) when the signal arrives. */
const IN_FLIGHT = 6;

describe('SIGTERM under load (the built main.js, a real signal)', () => {
  let api: ApiProcessBehindProxy;

  beforeAll(async () => {
    api = await startApiProcessBehindProxy({ SHUTDOWN_TIMEOUT_MS: '10000' });
  }, PROCESS_TEST_TIMEOUT_MS);

  afterAll(async () => {
    await api.close(); // at once if the test got that far
  });

  it(
    'flips readiness, completes every request in flight, exits 0, and loses nothing',
    async () => {
      const accounts: Tokens[] = [];
      for (let i = 0; i < IN_FLIGHT; i += 1) accounts.push(await register(api.baseUrl));
      const me = (tokens: Tokens): request.Test =>
        request(api.baseUrl)
          .get('/v1/users/me')
          .set(...bearer(tokens.accessToken));

      // Traffic on every account (its session gets cached), then it stops, as a load balancer
      // stops sending once the pod is being removed.
      const load = new Load(IN_FLIGHT, (loop) => ({ kind: 'read', test: me(accounts[loop]!) }));
      await eventually('traffic', () => load.outcomes.length >= 30);
      expect((await load.stop()).every((o) => o.status === 200)).toBe(true);
      await request(api.baseUrl).get('/health/ready').expect(200);

      // Hold the database: each request below is accepted and waits on its own pooled connection
      // (writes, because Prisma batches concurrent reads into one query). Half are renames, one
      // query each; half are sign-ups, which need the pool again after the held query (for the
      // session), so the pool must outlive the drain.
      api.postgres.pause();
      const newEmails = accounts.map(() => newEmail('during-shutdown'));
      const answers = Promise.all(
        accounts.map((tokens, i) =>
          i % 2 === 0
            ? request(api.baseUrl)
                .patch('/v1/users/me')
                .set(...bearer(tokens.accessToken))
                .send({ name: `renamed during shutdown ${i}` })
            : request(api.baseUrl)
                .post('/v1/auth/register')
                .send({ email: newEmails[i], password: PASSWORD }),
        ),
      );
      await eventually(
        'every request to be in flight',
        () => api.postgres.waitingConnections >= IN_FLIGHT,
      );

      const exited = api.stop(); // sends SIGTERM now
      await eventually('the drain to begin', () => api.output().includes('SIGTERM received'));
      // Readiness is never 200 again: 503 on a live connection, refused once the port is closed.
      const ready = await request(api.baseUrl)
        .get('/health/ready')
        .then(
          (res) => res.status,
          () => 'refused',
        );
      expect([503, 'refused']).toContain(ready);

      api.postgres.pass();
      const results = await answers;
      expect(results.map((res) => res.status)).toEqual(
        accounts.map((_, i) => (i % 2 === 0 ? 200 : 201)),
      );
      expect(await exited).toBe(0);
      expect(api.output()).toContain('shutdown complete');

      // Every acknowledged write is in the database: the renames, and each sign-up with its session.
      const renamed = await query<{ id: string; name: string }>(
        workerDatabaseUrl(),
        'SELECT id, name FROM users WHERE id = ANY($1::uuid[])',
        [accounts.map((a) => a.user.id)],
      );
      for (const [i, account] of accounts.entries()) {
        if (i % 2 === 0) {
          expect(renamed.find((r) => r.id === account.user.id)?.name).toBe(
            `renamed during shutdown ${i}`,
          );
        }
      }
      const signedUp = await query<{ email: string; sessions: number }>(
        workerDatabaseUrl(),
        `SELECT u.email, count(s.id)::int AS sessions FROM users u JOIN sessions s ON s.user_id = u.id
        WHERE u.email = ANY($1::text[]) GROUP BY u.email`,
        [newEmails.filter((_, i) => i % 2 === 1)],
      );
      expect(signedUp.map((row) => row.sessions)).toEqual([1, 1, 1]);
    },
    PROCESS_TEST_TIMEOUT_MS,
  );
});
