import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { bearer, decodeJwt, forge, newSigningKey, register } from '../support/identity.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * OWASP API7:2023 Server Side Request Forgery: the service fetches only URLs from its own
 * configuration (OIDC issuers). No URL a client sends, in a token header, a parameter or a
 * path, makes it reach out. An "attacker" server on loopback counts any attempt.
 */
describe('API7 Server Side Request Forgery', () => {
  let t: TestApp;
  let trap: Server;
  let trapUrl: string;
  let hits = 0;

  beforeAll(async () => {
    trap = createServer((_req, res) => {
      hits += 1;
      res.end('{}');
    });
    await new Promise<void>((resolve) => trap.listen(0, '127.0.0.1', resolve));
    trapUrl = `http://127.0.0.1:${(trap.address() as AddressInfo).port}`;
    t = await startTestApp();
  });

  afterAll(async () => {
    await t.close();
    await new Promise<void>((resolve) => trap.close(() => resolve()));
  });

  it('ignores key URLs in token headers (jku, x5u): 401 and no request made', async () => {
    const tokens = await register(t.server);
    const { claims } = decodeJwt(tokens.accessToken);
    const attacker = await newSigningKey('attacker');
    for (const header of [{ jku: `${trapUrl}/jwks.json` }, { x5u: `${trapUrl}/cert.pem` }]) {
      const token = await forge(attacker, header, claims);
      await request(t.server)
        .get('/v1/users/me')
        .set(...bearer(token))
        .expect(401);
    }
    expect(hits).toBe(0);
  });

  it.each([
    (url: string) => `/v1/auth/oidc/x/authorize?returnTo=${encodeURIComponent(url)}`,
    (url: string) => `/v1/auth/oidc/${encodeURIComponent(url)}/authorize`,
    (url: string) =>
      `/v1/auth/oidc/${encodeURIComponent(url)}/callback?iss=${encodeURIComponent(url)}`,
  ])('never follows a URL given in a request (%#): 4xx and no request made', async (path) => {
    const res = await request(t.server).get(path(trapUrl));
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(hits).toBe(0);
  });
});
