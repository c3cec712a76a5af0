import type { ProblemDetails } from './problem-details.js';

/**
 * Thrown anywhere to answer with exactly this problem. Domain code throws DomainError instead;
 * this is for the HTTP platform itself (validation, method not allowed, readiness).
 */
export class ProblemException extends Error {
  constructor(
    readonly problem: ProblemDetails,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(problem.detail ?? problem.title);
    this.name = 'ProblemException';
  }
}
