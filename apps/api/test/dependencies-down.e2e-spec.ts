import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { ProbeModule } from './support/probe.module.js';
import { startTestApp, type TestApp } from './support/test-app.js';

// Nothing listens on port 1: connections are refused at once, like a stopped server.
const DEAD_POSTGRES = 'postgresql://postgres@127.0.0.1:1/test_unreachable';
const DEAD_REDIS = 'redis://127.0.0.1:1';

describe('PostgreSQL unreachable', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ DATABASE_URL: DEAD_POSTGRES }, [ProbeModule]);
  });

  afterAll(async () => {
    await t.close();
  });

  it('keeps /health/live at 200', async () => {
    await request(t.server).get('/health/live').expect(200, { status: 'ok' });
  });

  it('answers /health/ready with a 503 problem naming the database', async () => {
    const res = await request(t.server).get('/health/ready').expect(503);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({
      status: 503,
      title: 'Service Unavailable',
      checks: { database: 'down', redis: 'up' },
    });
  });

  it('answers a request that needs the database with 503 and Retry-After, no internals', async () => {
    const res = await request(t.server).get('/v1/probe/database').expect(503);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.headers['retry-after']).toBe('5');
    expect(res.body).toMatchObject({ status: 503, type: '/problems/dependency-unavailable' });
    expect(res.text).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|P10\d\d|prisma/i);
  });
});

describe('Redis unreachable', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ REDIS_URL: DEAD_REDIS });
  });

  afterAll(async () => {
    await t.close();
  });

  it('answers /health/ready with a 503 problem naming Redis', async () => {
    const res = await request(t.server).get('/health/ready').expect(503);
    expect(res.body).toMatchObject({ checks: { database: 'up', redis: 'down' } });
  });
});
