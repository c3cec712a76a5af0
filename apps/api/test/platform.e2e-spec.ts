import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { ProbeModule } from './support/probe.module.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const PROBLEM = /^application\/problem\+json/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('HTTP platform', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ CORS_ORIGINS: 'https://app.example.com' }, [ProbeModule]);
  });

  afterAll(async () => {
    await t.close();
  });

  describe('health', () => {
    it('GET /health/live answers 200 {"status":"ok"}', async () => {
      const res = await request(t.server).get('/health/live').expect(200);
      expect(res.body).toEqual({ status: 'ok' });
    });

    it('GET /health/ready answers 200 when PostgreSQL and Redis answer', async () => {
      const res = await request(t.server).get('/health/ready').expect(200);
      expect(res.body).toMatchObject({
        status: 'ok',
        details: { database: { status: 'up' }, redis: { status: 'up' } },
      });
    });
  });

  describe('request ids', () => {
    it('gives every response an X-Request-Id', async () => {
      const res = await request(t.server).get('/health/live');
      expect(res.headers['x-request-id']).toMatch(UUID);
    });

    it('echoes a sane X-Request-Id from the caller', async () => {
      const res = await request(t.server).get('/health/live').set('X-Request-Id', 'trace-42.a');
      expect(res.headers['x-request-id']).toBe('trace-42.a');
    });

    it('carries the request id on error responses too', async () => {
      const notFound = await request(t.server).get('/v1/nothing-here').set('X-Request-Id', 'err-1');
      expect(notFound.headers['x-request-id']).toBe('err-1');
      const tooLarge = await request(t.server)
        .post('/v1/probe')
        .set('Content-Type', 'application/json')
        .send(JSON.stringify({ name: 'x'.repeat(100 * 1024) }));
      expect(tooLarge.status).toBe(413);
      expect(tooLarge.headers['x-request-id']).toMatch(UUID);
    });

    it('replaces an X-Request-Id that is not sane', async () => {
      const res = await request(t.server).get('/health/live').set('X-Request-Id', 'a"b<script>');
      expect(res.headers['x-request-id']).toMatch(UUID);
    });
  });

  describe('security headers', () => {
    it('sends the headers of an API and no X-Powered-By', async () => {
      const res = await request(t.server).get('/health/live');
      expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-security-policy']).toContain("default-src 'none'");
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['x-powered-by']).toBeUndefined();
    });

    it('echoes an allowed CORS origin', async () => {
      const res = await request(t.server)
        .options('/health/live')
        .set('Origin', 'https://app.example.com')
        .set('Access-Control-Request-Method', 'GET');
      expect(res.headers['access-control-allow-origin']).toBe('https://app.example.com');
      expect(res.headers['access-control-allow-credentials']).toBe('true');
    });

    it('does not echo an origin that is not configured', async () => {
      const res = await request(t.server).get('/health/live').set('Origin', 'https://evil.example');
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
    });
  });

  describe('errors are RFC 9457 problem details', () => {
    it('unknown route: 404', async () => {
      const res = await request(t.server).get('/v1/nothing-here').expect(404);
      expect(res.headers['content-type']).toMatch(PROBLEM);
      expect(res.body).toEqual({
        type: 'about:blank',
        title: 'Not Found',
        status: 404,
        detail: 'No resource at this path.',
        instance: '/v1/nothing-here',
      });
    });

    it('known route, wrong method: 405 with Allow', async () => {
      const res = await request(t.server).delete('/health/live').expect(405);
      expect(res.headers['content-type']).toMatch(PROBLEM);
      expect(res.headers.allow).toBe('GET, HEAD');
      expect(res.body).toMatchObject({ status: 405, title: 'Method Not Allowed' });
    });

    // Oversized bodies, other content types, prototype keys and NUL are sent to every route with
    // a body (hostile-input/classic-attacks.e2e-spec.ts); the filter's wording is unit-tested.
    it('wrong content type: 415', async () => {
      const res = await request(t.server)
        .post('/v1/probe')
        .set('Content-Type', 'text/plain')
        .send('name=x')
        .expect(415);
      expect(res.headers['content-type']).toMatch(PROBLEM);
      expect(res.body).toMatchObject({
        status: 415,
        detail: 'Content-Type must be application/json.',
      });
    });

    it('malformed JSON: 400', async () => {
      const res = await request(t.server)
        .post('/v1/probe')
        .set('Content-Type', 'application/json')
        .send('{"name": ')
        .expect(400);
      expect(res.headers['content-type']).toMatch(PROBLEM);
      expect(res.body).toMatchObject({ status: 400, detail: 'Request body is not valid JSON.' });
    });

    it('validation failures point at each bad field', async () => {
      const res = await request(t.server)
        .post('/v1/probe')
        .send({ name: '', tags: ['ok', 'x'.repeat(11)], quantity: 0, role: 'admin' })
        .expect(400);
      expect(res.headers['content-type']).toMatch(PROBLEM);
      expect(res.body).toMatchObject({
        type: '/problems/validation-error',
        status: 400,
      });
      const pointers = (res.body as { errors: { pointer: string }[] }).errors.map((e) => e.pointer);
      expect(pointers.sort()).toEqual(['#', '#/name', '#/quantity', '#/tags/1'].sort());
    });

    it('accepts a valid body', async () => {
      const res = await request(t.server)
        .post('/v1/probe')
        .send({ name: 'ok', quantity: 3 })
        .expect(200);
      expect(res.body).toEqual({ name: 'ok', quantity: 3 });
    });

    it('unexpected errors: 500 without internals', async () => {
      const res = await request(t.server).get('/v1/probe/crash').expect(500);
      expect(res.headers['content-type']).toMatch(PROBLEM);
      expect(res.body).toEqual({
        type: 'about:blank',
        title: 'Internal Server Error',
        status: 500,
        instance: '/v1/probe/crash',
      });
      expect(res.text).not.toMatch(/secret|SELECT|\/srv|at /);
    });
  });

  describe('OpenAPI', () => {
    it('documents request bodies from their zod schemas', async () => {
      const res = await request(t.server).get('/openapi.json').expect(200);
      const body = (res.body as { paths: Record<string, { post?: { requestBody?: unknown } }> })
        .paths['/v1/probe']?.post?.requestBody;
      expect(JSON.stringify(body)).toContain('"maxLength":20');
    });

    it('serves a docs UI at /docs', async () => {
      const res = await request(t.server).get('/docs').redirects(1).expect(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    });
  });
});

describe('HTTP platform with OpenAPI switched off', () => {
  it('does not expose /openapi.json or /docs', async () => {
    const t = await startTestApp({ OPENAPI_ENABLED: 'false' });
    try {
      await request(t.server).get('/openapi.json').expect(404);
      await request(t.server).get('/docs').expect(404);
    } finally {
      await t.close();
    }
  });
});
