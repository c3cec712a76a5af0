import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * Deny by default: every route in the OpenAPI document needs a bearer token except exactly these.
 * Adding a public route means adding it here, on purpose.
 */
const PUBLIC_ROUTES = [
  'GET /.well-known/jwks.json',
  'GET /health/live',
  'GET /health/ready',
  'GET /problems',
  'GET /problems/{slug}',
  'GET /v1/auth/oidc/{provider}/authorize',
  'GET /v1/auth/oidc/{provider}/callback',
  'GET /v1/products',
  'GET /v1/products/{id}',
  'POST /v1/auth/email/verify',
  'POST /v1/auth/login',
  'POST /v1/auth/mfa/verify',
  'POST /v1/auth/password/forgot',
  'POST /v1/auth/password/reset',
  'POST /v1/auth/refresh',
  'POST /v1/auth/register',
];

describe('route protection', () => {
  let t: TestApp;
  let routes: string[];
  let security: Map<string, unknown>;

  beforeAll(async () => {
    t = await startTestApp();
    const doc = await request(t.server).get('/openapi.json').expect(200);
    const paths = doc.body.paths as Record<string, Record<string, { security?: unknown }>>;
    const operations = Object.entries(paths).flatMap(([path, byMethod]) =>
      Object.entries(byMethod).map(
        ([method, operation]) => [`${method.toUpperCase()} ${path}`, operation.security] as const,
      ),
    );
    routes = operations.map(([route]) => route);
    security = new Map(operations);
  });

  afterAll(async () => {
    await t.close();
  });

  it('documents the public routes', () => {
    for (const route of PUBLIC_ROUTES.filter((r) => !r.includes('oidc')))
      expect(routes).toContain(route);
  });

  it('documents a bearer token on every protected route and none on the public ones', () => {
    for (const route of routes) {
      const expected = PUBLIC_ROUTES.includes(route) ? [] : [{ bearer: [] }];
      expect([route, security.get(route)]).toEqual([route, expected]);
    }
  });

  it('answers 401 without a token on every other route', async () => {
    const protectedRoutes = routes.filter((route) => !PUBLIC_ROUTES.includes(route));
    expect(protectedRoutes.length).toBeGreaterThan(5);
    for (const route of protectedRoutes) {
      const [method = 'GET', path = '/'] = route.split(' ');
      const url = path.replaceAll(/\{[^}]+\}/g, '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b');
      const res = await request(t.server)[method.toLowerCase() as 'get'](url).send({});
      expect(`${route} → ${res.status}`).toBe(`${route} → 401`);
    }
  });
});
