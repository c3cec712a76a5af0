/**
 * Every domain error code and the HTTP problem it becomes: the one place where domain failures
 * are mapped to HTTP. Features add their codes here; DomainError only accepts codes listed here.
 */
export const ERROR_CODES = {
  validation_failed: {
    status: 400,
    type: '/problems/validation-error',
    title: 'Request is invalid',
  },
  dependency_unavailable: {
    status: 503,
    type: '/problems/dependency-unavailable',
    title: 'A service this request needs is unavailable',
  },

  // Identity
  weak_password: { status: 400, type: '/problems/weak-password', title: 'Password is too weak' },
  email_taken: { status: 409, type: '/problems/email-taken', title: 'Email is already registered' },
  invalid_credentials: {
    status: 401,
    type: '/problems/invalid-credentials',
    title: 'Email or password is wrong',
  },
  invalid_refresh_token: {
    status: 401,
    type: '/problems/invalid-refresh-token',
    title: 'Refresh token is invalid, expired or already used',
  },
  wrong_password: {
    status: 401,
    type: '/problems/invalid-credentials',
    title: 'Current password is wrong',
  },
  user_not_found: { status: 404, type: 'about:blank', title: 'Not Found' },
  oidc_provider_unknown: { status: 404, type: 'about:blank', title: 'Not Found' },
  oidc_invalid_request: {
    status: 400,
    type: '/problems/oidc-invalid-request',
    title: 'Sign-in request is invalid or expired',
  },
  oidc_login_failed: {
    status: 401,
    type: '/problems/oidc-login-failed',
    title: 'The identity provider did not sign you in',
  },
  oidc_provider_unavailable: {
    status: 502,
    type: '/problems/oidc-provider-unavailable',
    title: 'The identity provider is unavailable',
  },

  // Catalog
  product_not_found: { status: 404, type: 'about:blank', title: 'Not Found' },
  sku_taken: { status: 409, type: '/problems/sku-taken', title: 'A product with this SKU exists' },
  precondition_failed: {
    status: 412,
    type: '/problems/precondition-failed',
    title: 'The resource changed since you read it',
  },

  // Orders
  order_not_found: { status: 404, type: 'about:blank', title: 'Not Found' },
  forbidden: { status: 403, type: 'about:blank', title: 'Forbidden' },
  insufficient_stock: {
    status: 409,
    type: '/problems/insufficient-stock',
    title: 'Not enough stock to fill the order',
  },
  product_unavailable: {
    status: 422,
    type: '/problems/product-unavailable',
    title: 'A product in the order is unknown or no longer sold',
  },
  mixed_currencies: {
    status: 422,
    type: '/problems/mixed-currencies',
    title: 'All lines of an order must share one currency',
  },
  order_not_cancellable: {
    status: 409,
    type: '/problems/order-not-cancellable',
    title: 'The order can no longer be cancelled',
  },
  invalid_transition: {
    status: 409,
    type: '/problems/invalid-status-transition',
    title: 'The order cannot move to that status',
  },
  idempotency_key_reused: {
    status: 422,
    type: '/problems/idempotency-key-reused',
    title: 'This Idempotency-Key was used for a different request',
  },
  idempotency_in_flight: {
    status: 409,
    type: '/problems/idempotency-in-flight',
    title: 'A request with this Idempotency-Key is still in progress',
  },
} as const satisfies Record<string, { status: number; type: string; title: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;
