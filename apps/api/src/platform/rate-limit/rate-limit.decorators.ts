import { SetMetadata } from '@nestjs/common';

/** Names of the throttlers (also the first part of their counter keys). */
export const THROTTLERS = {
  /** Every route, per client address. */
  default: 'default',
  /** Routes marked with @AuthRateLimit(), per client address, across all of them. */
  auth: 'auth',
  /** Routes marked with @AuthRateLimit(), per account: the normalised `email` of the JSON body. */
  account: 'account',
  /** Requests authenticated with an API key, per key (the id embedded in the key). */
  apiKey: 'api-key',
} as const;

/** Metadata written by @AuthRateLimit() and read by the `auth` and `account` throttlers. */
export const AUTH_RATE_LIMIT = Symbol('auth-rate-limit');
/** Metadata written by @NoRateLimit() and read by RateLimitGuard. */
export const NO_RATE_LIMIT = Symbol('no-rate-limit');

interface AuthRateLimitOptions {
  /** Also limit per account (the `email` field of the body). Default: true. */
  readonly account?: boolean;
}

export interface AuthRateLimitScope {
  readonly account: boolean;
}

/**
 * Adds the stricter limits of credential endpoints to a route (or every route of a controller),
 * on top of the default limit: RATE_LIMIT_AUTH_PER_MINUTE per client address across all routes
 * marked with it, and RATE_LIMIT_ACCOUNT_PER_MINUTE per account when the JSON body has an `email`.
 *
 *   @AuthRateLimit()                   register, login (address + account)
 *   @AuthRateLimit({ account: false }) refresh (address only: its body has no email)
 */
export function AuthRateLimit({ account = true }: AuthRateLimitOptions = {}): MethodDecorator &
  ClassDecorator {
  const scope: AuthRateLimitScope = { account };
  return SetMetadata(AUTH_RATE_LIMIT, scope);
}

/** Exempts a route or controller from every rate limit (probes and the like). */
export const NoRateLimit = (): MethodDecorator & ClassDecorator => SetMetadata(NO_RATE_LIMIT, true);
