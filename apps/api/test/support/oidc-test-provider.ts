import type { OidcProviderConfig } from '@libs/config';
import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type InteractionResults, type JWK } from 'oidc-provider';
import { memoryAdapter } from './oidc-memory-adapter.js';

/** The claims of a user at the test provider. */
export interface OidcAccount {
  readonly sub: string;
  readonly email?: string;
  readonly email_verified?: boolean;
  readonly name?: string;
}

export interface OidcProviderOptions {
  /** The app's callback URL, registered for the one client. */
  readonly redirectUri: string;
  /**
   * true: email and name are in the ID token. false (oidc-provider's default, like several real
   * providers): they are only served by UserInfo when an access token is issued.
   */
  readonly claimsInIdToken?: boolean;
  /**
   * The issuer URL clients reach it at, when that is not its own address (a proxy in front of it,
   * see FaultProxy). Default: http://127.0.0.1:<its port>.
   */
  readonly issuer?: string;
}

/** What happens at the provider's login page for one sign-in attempt. */
export type OidcDecision = OidcAccount | 'deny';

/**
 * A real OpenID Connect provider (`oidc-provider`) on 127.0.0.1, with one confidential client
 * (client_secret_basic), PKCE required and the RFC 9207 `iss` response parameter. Its login and
 * consent pages are replaced by a handler that finishes each interaction at once with the
 * decision the test registered for that attempt's `state`, so sign-in runs headlessly. Without a
 * decision (a real browser signing in) the login page is a form asking for the account's email,
 * and consent is granted once the user has signed in.
 */
export class OidcTestProvider {
  readonly clientId = `client-${randomUUID()}`;
  readonly clientSecret = randomBytes(32).toString('base64url');
  private readonly accounts = new Map<string, OidcAccount>();
  private readonly decisions = new Map<string, OidcDecision>();
  private readonly server = createServer();
  private provider!: Provider;

  private constructor(private readonly options: OidcProviderOptions) {}

  static async start(options: OidcProviderOptions): Promise<OidcTestProvider> {
    const fixture = new OidcTestProvider(options);
    await fixture.listen();
    return fixture;
  }

  get issuer(): string {
    return this.provider.issuer;
  }

  /** Where it listens (behind any proxy). */
  get address(): { host: string; port: number } {
    return { host: '127.0.0.1', port: (this.server.address() as AddressInfo).port };
  }

  /** The entry of OIDC_PROVIDERS that points the app at this provider. */
  config(name: string): OidcProviderConfig {
    return {
      name,
      issuer: this.issuer,
      clientId: this.clientId,
      clientSecret: this.clientSecret,
      scopes: 'openid email profile',
    };
  }

  /** Creates a user at the provider: unique subject and email unless overridden. */
  account(overrides: Partial<OidcAccount> = {}): OidcAccount {
    const id = randomUUID();
    const account: OidcAccount = {
      sub: `sub-${id}`,
      email: `oidc-${id}@example.test`,
      email_verified: true,
      name: 'Ada Lovelace',
      ...overrides,
    };
    this.accounts.set(account.sub, account);
    return account;
  }

  /**
   * Plays the browser: follows `authorizationUrl` through the provider's login and consent as
   * `decision` (an account, or 'deny' to refuse), and returns the URL the provider redirects to
   * (the app's callback with code, state and iss), without following it.
   */
  async signIn(authorizationUrl: string | URL, decision: OidcDecision): Promise<URL> {
    const start = new URL(authorizationUrl);
    const state = start.searchParams.get('state');
    if (!state) throw new Error('the authorization URL has no state');
    this.decisions.set(state, decision);
    const cookies = new Map<string, string>();
    let url = start;
    for (let hop = 0; hop < 10; hop += 1) {
      const response = await fetch(url, {
        redirect: 'manual',
        headers: { cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; ') },
      });
      for (const line of response.headers.getSetCookie()) {
        const [pair = ''] = line.split(';', 1);
        const at = pair.indexOf('=');
        cookies.set(pair.slice(0, at), pair.slice(at + 1));
      }
      const body = await response.text();
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location) {
        throw new Error(`provider answered ${response.status} at ${url.pathname}: ${body}`);
      }
      const next = new URL(location, url);
      if (next.origin + next.pathname === this.options.redirectUri) return next;
      url = next;
    }
    throw new Error('too many redirects at the provider');
  }

  /** Stops the provider; a test may do so early to play an outage. */
  async close(): Promise<void> {
    if (!this.server.listening) return;
    const closed = new Promise<void>((resolve, reject) => {
      this.server.close((error) => (error ? reject(error) : resolve()));
    });
    this.server.closeAllConnections();
    await closed;
  }

  private async listen(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    this.provider = this.createProvider(this.options.issuer ?? `http://127.0.0.1:${port}`);
    const callback = this.provider.callback();
    this.server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      if (req.url?.startsWith('/interaction/')) {
        this.interact(req, res).catch((error: unknown) => {
          res.statusCode = 500;
          res.end(error instanceof Error ? error.message : String(error));
        });
      } else {
        void callback(req, res);
      }
    });
  }

  private createProvider(issuer: string): Provider {
    const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
      format: 'jwk',
    }) as JWK;
    return new Provider(issuer, {
      clients: [
        {
          client_id: this.clientId,
          client_secret: this.clientSecret,
          redirect_uris: [this.options.redirectUri],
          grant_types: ['authorization_code'],
          response_types: ['code'],
          token_endpoint_auth_method: 'client_secret_basic',
        },
      ],
      pkce: { required: () => true },
      conformIdTokenClaims: this.options.claimsInIdToken !== true,
      claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
      findAccount: (_ctx, sub) => {
        const account = this.accounts.get(sub);
        return account && { accountId: sub, claims: () => ({ ...account }) };
      },
      features: { devInteractions: { enabled: false } },
      interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
      jwks: { keys: [signingKey] },
      cookies: { keys: [randomBytes(32).toString('base64url')] },
      adapter: memoryAdapter(),
      // Explicit lifetimes (seconds); the defaults print a notice each time they are used.
      ttl: {
        AuthorizationCode: 60,
        AccessToken: 600,
        IdToken: 600,
        Interaction: 600,
        Session: 3_600,
        Grant: 3_600,
      },
    });
  }

  /** The provider's login and consent "pages": each answers at once with the test's decision. */
  private async interact(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const interaction = await this.provider.interactionDetails(req, res);
    const decision =
      this.decisions.get(String(interaction.params.state)) ??
      (await this.browserDecision(req, res, interaction));
    if (!decision) return; // the login form was sent
    let result: InteractionResults;
    if (decision === 'deny') {
      result = { error: 'access_denied', error_description: 'The user did not allow it.' };
    } else if (interaction.prompt.name === 'login') {
      result = { login: { accountId: decision.sub } };
    } else {
      const grant = new this.provider.Grant({
        accountId: decision.sub,
        clientId: String(interaction.params.client_id),
      });
      const { missingOIDCScope, missingOIDCClaims } = interaction.prompt.details as {
        missingOIDCScope?: string[];
        missingOIDCClaims?: string[];
      };
      if (missingOIDCScope) grant.addOIDCScope(missingOIDCScope);
      if (missingOIDCClaims) grant.addOIDCClaims(missingOIDCClaims);
      result = { consent: { grantId: await grant.save() } };
    }
    await this.provider.interactionFinished(req, res, result, { mergeWithLastSubmission: true });
  }

  /**
   * A browser at the login page: GET shows the form, POST signs in the account with the email
   * typed in. At consent the user is signed in already, so consent is given for that account.
   */
  private async browserDecision(
    req: IncomingMessage,
    res: ServerResponse,
    interaction: Awaited<ReturnType<Provider['interactionDetails']>>,
  ): Promise<OidcAccount | undefined> {
    if (interaction.prompt.name !== 'login') {
      const sub = interaction.session?.accountId;
      const account = sub === undefined ? undefined : this.accounts.get(sub);
      if (!account) throw new Error('consent without a signed-in account');
      return account;
    }
    if (req.method !== 'POST') {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(
        '<!doctype html><html lang="en"><head><title>Test provider: sign in</title></head><body>' +
          `<form method="post" action="/interaction/${interaction.uid}">` +
          '<label>Email <input name="email" type="email" required></label>' +
          '<button type="submit">Sign in</button></form></body></html>',
      );
      return undefined;
    }
    let body = '';
    for await (const chunk of req) body += String(chunk);
    const email = new URLSearchParams(body).get('email');
    const account = [...this.accounts.values()].find((candidate) => candidate.email === email);
    if (!account) throw new Error(`no account with the email ${String(email)}`);
    return account;
  }
}
