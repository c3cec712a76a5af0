import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { register } from '../support/identity.js';
import { PROBLEM } from './support.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const ALLOWED_ORIGIN = 'https://app.example.com';

/**
 * OWASP API8:2023 Security Misconfiguration: the headers of an API on every answer (errors
 * included), CORS only for configured origins, no stray methods, no internals in errors (the
 * 500 case is in platform.e2e-spec.ts).
 */
describe('API8 Security Misconfiguration', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ CORS_ORIGINS: ALLOWED_ORIGIN });
  });

  afterAll(async () => {
    await t.close();
  });

  const answers = (): Promise<[string, request.Response][]> =>
    Promise.all(
      (
        [
          ['200', request(t.server).get('/health/live')],
          [
            '201 auth',
            request(t.server)
              .post('/v1/auth/register')
              .send({
                email: `h-${Date.now()}@example.com`,
                password: 'a quiet walk in the mist 42',
              }),
          ],
          ['401', request(t.server).get('/v1/users/me')],
          ['404', request(t.server).get('/nope')],
          ['405', request(t.server).put('/health/live')],
          [
            '413',
            request(t.server)
              .post('/v1/auth/login')
              .set('Content-Type', 'application/json')
              .send(`"${'x'.repeat(110_000)}"`),
          ],
          [
            '415',
            request(t.server).post('/v1/auth/login').set('Content-Type', 'text/plain').send('x'),
          ],
        ] as const
      ).map(async ([label, call]) => [label, await call] as [string, request.Response]),
    );

  it('sends the security headers of an API on every answer, errors included', async () => {
    for (const [label, res] of await answers()) {
      const headers = res.headers as Record<string, string | undefined>;
      expect({ label, headers }).toEqual({
        label,
        headers: expect.objectContaining({
          'strict-transport-security': expect.stringMatching(/max-age=\d+/),
          'x-content-type-options': 'nosniff',
          'content-security-policy': expect.stringContaining("default-src 'none'"),
          'cache-control': 'no-store',
          'x-request-id': expect.any(String),
        }),
      });
      expect({ label, poweredBy: headers['x-powered-by'] }).toEqual({
        label,
        poweredBy: undefined,
      });
    }
  });

  it('echoes only a configured origin, with credentials, never *', async () => {
    const allowed = await request(t.server).get('/health/live').set('Origin', ALLOWED_ORIGIN);
    expect(allowed.headers['access-control-allow-origin']).toBe(ALLOWED_ORIGIN);
    expect(allowed.headers['access-control-allow-credentials']).toBe('true');
    for (const origin of ['https://evil.example', 'null', `${ALLOWED_ORIGIN}.evil.example`]) {
      const res = await request(t.server).get('/health/live').set('Origin', origin);
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
    }
  });

  it('answers a preflight from an unknown origin without allowing it', async () => {
    const res = await request(t.server)
      .options('/v1/users/me')
      .set('Origin', 'https://evil.example')
      .set('Access-Control-Request-Method', 'GET')
      .set('Access-Control-Request-Headers', 'authorization');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    expect(res.headers['access-control-allow-origin']).not.toBe('*');
  });

  it('answers a plain OPTIONS (no Origin) with Allow, as problem+json, never a text/plain 400', async () => {
    const res = await request(t.server).options('/v1/orders');
    expect({
      status: res.status,
      allow: res.headers.allow,
      type: res.headers['content-type'],
    }).toEqual({
      status: 405,
      allow: 'GET, HEAD, POST',
      type: expect.stringMatching(PROBLEM),
    });
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
  });

  it('answers a preflight from a configured origin as before', async () => {
    const res = await request(t.server)
      .options('/v1/orders')
      .set('Origin', ALLOWED_ORIGIN)
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'authorization, idempotency-key')
      .expect(204);
    expect(res.headers).toEqual(
      expect.objectContaining({
        'access-control-allow-origin': ALLOWED_ORIGIN,
        'access-control-allow-credentials': 'true',
        'access-control-allow-methods': expect.stringContaining('POST'),
        'access-control-allow-headers': expect.stringContaining('idempotency-key'),
        'access-control-max-age': '600',
      }),
    );
  });

  it('answers an OPTIONS from a configured origin without Access-Control-Request-Method as a preflight, not a text/plain 400', async () => {
    const res = await request(t.server).options('/v1/orders').set('Origin', ALLOWED_ORIGIN);
    expect(res.status).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe(ALLOWED_ORIGIN);
  });

  it('gives a refused origin (another site, null, a look-alike) no CORS header at all', async () => {
    for (const origin of ['https://evil.example', 'null', `${ALLOWED_ORIGIN}.evil.example`]) {
      const preflight = await request(t.server)
        .options('/v1/orders')
        .set('Origin', origin)
        .set('Access-Control-Request-Method', 'POST');
      const simple = await request(t.server).get('/health/live').set('Origin', origin);
      for (const res of [preflight, simple]) {
        const cors = Object.keys(res.headers).filter((name) => name.startsWith('access-control-'));
        expect({ origin, cors }).toEqual({ origin, cors: [] });
      }
      expect(preflight.headers['content-type']).toMatch(PROBLEM);
    }
  });

  it('does not serve TRACE, and ignores TRACK and CONNECT as method overrides', async () => {
    const agent = request(t.server);
    const trace = await agent.trace('/health/live').set('X-HTTP-Method-Override', 'TRACE');
    expect([404, 405]).toContain(trace.status);
    for (const method of ['TRACK', 'CONNECT']) {
      const res = await agent.get('/health/live').set('X-HTTP-Method-Override', method);
      expect({ method, status: res.status }).toEqual({ method, status: 200 });
    }
  });

  it('never names its software or version in an error', async () => {
    const { accessToken } = await register(t.server);
    for (const [, res] of await answers()) {
      expect(res.text).not.toMatch(/fastify|nestjs|express|prisma|node\.js|FST_/i);
      expect(res.headers.server).toBeUndefined();
    }
    expect(accessToken).toBeTruthy();
  });
});
