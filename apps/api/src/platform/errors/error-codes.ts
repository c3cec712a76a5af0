/**
 * Every domain error code and the HTTP problem it becomes: the one place where domain failures
 * are mapped to HTTP. Features add their codes here; DomainError only accepts codes listed here.
 * `meaning` is what a client reads at the problem type's URI (`GET /problems/<slug>`), in the
 * OpenAPI document and in docs/api.md: what happened and what to do about it.
 */
export const ERROR_CODES = {
  validation_failed: {
    status: 400,
    type: '/problems/validation-error',
    title: 'Request is invalid',
    meaning:
      'A field, query parameter or header is missing, malformed or out of range. `errors` lists each one: a JSON pointer into the request and what is wrong with it. Fix the request before sending it again.',
  },
  dependency_unavailable: {
    status: 503,
    type: '/problems/dependency-unavailable',
    title: 'A service this request needs is unavailable',
    meaning:
      'PostgreSQL (or another service the request needs) did not answer in time, and nothing was changed. Retry after `Retry-After` seconds; an order retried with the same `Idempotency-Key` is placed at most once.',
  },
  rate_limited: {
    status: 429,
    type: '/problems/rate-limited',
    title: 'Too Many Requests',
    meaning:
      'Too many requests from this client address (or, on sign-in routes, for this account; with an API key, for this key) in the current window. Wait `Retry-After` seconds; the `RateLimit-Limit`, `RateLimit-Remaining` and `RateLimit-Reset` headers describe the quota.',
  },
  problem_type_not_found: {
    status: 404,
    type: 'about:blank',
    title: 'Not Found',
    meaning: 'This API defines no problem type with this name.',
  },

  // Identity
  weak_password: {
    status: 400,
    type: '/problems/weak-password',
    title: 'Password is too weak',
    meaning:
      'The new password is too easy to guess: a breached or common password, words or names, a keyboard walk, a date, or mostly your own email or name. `detail` says why. Choose a longer passphrase of unrelated words.',
  },
  email_taken: {
    status: 409,
    type: '/problems/email-taken',
    title: 'Email is already registered',
    meaning:
      'An account with this email exists already (emails compare case-insensitively). Sign in instead.',
  },
  invalid_credentials: {
    status: 401,
    type: '/problems/invalid-credentials',
    title: 'Email or password is wrong',
    meaning:
      'The email or the password is wrong; the answer is the same for both, so it does not tell whether an account exists. When changing a password: the current password is wrong.',
  },
  invalid_refresh_token: {
    status: 401,
    type: '/problems/invalid-refresh-token',
    title: 'Refresh token is invalid, expired or already used',
    meaning:
      'The refresh token is unknown, expired, revoked or already used. A refresh token works once: presenting a used one ends its whole session. Sign in again.',
  },
  wrong_password: {
    status: 401,
    type: '/problems/invalid-credentials',
    title: 'Current password is wrong',
    meaning: 'The current password given to change it is wrong.',
  },
  user_not_found: {
    status: 404,
    type: 'about:blank',
    title: 'Not Found',
    meaning: 'No user has this id.',
  },
  oidc_provider_unknown: {
    status: 404,
    type: 'about:blank',
    title: 'Not Found',
    meaning: 'No identity provider is configured under this name.',
  },
  api_key_not_found: {
    status: 404,
    type: 'about:blank',
    title: 'Not Found',
    meaning:
      'The user has no API key with this id that is not revoked (it never existed, was revoked, or is another user’s).',
  },
  api_key_scope_not_allowed: {
    status: 403,
    type: '/problems/api-key-scope-not-allowed',
    title: 'Your role cannot grant this scope',
    meaning:
      'A key may only hold scopes its owner’s role allows: products:write needs an admin. Ask for the scopes your role has.',
  },
  api_key_limit_reached: {
    status: 409,
    type: '/problems/api-key-limit-reached',
    title: 'You have as many API keys as allowed: revoke one first',
    meaning:
      'A user holds at most 50 API keys that are not revoked: revoke one you no longer use, then create the new one.',
  },
  invalid_mfa_token: {
    status: 401,
    type: '/problems/invalid-mfa-token',
    title: 'The sign-in step is unknown, expired or already used',
    meaning:
      'The `mfaToken` is not one this service issued, is older than 5 minutes, already completed a sign-in, or took 5 wrong codes. Sign in with your password again for a new one.',
  },
  invalid_mfa_code: {
    status: 401,
    type: '/problems/invalid-mfa-code',
    title: 'The code is wrong, expired or already used',
    meaning:
      'The authenticator code is not the one of this 30-second step (or the one before or after), was accepted once already, or the recovery code is unknown or spent. Wait for the next code and try again; on sign-in, a few wrong codes end the `mfaToken`.',
  },
  mfa_already_enabled: {
    status: 409,
    type: '/problems/mfa-already-enabled',
    title: 'Multi-factor sign-in is on already',
    meaning:
      'Your account has an authenticator already. Turn it off first (with your password and a code) to enrol a new one.',
  },
  mfa_enrolment_not_started: {
    status: 409,
    type: '/problems/mfa-enrolment-not-started',
    title: 'No authenticator is waiting for confirmation',
    meaning:
      'Confirming needs an enrolment started with `POST /v1/users/me/mfa/totp` and not confirmed yet. Start one, add it to your app, then confirm a code.',
  },
  mfa_not_enabled: {
    status: 409,
    type: '/problems/mfa-not-enabled',
    title: 'Multi-factor sign-in is off',
    meaning: 'Your account has no confirmed authenticator, so there is nothing to turn off.',
  },
  mfa_requires_password: {
    status: 409,
    type: '/problems/mfa-requires-password',
    title: 'Multi-factor sign-in needs a password',
    meaning:
      'The authenticator is the second step after your password; this account signs in only through an identity provider, whose own multi-factor settings apply.',
  },
  invalid_account_token: {
    status: 400,
    type: '/problems/invalid-account-token',
    title: 'Token is invalid, expired or already used',
    meaning:
      'The token from the mail is unknown, expired (a verification token lasts 24 hours, a reset token 30 minutes), already used, or replaced by a newer mail. Ask for a new mail and use the token of the newest one.',
  },
  email_already_verified: {
    status: 409,
    type: '/problems/email-already-verified',
    title: 'Your email is verified already',
    meaning: 'This account proved its email already: there is nothing to verify.',
  },
  email_not_verified: {
    status: 403,
    type: '/problems/email-not-verified',
    title: 'Verify your email first',
    meaning:
      'This service asks accounts to verify their email before they place orders. Use the token of the verification mail (`POST /v1/auth/email/verify`), or ask for a new one (`POST /v1/auth/email/resend`).',
  },
  account_rate_limited: {
    status: 429,
    type: '/problems/rate-limited',
    title: 'Too Many Requests',
    meaning:
      'Too many requests for this account in the current minute (mails asked for, passwords reset). Wait `Retry-After` seconds.',
    retryAfterSeconds: 60,
  },
  oidc_invalid_request: {
    status: 400,
    type: '/problems/oidc-invalid-request',
    title: 'Sign-in request is invalid or expired',
    meaning:
      'The sign-in attempt is unknown, expired (after 10 minutes) or already completed, or `returnTo` is not a relative path. Start signing in again.',
  },
  oidc_login_failed: {
    status: 401,
    type: '/problems/oidc-login-failed',
    title: 'The identity provider did not sign you in',
    meaning:
      'The identity provider refused the sign-in, or its answer did not verify (state, nonce, issuer or signature). Start signing in again.',
  },
  oidc_provider_unavailable: {
    status: 502,
    type: '/problems/oidc-provider-unavailable',
    title: 'The identity provider is unavailable',
    meaning: 'The identity provider did not answer in time. Try again later.',
  },

  // Catalog
  product_not_found: {
    status: 404,
    type: 'about:blank',
    title: 'Not Found',
    meaning: 'No product has this id (archived products are gone from the public catalog).',
  },
  sku_taken: {
    status: 409,
    type: '/problems/sku-taken',
    title: 'A product with this SKU exists',
    meaning: 'Another product, archived or not, has this SKU. SKUs are unique across the catalog.',
  },
  precondition_failed: {
    status: 412,
    type: '/problems/precondition-failed',
    title: 'The resource changed since you read it',
    meaning:
      'The `If-Match` ETag is not the current version: the resource changed since you read it. Read it again, reapply your change and send it with the new ETag.',
  },

  // Orders
  order_not_found: {
    status: 404,
    type: 'about:blank',
    title: 'Not Found',
    meaning:
      'No order of yours has this id: someone else’s order answers exactly like a missing one.',
  },
  forbidden: {
    status: 403,
    type: 'about:blank',
    title: 'Forbidden',
    meaning:
      'Your role does not allow this, or the API key used lacks a scope the route needs (`x-api-key-scopes`); routes without scopes refuse API keys.',
  },
  insufficient_stock: {
    status: 409,
    type: '/problems/insufficient-stock',
    title: 'Not enough stock to fill the order',
    meaning:
      'A line asks for more than is in stock. Nothing was ordered and no stock was taken. Lower the quantity or drop the line.',
  },
  product_unavailable: {
    status: 422,
    type: '/problems/product-unavailable',
    title: 'A product in the order is unknown or no longer sold',
    meaning:
      'A line names a product that does not exist or is archived. Nothing was ordered. Drop the line.',
  },
  mixed_currencies: {
    status: 422,
    type: '/problems/mixed-currencies',
    title: 'All lines of an order must share one currency',
    meaning:
      'The lines name products priced in different currencies; an order has one currency. Place one order per currency.',
  },
  order_not_cancellable: {
    status: 409,
    type: '/problems/order-not-cancellable',
    title: 'The order can no longer be cancelled',
    meaning:
      'Only pending and paid orders can be cancelled; this one is shipped, delivered or cancelled already.',
  },
  invalid_transition: {
    status: 409,
    type: '/problems/invalid-status-transition',
    title: 'The order cannot move to that status',
    meaning:
      'Orders move pending → paid → shipped → delivered, and pending or paid → cancelled; the requested status is not reachable from the current one.',
  },
  idempotency_key_reused: {
    status: 422,
    type: '/problems/idempotency-key-reused',
    title: 'This Idempotency-Key was used for a different request',
    meaning:
      'You used this `Idempotency-Key` for a request with another body. Use a new key for a new order.',
  },
  idempotency_in_flight: {
    status: 409,
    type: '/problems/idempotency-in-flight',
    title: 'A request with this Idempotency-Key is still in progress',
    meaning:
      'Another request with this `Idempotency-Key` is still running (this one waited 2 s for it). Retry after `Retry-After`: you will get its answer.',
    // Worth retrying: the attempt that holds the key is running and will end.
    retryAfterSeconds: 1,
  },
} as const satisfies Record<
  string,
  { status: number; type: string; title: string; meaning: string; retryAfterSeconds?: number }
>;

export type ErrorCode = keyof typeof ERROR_CODES;
