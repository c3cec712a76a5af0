import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { eventually } from '@libs/testing';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { shutdownGracefully } from '../../src/platform/lifecycle/graceful-shutdown.js';
import { LifecycleService } from '../../src/platform/lifecycle/lifecycle.service.js';
import { PROCESS_TEST_TIMEOUT_MS } from '../support/api-process.js';
import { register, type Tokens } from '../support/identity.js';
import { Gate, ProbeModule, probeGate } from '../support/probe.module.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import {
  type ApiProcessBehindProxy,
  startApiProcessBehindProxy,
} from './support/api-process-behind-proxy.js';
import { PROBLEM } from './support/expectations.js';
import { type Exchange, KeepAliveClient } from './support/keep-alive-client.js';
import { listenOnLoopback } from './support/listen.js';
import { RawConnection, type RawExchange } from './support/raw-connection.js';

const LOOPS = 8;
/** Requests held in flight (by a stalled database), so the drain lasts until the test ends it. */
const HELD = 2;

interface Outcome {
  readonly loop: number;
  readonly draining: boolean;
  readonly exchange: Exchange;
}

/** A 503 that tells the client to go elsewhere: problem+json, Retry-After, Connection: close. */
function expectDrainAnswer(exchange: Exchange | RawExchange): void {
  if ('error' in exchange) throw new Error(`no answer: ${exchange.error}`);
  expect({
    status: exchange.status,
    type: exchange.headers['content-type'],
    connection: exchange.headers.connection,
  }).toEqual({ status: 503, type: expect.stringMatching(PROBLEM), connection: 'close' });
  expect(Number(exchange.headers['retry-after'])).toBeGreaterThan(0);
  expect(JSON.parse(exchange.body)).toMatchObject({ status: 503 });
}

describe('SIGTERM with keep-alive clients under load (the built main.js)', () => {
  let api: ApiProcessBehindProxy;

  beforeAll(async () => {
    api = await startApiProcessBehindProxy({ SHUTDOWN_TIMEOUT_MS: '20000' });
  }, PROCESS_TEST_TIMEOUT_MS);

  afterAll(async () => {
    await api.close();
  });

  it(
    'answers a request on a kept-alive connection 503, closes every connection, resets none',
    async () => {
      const accounts: Tokens[] = [];
      for (let i = 0; i < HELD; i += 1) accounts.push(await register(api.baseUrl));

      // Clients that reuse their connection for every request, sending as fast as answered,
      // until the instance refuses new connections (then a client goes elsewhere).
      const outcomes: Outcome[] = [];
      let draining = false;
      const clients = Array.from({ length: LOOPS }, () => new KeepAliveClient(api.baseUrl));
      const loops = clients.map(async (client, loop) => {
        for (;;) {
          const phase = draining;
          const exchange = await client.send('GET', '/.well-known/jwks.json');
          outcomes.push({ loop, draining: phase, exchange });
          if ('error' in exchange) return;
        }
      });
      // A client whose connection sits idle when the drain begins.
      const idle = new KeepAliveClient(api.baseUrl);
      expect(await idle.send('GET', '/.well-known/jwks.json')).toMatchObject({ status: 200 });
      await eventually('traffic on every connection', () =>
        clients.every((_, loop) => outcomes.filter((o) => o.loop === loop).length >= 5),
      );

      // Requests held in flight by the database keep the instance draining.
      api.postgres.pause();
      const writers = accounts.map(() => new KeepAliveClient(api.baseUrl));
      const held = accounts.map((tokens, i) =>
        writers[i]!.send('PATCH', '/v1/users/me', {
          headers: { authorization: `Bearer ${tokens.accessToken}` },
          body: { name: `renamed while draining ${i}` },
        }),
      );
      await eventually(
        'the held requests in flight',
        () => api.postgres.waitingConnections >= HELD,
      );

      draining = true;
      const exited = api.stop(); // SIGTERM now
      await eventually('the drain to begin', () => api.output().includes('SIGTERM received'));

      const late = await idle.send('GET', '/.well-known/jwks.json');
      expect(late.reusedSocket).toBe(true);
      expectDrainAnswer(late);
      await eventually('every client told to go elsewhere', () =>
        clients.every((_, loop) =>
          outcomes.some((o) => o.loop === loop && o.draining && 'error' in o.exchange),
        ),
      );

      // The held requests complete, asking their clients to close the connection.
      api.postgres.pass();
      for (const answer of await Promise.all(held)) {
        expect(answer).toMatchObject({ status: 200, headers: { connection: 'close' } });
      }
      await Promise.all(loops);
      expect(await exited).toBe(0);
      for (const client of [...clients, ...writers, idle]) client.close();

      // Every request was answered (200, or 503 once draining), or refused a new connection
      // after the drain began: no request was cut off by a reset.
      const failures = outcomes.flatMap(({ exchange, draining: during }) =>
        'error' in exchange && !(exchange.error === 'ECONNREFUSED' && during) ? [exchange] : [],
      );
      expect(failures).toEqual([]);
      const answers = outcomes.flatMap(({ exchange }) => ('error' in exchange ? [] : [exchange]));
      expect(answers.filter((a) => a.status !== 200 && a.status !== 503)).toEqual([]);
      for (const refusal of answers.filter((a) => a.status === 503)) expectDrainAnswer(refusal);
      // Each client's connection ended because its last answer asked it to (Connection: close).
      const lastAnswers = clients.map((_, loop) =>
        outcomes.findLast((o) => o.loop === loop && !('error' in o.exchange)),
      );
      for (const last of lastAnswers) {
        expect(last?.exchange).toMatchObject({ headers: { connection: 'close' } });
      }
    },
    PROCESS_TEST_TIMEOUT_MS,
  );
});

describe('a request landing on an idle kept-alive connection as the drain ends (in process)', () => {
  let t: TestApp;
  let baseUrl: string;
  /** A connection that has had one answer and stays open, idle, for the next request. */
  let idle: RawConnection;
  let shutdown: Promise<void> | undefined;

  beforeEach(async () => {
    t = await startTestApp({}, [ProbeModule]);
    baseUrl = await listenOnLoopback(t.app);
    idle = await RawConnection.open((t.server.address() as AddressInfo).port);
    expect(await idle.get('/health/live')).toMatchObject({ status: 200 });
    shutdown = undefined;
  });

  afterEach(async () => {
    idle.destroy();
    await (shutdown ?? t.close());
  });

  it('is answered 503 when it lands as the last request in flight is answered', async () => {
    const lifecycle = t.app.get(LifecycleService);
    const gate = (probeGate.current = new Gate());
    let late: Promise<RawExchange> | undefined;
    let inFlightThen: number | undefined;
    t.server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      if (req.url !== '/v1/probe/slow') return;
      // The held request's answer is out and nothing is in flight any more: at this very moment
      // (before the event loop reads anything else), a request lands on the idle connection.
      res.once('close', () => {
        inFlightThen = lifecycle.requestsInFlight;
        late = idle.get('/v1/products');
      });
    });
    const client = new KeepAliveClient(baseUrl);
    const held = client.send('GET', '/v1/probe/slow');
    await gate.entered.promise;
    shutdown = shutdownGracefully(t.app);
    gate.opened.resolve(undefined);

    expect(await held).toMatchObject({ status: 200, headers: { connection: 'close' } });
    client.close();
    await shutdown;
    if (!late) throw new Error('the held request was never answered');
    expectDrainAnswer(await late);
    // It landed in the very window: the instance had no request in flight.
    expect(inFlightThen).toBe(0);
    // Its answer said Connection: close, and the server closed the connection after it.
    await idle.closed;
  });

  it('is answered 503 when it lands as the drain begins with nothing in flight', async () => {
    const late = idle.get('/v1/products');
    shutdown = shutdownGracefully(t.app);
    expectDrainAnswer(await late);
    await shutdown;
    await idle.closed;
  });
});
