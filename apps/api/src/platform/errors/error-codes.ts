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
} as const satisfies Record<string, { status: number; type: string; title: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;
