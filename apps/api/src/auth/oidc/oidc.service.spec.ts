import { beforeEach, describe, expect, it } from '@jest/globals';
import { MemoryStore } from '@libs/cache';
import { type OidcProviderConfig, loadConfig } from '@libs/config';
import { type Public, asReal } from '@libs/testing/fakes';
import { DomainError } from '../../platform/errors/domain-error.js';
import type { OidcClientService } from './oidc-client.service.js';
import { OidcService } from './oidc.service.js';

/**
 * The provider's side (discovery, token endpoint, ID token checks) is openid-client's and is
 * exercised end to end in oidc.e2e-spec.ts; this fake stands in for it to test the flow here.
 */
class FakeOidcClient implements Public<OidcClientService> {
  exchanged: { state: string; nonce: string; codeVerifier: string }[] = [];
  randomState = (): string => `state-${this.exchanged.length}-${Math.random()}`;
  randomNonce = (): string => 'nonce-1';
  randomCodeVerifier = (): string => 'verifier-1';
  codeChallenge = (verifier: string): Promise<string> => Promise.resolve(`challenge(${verifier})`);
  authorizationUrl(
    provider: OidcProviderConfig,
    parameters: Readonly<Record<string, string>>,
  ): Promise<URL> {
    const url = new URL(`${provider.issuer}/authorize`);
    for (const [name, value] of Object.entries(parameters)) url.searchParams.set(name, value);
    return Promise.resolve(url);
  }
  exchangeCode(
    _provider: OidcProviderConfig,
    _currentUrl: URL,
    checks: { state: string; nonce: string; codeVerifier: string },
  ) {
    this.exchanged.push(checks);
    return Promise.resolve({
      subject: 'subject-1',
      email: 'ada@example.com',
      emailVerified: true,
      name: 'Ada',
    });
  }
}

const config = loadConfig(
  {
    NODE_ENV: 'test',
    PUBLIC_URL: 'https://api.example.com',
    OIDC_PROVIDERS: JSON.stringify([
      { name: 'corp', issuer: 'https://id.example.com', clientId: 'api', clientSecret: 's' },
    ]),
  },
  { signingKeys: false },
);

describe('OidcService', () => {
  let client: FakeOidcClient;
  let store: MemoryStore;
  let oidc: OidcService;

  beforeEach(() => {
    client = new FakeOidcClient();
    store = new MemoryStore();
    oidc = new OidcService(config, asReal<OidcClientService>(client), store);
  });

  const stateOf = (url: URL): string => url.searchParams.get('state') ?? '';

  it('sends the user to the provider with PKCE S256, state, nonce and our callback', async () => {
    const url = await oidc.authorize('corp');
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      response_type: 'code',
      redirect_uri: 'https://api.example.com/v1/auth/oidc/corp/callback',
      code_challenge: 'challenge(verifier-1)',
      code_challenge_method: 'S256',
      nonce: 'nonce-1',
    });
    expect(stateOf(url)).not.toBe('');
  });

  it('completes a sign-in once, with the verifier and nonce it stored, and the returnTo', async () => {
    const state = stateOf(await oidc.authorize('corp', '/orders'));
    const identity = await oidc.callback('corp', new URLSearchParams({ state, code: 'c' }));
    expect(identity).toEqual({
      provider: 'corp',
      subject: 'subject-1',
      email: 'ada@example.com',
      emailVerified: true,
      name: 'Ada',
      returnTo: '/orders',
    });
    expect(client.exchanged).toEqual([{ state, nonce: 'nonce-1', codeVerifier: 'verifier-1' }]);
    await expect(
      oidc.callback('corp', new URLSearchParams({ state, code: 'c' })),
    ).rejects.toMatchObject({ code: 'oidc_invalid_request' });
  });

  it.each([
    ['no state', new URLSearchParams({ code: 'c' })],
    ['an unknown state', new URLSearchParams({ state: 'never-issued', code: 'c' })],
    ['a state too long to be ours', new URLSearchParams({ state: 'x'.repeat(257), code: 'c' })],
  ])('refuses a callback with %s as oidc_invalid_request', async (_case, parameters) => {
    await expect(oidc.callback('corp', parameters)).rejects.toMatchObject({
      code: 'oidc_invalid_request',
    });
    expect(client.exchanged).toEqual([]);
  });

  it('answers a provider error with oidc_login_failed and spends the attempt', async () => {
    const state = stateOf(await oidc.authorize('corp'));
    await expect(
      oidc.callback('corp', new URLSearchParams({ state, error: 'access_denied' })),
    ).rejects.toMatchObject({ code: 'oidc_login_failed' });
    await expect(
      oidc.callback('corp', new URLSearchParams({ state, code: 'c' })),
    ).rejects.toMatchObject({ code: 'oidc_invalid_request' });
  });

  it.each(['https://evil.example/', '//evil.example', '/\\evil.example', 'orders'])(
    'refuses returnTo %s: only paths on this site',
    async (returnTo) => {
      await expect(oidc.authorize('corp', returnTo)).rejects.toMatchObject({
        code: 'oidc_invalid_request',
      });
    },
  );

  it('refuses an unknown provider with oidc_provider_unknown', async () => {
    await expect(oidc.authorize('nope')).rejects.toEqual(
      new DomainError('oidc_provider_unknown', 'No identity provider has this name.'),
    );
  });

  it('answers dependency_unavailable when the shared store is down, and stores nothing', async () => {
    store.set = () => Promise.reject(new Error('connection refused'));
    await expect(oidc.authorize('corp')).rejects.toMatchObject({ code: 'dependency_unavailable' });
  });

  it('lets an attempt expire after 10 minutes', async () => {
    let now = 0;
    store = new MemoryStore(() => now);
    oidc = new OidcService(config, asReal<OidcClientService>(client), store);
    const state = stateOf(await oidc.authorize('corp'));
    now += 10 * 60_000;
    await expect(
      oidc.callback('corp', new URLSearchParams({ state, code: 'c' })),
    ).rejects.toMatchObject({ code: 'oidc_invalid_request' });
  });
});
