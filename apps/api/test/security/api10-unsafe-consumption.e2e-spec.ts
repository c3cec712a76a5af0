import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { login, register } from '../support/identity.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { PROBLEM } from './support.js';

type Behaviour = (res: ServerResponse, issuer: string) => void;

/** Discovery documents a broken or malicious identity provider might serve. */
const PROVIDERS: Record<string, Behaviour> = {
  html: (res) => res.setHeader('content-type', 'text/html').end('<html>maintenance</html>'),
  'server-error': (res) => {
    res.statusCode = 500;
    res.end('{"error":"boom"}');
  },
  'other-issuer': (res) =>
    res.setHeader('content-type', 'application/json').end(
      JSON.stringify({
        issuer: 'https://evil.example',
        authorization_endpoint: 'https://evil.example/auth',
        token_endpoint: 'https://evil.example/token',
        jwks_uri: 'https://evil.example/jwks',
      }),
    ),
  'huge-json': (res) =>
    res.setHeader('content-type', 'application/json').end(`{"x":"${'a'.repeat(5_000_000)}"}`),
  'not-json': (res) => res.setHeader('content-type', 'application/json').end('{"issuer":'),
};

/**
 * OWASP API10:2023 Unsafe Consumption of APIs: what the identity provider sends is checked, and
 * a broken provider is a 502 for its own sign-ins, not a 500 or a hang; password sign-in goes on.
 * Provider outages are in resilience/oidc-provider-down; token and claim checks in oidc.e2e-spec.ts.
 */
describe('API10 Unsafe Consumption of APIs', () => {
  let t: TestApp;
  const servers: Server[] = [];

  beforeAll(async () => {
    const providers = await Promise.all(
      Object.entries(PROVIDERS).map(async ([name, behaviour]) => {
        const server = createServer((_req, res) => behaviour(res, ''));
        servers.push(server);
        await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
        const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
        return { name, issuer, clientId: 'app', clientSecret: 'secret' };
      }),
    );
    t = await startTestApp({
      PUBLIC_URL: 'http://127.0.0.1',
      OIDC_PROVIDERS: JSON.stringify(providers),
    });
  });

  afterAll(async () => {
    await t.close();
    await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  });

  it.each(Object.keys(PROVIDERS))(
    'a provider serving %s: 502 problem, no internals',
    async (name) => {
      const res = await request(t.server).get(`/v1/auth/oidc/${name}/authorize`);
      expect(res.status).toBe(502);
      expect(res.headers['content-type']).toMatch(PROBLEM);
      expect(res.text).not.toMatch(/evil\.example|maintenance|boom|127\.0\.0\.1/);
    },
  );

  it('password sign-in is unaffected by broken providers', async () => {
    const { user } = await register(t.server);
    expect((await login(t.server, user.email)).user).toEqual(user);
  });
});
