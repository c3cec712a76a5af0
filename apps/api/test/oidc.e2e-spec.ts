import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PrismaService } from '@libs/database';
import { randomUUID } from 'node:crypto';
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { OidcModule } from '../src/auth/oidc/oidc.module.js';
import { type OidcAccount, OidcTestProvider } from './support/oidc-test-provider.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const PROBLEM = /^application\/problem\+json/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const BASE64URL_43 = /^[A-Za-z0-9_-]{43}$/;
/** The browser never follows the provider's redirect to the app, so any origin does. */
const PUBLIC_URL = 'http://127.0.0.1';
const callbackUrl = (name: string): string => `${PUBLIC_URL}/v1/auth/oidc/${name}/callback`;

/** Accepts connections and never answers: a provider that hangs. */
async function startSilentServer(): Promise<{
  server: Server;
  port: number;
  close(): Promise<void>;
}> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => sockets.add(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    server,
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/**
 * A loopback port nothing listens on, so connections are refused. (Port 1 would not do: fetch
 * blocks it before connecting, as a "bad port" of the Fetch standard.)
 */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function expectProblem(res: request.Response, status: number, type: string): void {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(PROBLEM);
  expect(res.body).toMatchObject({ type, status, title: expect.any(String) });
  // Nothing the provider or openid-client said reaches the client.
  expect(JSON.stringify(res.body)).not.toMatch(
    /127\.0\.0\.1|OAUTH_|invalid_grant|"iss"|unexpected/,
  );
}

describe('OIDC sign-in', () => {
  let t: TestApp;
  let corp: OidcTestProvider;
  let partner: OidcTestProvider;
  let flaky: OidcTestProvider;
  let silent: Awaited<ReturnType<typeof startSilentServer>>;

  beforeAll(async () => {
    let refusing: number;
    [corp, partner, flaky, silent, refusing] = await Promise.all([
      OidcTestProvider.start({ redirectUri: callbackUrl('corp') }),
      OidcTestProvider.start({ redirectUri: callbackUrl('partner'), claimsInIdToken: true }),
      OidcTestProvider.start({ redirectUri: callbackUrl('flaky'), claimsInIdToken: true }),
      startSilentServer(),
      closedPort(),
    ]);
    const unreachable = (name: string, issuer: string): object => ({
      name,
      issuer,
      clientId: 'app',
      clientSecret: 'secret',
    });
    t = await startTestApp(
      {
        PUBLIC_URL,
        OIDC_PROVIDERS: JSON.stringify([
          corp.config('corp'),
          partner.config('partner'),
          flaky.config('flaky'),
          unreachable('down', `http://127.0.0.1:${refusing}`),
          unreachable('hanging', `http://127.0.0.1:${silent.port}`),
        ]),
      },
      [OidcModule],
    );
  });

  afterAll(async () => {
    await t.close();
    await Promise.all([corp.close(), partner.close(), flaky.close(), silent.close()]);
  });

  async function authorize(name: string, returnTo?: string): Promise<URL> {
    const res = await request(t.server)
      .get(`/v1/auth/oidc/${name}/authorize`)
      .query(returnTo === undefined ? {} : { returnTo });
    expect(res.status).toBe(302);
    return new URL(res.headers.location!);
  }

  function callback(name: string, redirect: URL): request.Test {
    return request(t.server).get(`/v1/auth/oidc/${name}/callback${redirect.search}`);
  }

  /** authorize → provider login → callback: the whole flow as a browser would run it. */
  async function signIn(
    name: string,
    provider: OidcTestProvider,
    account: OidcAccount,
  ): Promise<request.Response> {
    return callback(name, await provider.signIn(await authorize(name), account));
  }

  function expectTokens(res: request.Response, account: OidcAccount): void {
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toEqual({
      tokenType: 'Bearer',
      accessToken: expect.any(String),
      expiresIn: expect.any(Number),
      refreshToken: expect.any(String),
      user: {
        id: expect.stringMatching(UUID),
        email: account.email,
        name: expect.any(String),
        role: 'user',
        emailVerified: expect.any(Boolean),
        createdAt: expect.any(String),
        mfaEnabled: false,
      },
    });
  }

  describe('GET /v1/auth/oidc/:provider/authorize', () => {
    it('redirects to the provider with code flow, PKCE S256, state, nonce and the exact redirect_uri', async () => {
      const res = await request(t.server).get('/v1/auth/oidc/corp/authorize').expect(302);
      expect(res.headers['cache-control']).toBe('no-store');
      const location = new URL(res.headers.location!);
      expect(`${location.origin}${location.pathname}`).toBe(`${corp.issuer}/auth`);
      const params = Object.fromEntries(location.searchParams);
      expect(params).toEqual({
        client_id: corp.clientId,
        response_type: 'code',
        scope: 'openid email profile',
        redirect_uri: callbackUrl('corp'),
        code_challenge: expect.stringMatching(BASE64URL_43),
        code_challenge_method: 'S256',
        state: expect.stringMatching(BASE64URL_43),
        nonce: expect.stringMatching(BASE64URL_43),
      });
    });

    it('gives every attempt its own state, nonce and code challenge', async () => {
      const [a, b] = [await authorize('corp'), await authorize('corp')];
      for (const param of ['state', 'nonce', 'code_challenge']) {
        expect(a.searchParams.get(param)).not.toBe(b.searchParams.get(param));
      }
    });

    it('accepts a relative returnTo', async () => {
      await authorize('corp', '/orders?tab=open');
    });

    it('answers 404 for a provider that is not configured', async () => {
      const res = await request(t.server).get('/v1/auth/oidc/nobody/authorize');
      expectProblem(res, 404, 'about:blank');
    });

    // Which returnTo values are refused is unit-tested (return-to.spec.ts, oidc.service.spec.ts).
    it.each(['//evil.example'])('refuses returnTo %j with 400', async (returnTo) => {
      const res = await request(t.server).get('/v1/auth/oidc/corp/authorize').query({ returnTo });
      expectProblem(res, 400, '/problems/oidc-invalid-request');
    });

    it('refuses unknown query parameters with 400', async () => {
      const res = await request(t.server).get('/v1/auth/oidc/corp/authorize?prompt=none');
      expectProblem(res, 400, '/problems/validation-error');
    });

    it('answers 502 at once when the provider refuses connections', async () => {
      const started = Date.now();
      const res = await request(t.server).get('/v1/auth/oidc/down/authorize');
      expectProblem(res, 502, '/problems/oidc-provider-unavailable');
      expect(Date.now() - started).toBeLessThan(3_000);
    });

    it('answers 502 within seconds when the provider does not answer', async () => {
      const started = Date.now();
      const res = await request(t.server).get('/v1/auth/oidc/hanging/authorize');
      expectProblem(res, 502, '/problems/oidc-provider-unavailable');
      expect(Date.now() - started).toBeLessThan(5_000);
    }, 10_000);
  });

  describe('GET /v1/auth/oidc/:provider/callback', () => {
    it('creates the user on first sign-in and issues working tokens', async () => {
      const account = corp.account({ name: 'Grace Hopper' });
      const res = await signIn('corp', corp, account);
      expectTokens(res, account);
      expect(res.body.user.name).toBe('Grace Hopper');
      const me = await request(t.server)
        .get('/v1/users/me')
        .set('Authorization', `Bearer ${res.body.accessToken}`)
        .expect(200);
      expect(me.body.id).toBe(res.body.user.id);
    });

    it('finds the same user by provider and subject on the next sign-in', async () => {
      const account = corp.account();
      const first = await signIn('corp', corp, account);
      expectTokens(first, account);
      const second = await signIn('corp', corp, account);
      expectTokens(second, account);
      expect(second.body.user.id).toBe(first.body.user.id);
      expect(second.body.refreshToken).not.toBe(first.body.refreshToken);
    });

    it('links an existing password account with the same verified email instead of duplicating it', async () => {
      const email = `linked-${randomUUID()}@example.test`;
      const registered = await request(t.server)
        .post('/v1/auth/register')
        .send({ email, password: `Pw-${randomUUID()}`, name: 'Password User' })
        .expect(201);
      const account = corp.account({ email, email_verified: true });
      const res = await signIn('corp', corp, account);
      expectTokens(res, account);
      expect(res.body.user.id).toBe(registered.body.user.id);

      const prisma = t.app.get(PrismaService);
      expect(await prisma.user.count({ where: { email } })).toBe(1);
      expect(await prisma.userIdentity.count({ where: { userId: res.body.user.id } })).toBe(1);
      // The link and the sign-in are audited as the callback's request, as the user.
      const audited = await prisma.auditEvent.findMany({
        where: { requestId: res.headers['x-request-id'] },
        orderBy: { id: 'asc' },
      });
      expect(
        audited.map(({ action, actorType, actorId, subjectUserId }) => [
          action,
          actorType,
          actorId,
          subjectUserId,
        ]),
      ).toEqual([
        ['auth.oidc.link', 'user', res.body.user.id, res.body.user.id],
        ['auth.sign_in', 'user', res.body.user.id, res.body.user.id],
      ]);
    });

    it('does not link an account by an unverified email', async () => {
      const email = `unverified-${randomUUID()}@example.test`;
      await request(t.server)
        .post('/v1/auth/register')
        .send({ email, password: `Pw-${randomUUID()}` })
        .expect(201);
      const res = await signIn('corp', corp, corp.account({ email, email_verified: false }));
      expectProblem(res, 401, '/problems/oidc-login-failed');
      const prisma = t.app.get(PrismaService);
      expect(await prisma.userIdentity.count({ where: { email } })).toBe(0);
    });

    it('signs up an unverified email unverified, and asks for its verification mail', async () => {
      const email = `new-unverified-${randomUUID()}@example.test`;
      const account = corp.account({ email, email_verified: false });
      const res = await signIn('corp', corp, account);
      expectTokens(res, account);
      expect(res.body.user.emailVerified).toBe(false);
      const verified = await signIn('corp', corp, corp.account({ email: `v-${email}` }));
      expect(verified.body.user.emailVerified).toBe(true);
      const requested = await t.app.get(PrismaService).outboxEvent.findMany({
        where: { type: 'account.verification_requested', aggregateId: res.body.user.id },
      });
      expect(requested).toHaveLength(1);
    });

    it('answers 400 for a state it never issued, and for none', async () => {
      const redirect = await corp.signIn(await authorize('corp'), corp.account());
      const forged = new URL(redirect);
      forged.searchParams.set('state', 'forged-state-value');
      expectProblem(await callback('corp', forged), 400, '/problems/oidc-invalid-request');
      forged.searchParams.delete('state');
      expectProblem(await callback('corp', forged), 400, '/problems/oidc-invalid-request');
    });

    it('answers 400 when the same callback is replayed', async () => {
      const account = corp.account();
      const redirect = await corp.signIn(await authorize('corp'), account);
      expectTokens(await callback('corp', redirect), account);
      expectProblem(await callback('corp', redirect), 400, '/problems/oidc-invalid-request');
    });

    it('completes an attempt once when its callback arrives twice at the same time', async () => {
      const redirect = await corp.signIn(await authorize('corp'), corp.account());
      const answers = await Promise.all([callback('corp', redirect), callback('corp', redirect)]);
      expect(answers.map((res) => res.status).sort()).toEqual([200, 400]);
    });

    it('answers 400 for a state issued for another provider', async () => {
      const redirect = await corp.signIn(await authorize('corp'), corp.account());
      expectProblem(await callback('partner', redirect), 400, '/problems/oidc-invalid-request');
    });

    it('answers 401 when the iss parameter names another issuer (RFC 9207)', async () => {
      const redirect = await corp.signIn(await authorize('corp'), corp.account());
      expect(redirect.searchParams.get('iss')).toBe(corp.issuer);
      redirect.searchParams.set('iss', partner.issuer);
      expectProblem(await callback('corp', redirect), 401, '/problems/oidc-login-failed');
    });

    it('answers 401 when the iss parameter is missing', async () => {
      const redirect = await corp.signIn(await authorize('corp'), corp.account());
      redirect.searchParams.delete('iss');
      expectProblem(await callback('corp', redirect), 401, '/problems/oidc-login-failed');
    });

    it('answers 401 when the provider refuses the sign-in (error=access_denied)', async () => {
      const redirect = await corp.signIn(await authorize('corp'), 'deny');
      expect(redirect.searchParams.get('error')).toBe('access_denied');
      expectProblem(await callback('corp', redirect), 401, '/problems/oidc-login-failed');
    });

    it('answers 401 when the code does not redeem', async () => {
      const redirect = await corp.signIn(await authorize('corp'), corp.account());
      redirect.searchParams.set('code', 'not-a-code-the-provider-issued');
      expectProblem(await callback('corp', redirect), 401, '/problems/oidc-login-failed');
    });

    it('answers 404 for a provider that is not configured', async () => {
      const res = await request(t.server).get('/v1/auth/oidc/nobody/callback?state=x&code=y');
      expectProblem(res, 404, 'about:blank');
    });

    it('serves two providers side by side', async () => {
      const atCorp = corp.account();
      const atPartner = partner.account({ name: 'Partner User' });
      const [fromCorp, fromPartner] = [
        await signIn('corp', corp, atCorp),
        await signIn('partner', partner, atPartner),
      ];
      expectTokens(fromCorp, atCorp);
      expectTokens(fromPartner, atPartner);
      expect(fromPartner.body.user.name).toBe('Partner User');
      expect(fromPartner.body.user.id).not.toBe(fromCorp.body.user.id);
    });

    it('answers 502 when the provider is gone by the time the user comes back', async () => {
      const redirect = await flaky.signIn(await authorize('flaky'), flaky.account());
      await flaky.close();
      expectProblem(await callback('flaky', redirect), 502, '/problems/oidc-provider-unavailable');
    });
  });

  it('documents both routes in the OpenAPI document', async () => {
    interface Operation {
      tags: string[];
      summary: string;
      parameters: { name: string; in: string; required?: boolean }[];
      responses: Record<string, { content?: Record<string, { schema?: object }> }>;
    }
    const { body } = await request(t.server).get('/openapi.json').expect(200);
    const paths = body.paths as Record<string, { get: Operation }>;
    const authorize = paths['/v1/auth/oidc/{provider}/authorize']!.get;
    expect(authorize.tags).toEqual(['auth']);
    expect(authorize.summary).toEqual(expect.any(String));
    expect(authorize.parameters).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'provider', in: 'path', required: true }),
        expect.objectContaining({ name: 'returnTo', in: 'query', required: false }),
      ]),
    );
    expect(Object.keys(authorize.responses)).toEqual(
      expect.arrayContaining(['302', '400', '404', '502']),
    );
    const callback = paths['/v1/auth/oidc/{provider}/callback']!.get;
    expect(callback.tags).toEqual(['auth']);
    expect(callback.parameters.map((parameter) => parameter.name)).toEqual(
      expect.arrayContaining(['provider', 'code', 'state', 'iss', 'error']),
    );
    expect(callback.responses['200']?.content?.['application/json']?.schema).toBeDefined();
  });
});
