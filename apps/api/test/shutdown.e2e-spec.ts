import { describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { shutdownGracefully } from '../src/platform/lifecycle/graceful-shutdown.js';
import { LifecycleService } from '../src/platform/lifecycle/lifecycle.service.js';
import { Gate, ProbeModule, probeGate } from './support/probe.module.js';
import { startTestApp } from './support/test-app.js';

describe('graceful shutdown', () => {
  it('turns readiness to 503 as soon as shutdown begins', async () => {
    const t = await startTestApp();
    try {
      await request(t.server).get('/health/ready').expect(200);
      t.app.get(LifecycleService).beginShutdown();
      const res = await request(t.server).get('/health/ready').expect(503);
      expect(res.body).toMatchObject({ status: 503, detail: 'Shutting down.' });
      await request(t.server).get('/health/live').expect(200);
    } finally {
      await t.close();
    }
  });

  it('answers other requests 503 problem+json with Retry-After once shutdown begins', async () => {
    const t = await startTestApp();
    try {
      t.app.get(LifecycleService).beginShutdown();
      const res = await request(t.server).get('/v1/products').expect(503);
      expect(res.headers).toMatchObject({
        'content-type': expect.stringMatching(/^application\/problem\+json/),
        'retry-after': '1',
        connection: 'close',
        'x-request-id': expect.any(String),
        'x-content-type-options': 'nosniff',
      });
      expect(res.body).toMatchObject({ status: 503, instance: '/v1/products' });
    } finally {
      await t.close();
    }
  });

  it('lets an in-flight request finish, with the database, before closing the pool', async () => {
    const t = await startTestApp({}, [ProbeModule]);
    const gate = (probeGate.current = new Gate());
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = t.server.address() as { port: number };

    const inFlight = fetch(`http://127.0.0.1:${port}/v1/probe/slow`);
    await gate.entered.promise;
    const shutdown = shutdownGracefully(t.app);
    expect(t.app.get(LifecycleService).isShuttingDown).toBe(true);
    // Released only now: the held request still queries PostgreSQL after shutdown began.
    gate.opened.resolve(undefined);

    const res = await inFlight;
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ done: true, users: expect.any(Number) });
    await shutdown;
    await expect(fetch(`http://127.0.0.1:${port}/health/live`)).rejects.toThrow();
  });
});
