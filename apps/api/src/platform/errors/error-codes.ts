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
} as const satisfies Record<string, { status: number; type: string; title: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;
