import type { FieldError } from '../problem/problem-details.js';
import type { ErrorCode } from './error-codes.js';

/**
 * A failure the domain expects (duplicate email, stock exhausted, ...). Services throw it; the
 * problem-details filter turns its code into the HTTP answer, so services never speak HTTP.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    /** Safe to show to the client. */
    readonly detail?: string,
    readonly errors?: readonly FieldError[],
  ) {
    super(detail ?? code);
    this.name = 'DomainError';
  }
}
