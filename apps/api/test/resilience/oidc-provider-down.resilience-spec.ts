import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { FaultProxy, query, workerDatabaseUrl } from '@libs/testing';
import request from 'supertest';
import { login, register, type Tokens } from '../support/identity.js';
import { type OidcAccount, OidcTestProvider } from '../support/oidc-test-provider.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { PROBLEM, timed } from './support/expectations.js';

const PUBLIC_URL = 'http://127.0.0.1';
const PROVIDER = 'corp';
/** openid-client gives up on the provider after 3 s (oidc-client.service.ts). */
const PROVIDER_TIMEOUT_MS = 3_000;
const SLACK_MS = 1_000;

function expectProviderUnavailable(res: request.Response): void {
  expect({ status: res.status, contentType: res.headers['content-type'] }).toEqual({
    status: 502,
    contentType: expect.stringMatching(PROBLEM),
  });
  expect(res.body).toMatchObject({ type: '/problems/oidc-provider-unavailable', status: 502 });
}

describe('OIDC provider outage', () => {
  let proxy: FaultProxy;
  let provider: OidcTestProvider;
  let t: TestApp;
  let passwordUser: Tokens;

  beforeAll(async () => {
    // The app reaches the provider only through the proxy: its issuer is the proxy's address.
    proxy = await FaultProxy.start(() => provider.address);
    provider = await OidcTestProvider.start({
      redirectUri: `${PUBLIC_URL}/v1/auth/oidc/${PROVIDER}/callback`,
      claimsInIdToken: true,
      issuer: `http://127.0.0.1:${proxy.port}`,
    });
    t = await startTestApp({
      PUBLIC_URL,
      OIDC_PROVIDERS: JSON.stringify([provider.config(PROVIDER)]),
    });
    passwordUser = await register(t.server);
  });

  afterAll(async () => {
    await t.close();
    await proxy.close();
    await provider.close();
  });

  const authorize = (): request.Test =>
    request(t.server).get(`/v1/auth/oidc/${PROVIDER}/authorize`);
  const callback = (redirect: URL): request.Test =>
    request(t.server).get(`/v1/auth/oidc/${PROVIDER}/callback${redirect.search}`);
  const usersWithEmail = async (account: OidcAccount): Promise<number> =>
    (
      await query(workerDatabaseUrl(), 'SELECT id FROM users WHERE email = $1', [
        account.email?.toLowerCase(),
      ])
    ).length;
  const signIn = async (account: OidcAccount): Promise<request.Response> => {
    const start = await authorize().expect(302);
    return callback(await provider.signIn(start.headers.location!, account));
  };
  /** Password sign-in goes on, at its usual speed, while the provider is out. */
  const expectPasswordLoginUnaffected = async (): Promise<void> => {
    const { value, ms } = await timed(() => login(t.server, passwordUser.user.email));
    expect(value.user).toEqual(passwordUser.user);
    expect(ms).toBeLessThan(SLACK_MS);
  };

  it('down before the first sign-in: 502 at once, password login unaffected, then recovers', async () => {
    proxy.refuse();
    try {
      const { value, ms } = await timed(() => authorize());
      expectProviderUnavailable(value);
      expect(ms).toBeLessThan(SLACK_MS);
      await expectPasswordLoginUnaffected();
    } finally {
      proxy.pass();
    }
    const account = provider.account();
    expect((await signIn(account)).status).toBe(200);
    expect(await usersWithEmail(account)).toBe(1);
  });

  it('down while the user is at the provider: 502 at once, nothing written, next attempt works', async () => {
    const account = provider.account();
    const start = await authorize().expect(302);
    const redirect = await provider.signIn(start.headers.location!, account);
    proxy.refuse();
    try {
      const { value, ms } = await timed(() => callback(redirect));
      expectProviderUnavailable(value);
      expect(ms).toBeLessThan(SLACK_MS);
      await expectPasswordLoginUnaffected();
    } finally {
      proxy.pass();
    }
    expect(await usersWithEmail(account)).toBe(0);
    expect((await signIn(account)).status).toBe(200);
    expect(await usersWithEmail(account)).toBe(1);
  });

  it('hanging: 502 within the provider timeout, while password login goes on', async () => {
    const account = provider.account();
    const start = await authorize().expect(302);
    const redirect = await provider.signIn(start.headers.location!, account);
    proxy.pause();
    try {
      const hanging = timed(() => callback(redirect));
      await expectPasswordLoginUnaffected();
      const { value, ms } = await hanging;
      expectProviderUnavailable(value);
      expect(ms).toBeLessThan(PROVIDER_TIMEOUT_MS + SLACK_MS);
    } finally {
      proxy.pass();
    }
    expect(await usersWithEmail(account)).toBe(0);
  });
});
