import { type Config, InjectConfig, type OidcProviderConfig } from '@libs/config';
import { Injectable, Logger } from '@nestjs/common';
import * as client from 'openid-client';
import { DomainError } from '../../platform/errors/domain-error.js';

/** A provider that is down must not hold the sign-in request for long: every call to it, bounded. */
const PROVIDER_TIMEOUT_SECONDS = 3;

/** What the application needs from a verified sign-in, whatever the provider. */
interface OidcClaims {
  readonly subject: string;
  readonly email: string | undefined;
  readonly emailVerified: boolean;
  readonly name: string | undefined;
}

interface CodeExchangeChecks {
  readonly state: string;
  readonly nonce: string;
  readonly codeVerifier: string;
}

/** Marks failures to reach the provider at all (refused, reset, DNS, timeout). */
class ProviderUnreachableError extends Error {
  constructor(url: string, options: { cause: unknown }) {
    super(`no answer from ${new URL(url).origin}`, options);
    this.name = 'ProviderUnreachableError';
  }
}

const fetchMarkingUnreachable: client.CustomFetch = async (url, options) => {
  try {
    return await fetch(url, options);
  } catch (cause) {
    throw new ProviderUnreachableError(url, { cause });
  }
};

/** The error and its causes, outermost first; by shape, since fetch's errors may come from another realm. */
function causeChain(error: unknown): { message?: unknown; cause?: unknown }[] {
  const chain: { message?: unknown; cause?: unknown }[] = [];
  for (let e = error; typeof e === 'object' && e !== null && chain.length < 8;) {
    const link: { message?: unknown; cause?: unknown } = e;
    chain.push(link);
    e = link.cause;
  }
  return chain;
}

/** True when the provider did not answer or answered with a server error: a 502, not a 401. */
function isUnavailable(error: unknown): boolean {
  return causeChain(error).some(
    (e) =>
      e instanceof ProviderUnreachableError ||
      // A timeout that fires while the body is read surfaces as openid-client's own code.
      (e instanceof client.ClientError &&
        (e.code === 'OAUTH_TIMEOUT' || e.code === 'OAUTH_ABORT')) ||
      (e instanceof client.ResponseBodyError && e.status >= 500) ||
      (e.cause instanceof Response && e.cause.status >= 500),
  );
}

/** For the log: every message down the cause chain, plus the provider's OAuth error code. */
function reasonOf(error: unknown): { reason: string; code?: string; oauthError?: string } {
  const messages = causeChain(error)
    .map((e) => e.message)
    .filter((message) => typeof message === 'string');
  const code = (error as { code?: unknown } | undefined)?.code;
  return {
    reason: messages.length > 0 ? messages.join(': ') : String(error),
    ...(typeof code === 'string' ? { code } : {}),
    ...(error instanceof client.ResponseBodyError ? { oauthError: error.error } : {}),
  };
}

/** Providers send `email_verified` as a boolean, a few as the string "true". */
function verified(value: unknown): boolean {
  return value === true || value === 'true';
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/**
 * The one place that speaks to OpenID Connect providers (through openid-client), so the service
 * above it deals in plain values and domain errors, and tests can replace it. Randomness lives
 * here too for the same reason. Provider failures are logged with their reason and surface only
 * as `oidc_provider_unavailable` or `oidc_login_failed`: provider internals never reach clients.
 */
@Injectable()
export class OidcClientService {
  private readonly logger = new Logger(OidcClientService.name);
  /** Discovery runs once per provider; a failed attempt is forgotten so the next one retries. */
  private readonly configurations = new Map<string, Promise<client.Configuration>>();

  constructor(@InjectConfig() private readonly config: Config) {}

  randomState(): string {
    return client.randomState();
  }

  randomNonce(): string {
    return client.randomNonce();
  }

  randomCodeVerifier(): string {
    return client.randomPKCECodeVerifier();
  }

  codeChallenge(codeVerifier: string): Promise<string> {
    return client.calculatePKCECodeChallenge(codeVerifier);
  }

  async authorizationUrl(
    provider: OidcProviderConfig,
    parameters: Readonly<Record<string, string>>,
  ): Promise<URL> {
    const configuration = await this.configuration(provider);
    return client.buildAuthorizationUrl(configuration, { ...parameters });
  }

  /**
   * Validates the authorization response in `currentUrl` (iss per RFC 9207, state), redeems the
   * code with the PKCE verifier, verifies the ID token (signature, issuer, audience, expiry,
   * nonce) and returns its claims, completed from UserInfo when the ID token carries no email.
   */
  async exchangeCode(
    provider: OidcProviderConfig,
    currentUrl: URL,
    checks: CodeExchangeChecks,
  ): Promise<OidcClaims> {
    const configuration = await this.configuration(provider);
    try {
      const tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
        expectedState: checks.state,
        expectedNonce: checks.nonce,
        pkceCodeVerifier: checks.codeVerifier,
        idTokenExpected: true,
      });
      const idToken = tokens.claims();
      if (!idToken) throw new Error('no ID token in the token response');
      const source =
        optionalString(idToken.email) === undefined &&
        configuration.serverMetadata().userinfo_endpoint
          ? // The sub check binds the UserInfo answer to the verified ID token.
            await client.fetchUserInfo(configuration, tokens.access_token, idToken.sub)
          : idToken;
      return {
        subject: idToken.sub,
        email: optionalString(source.email),
        emailVerified: verified(source.email_verified),
        name: optionalString(idToken.name) ?? optionalString(source.name),
      };
    } catch (error) {
      throw this.failure(provider, error);
    }
  }

  private configuration(provider: OidcProviderConfig): Promise<client.Configuration> {
    let configuration = this.configurations.get(provider.name);
    if (!configuration) {
      configuration = this.discover(provider);
      this.configurations.set(provider.name, configuration);
      void configuration.catch(() => this.configurations.delete(provider.name));
    }
    return configuration;
  }

  private async discover(provider: OidcProviderConfig): Promise<client.Configuration> {
    const issuer = new URL(provider.issuer);
    // Plain HTTP only outside production: the tests' provider listens on loopback without TLS.
    const insecure = issuer.protocol === 'http:' && this.config.env !== 'production';
    try {
      return await client.discovery(
        issuer,
        provider.clientId,
        undefined,
        // RFC 6749 §2.3.1: every provider supports HTTP Basic for clients with a secret.
        client.ClientSecretBasic(provider.clientSecret),
        {
          timeout: PROVIDER_TIMEOUT_SECONDS,
          [client.customFetch]: fetchMarkingUnreachable,
          // eslint-disable-next-line @typescript-eslint/no-deprecated -- deprecated only as a warning sign; limited to http issuers outside production
          execute: insecure ? [client.allowInsecureRequests] : [],
        },
      );
    } catch (error) {
      // Whatever went wrong (down, bad metadata, issuer mismatch), the provider cannot be used.
      this.logger.warn({ provider: provider.name, ...reasonOf(error) }, 'OIDC discovery failed');
      throw new DomainError(
        'oidc_provider_unavailable',
        'The identity provider is not answering. Try again later.',
      );
    }
  }

  private failure(provider: OidcProviderConfig, error: unknown): DomainError {
    const details = { provider: provider.name, ...reasonOf(error) };
    if (isUnavailable(error)) {
      this.logger.warn(details, 'OIDC provider unavailable');
      return new DomainError(
        'oidc_provider_unavailable',
        'The identity provider is not answering. Try again later.',
      );
    }
    this.logger.warn(details, 'OIDC sign-in rejected');
    return new DomainError('oidc_login_failed', 'The sign-in could not be verified.');
  }
}
