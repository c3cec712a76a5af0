import { KeyValueStore } from '@libs/cache';
import { type Config, InjectConfig, type OidcProviderConfig } from '@libs/config';
import { Injectable, Logger } from '@nestjs/common';
import { z } from 'zod';
import { DomainError } from '../../platform/errors/domain-error.js';
import type { ExternalIdentity } from '../auth.service.js';
import { OidcClientService } from './oidc-client.service.js';
import { isSafeReturnTo } from './return-to.js';

/** Time a user has to sign in at the provider before the attempt expires. */
const PENDING_LOGIN_TTL_MS = 10 * 60_000;
/** openid-client's states are 43 characters; anything much longer is not ours. */
const STATE_MAX_LENGTH = 256;

const pendingKey = (state: string): string => `oidc:pending:${state}`;

/** What `authorize` remembers under the state until the provider sends the user back. */
const pendingLogin = z.object({
  provider: z.string(),
  codeVerifier: z.string(),
  nonce: z.string(),
  returnTo: z.string().optional(),
});
type PendingLogin = z.infer<typeof pendingLogin>;

interface OidcIdentity extends ExternalIdentity {
  /** The relative path given to `authorize`, if any. */
  readonly returnTo: string | undefined;
}

const invalidRequest = (): DomainError =>
  new DomainError(
    'oidc_invalid_request',
    'This sign-in attempt is unknown, expired or already used. Start signing in again.',
  );

/**
 * OpenID Connect sign-in (authorization code flow with PKCE S256, state and nonce). The state
 * keys a one-time record of the verifier and nonce in the shared store, taken atomically on the
 * callback, so each attempt completes at most once across every replica.
 */
@Injectable()
export class OidcService {
  private readonly logger = new Logger(OidcService.name);
  private readonly providers: ReadonlyMap<string, OidcProviderConfig>;
  private readonly publicUrl: string;

  constructor(
    @InjectConfig() config: Config,
    private readonly client: OidcClientService,
    private readonly store: KeyValueStore,
  ) {
    this.providers = new Map(config.auth.oidcProviders.map((p) => [p.name, p]));
    this.publicUrl = config.http.publicUrl;
  }

  /** Registered at the provider exactly as built here. */
  redirectUri(providerName: string): string {
    return `${this.publicUrl}/v1/auth/oidc/${providerName}/callback`;
  }

  /** The provider's authorization URL to send the user to. */
  async authorize(providerName: string, returnTo?: string): Promise<URL> {
    const provider = this.provider(providerName);
    if (returnTo !== undefined && !isSafeReturnTo(returnTo)) {
      throw new DomainError(
        'oidc_invalid_request',
        'returnTo must be a path on this site, such as /orders.',
      );
    }
    const state = this.client.randomState();
    const pending: PendingLogin = {
      provider: provider.name,
      codeVerifier: this.client.randomCodeVerifier(),
      nonce: this.client.randomNonce(),
      ...(returnTo === undefined ? {} : { returnTo }),
    };
    // Discovery first: when the provider is down nothing is stored.
    const url = await this.client.authorizationUrl(provider, {
      response_type: 'code',
      scope: provider.scopes,
      redirect_uri: this.redirectUri(provider.name),
      code_challenge: await this.client.codeChallenge(pending.codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce: pending.nonce,
    });
    await this.shared(() =>
      this.store.set(pendingKey(state), JSON.stringify(pending), PENDING_LOGIN_TTL_MS),
    );
    return url;
  }

  /**
   * Completes the sign-in from the parameters the provider redirected the user back with, and
   * returns who signed in.
   */
  async callback(providerName: string, parameters: URLSearchParams): Promise<OidcIdentity> {
    const provider = this.provider(providerName);
    const state = parameters.get('state');
    if (!state || state.length > STATE_MAX_LENGTH) throw invalidRequest();
    // Taken, not read: a replayed or concurrent callback finds nothing.
    const pending = await this.takePending(state);
    if (pending?.provider !== provider.name) throw invalidRequest();

    const error = parameters.get('error');
    if (error !== null) {
      this.logger.warn(
        { provider: provider.name, error: error.slice(0, 100) },
        'OIDC provider answered with an error',
      );
      throw new DomainError('oidc_login_failed', 'The identity provider did not sign you in.');
    }

    // The redirect URI as registered, not as the request's Host header says.
    const currentUrl = new URL(this.redirectUri(provider.name));
    currentUrl.search = parameters.toString();
    const claims = await this.client.exchangeCode(provider, currentUrl, {
      state,
      nonce: pending.nonce,
      codeVerifier: pending.codeVerifier,
    });
    return { provider: provider.name, ...claims, returnTo: pending.returnTo };
  }

  private provider(name: string): OidcProviderConfig {
    const provider = this.providers.get(name);
    if (!provider) {
      throw new DomainError('oidc_provider_unknown', 'No identity provider has this name.');
    }
    return provider;
  }

  private async takePending(state: string): Promise<PendingLogin | undefined> {
    const raw = await this.shared(() => this.store.take(pendingKey(state)));
    if (raw === null) return undefined;
    try {
      return pendingLogin.parse(JSON.parse(raw));
    } catch {
      return undefined; // not written by this version: treat as unknown
    }
  }

  /** Without the shared store no attempt can be checked: a 503, not a 500. */
  private async shared<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      this.logger.warn({ err: error }, 'OIDC state store unavailable');
      throw new DomainError('dependency_unavailable', 'Sign-in is unavailable. Try again later.');
    }
  }
}
