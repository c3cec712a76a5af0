import { ERROR_CODES } from '../errors/error-codes.js';
import { problem } from '../problem/problem-details.js';
import { ProblemException } from '../problem/problem.exception.js';
import { THROTTLERS } from './rate-limit.decorators.js';
import { type Quota, quotaHeaders } from './rate-limit.quota.js';

/** The 429 answer, rendered by ProblemDetailsFilter like every other error. */
export function rateLimited(quota: Quota): ProblemException {
  const who = quota.throttler === THROTTLERS.account ? 'for this account' : 'from this client';
  return new ProblemException(
    problem(429, {
      type: ERROR_CODES.rate_limited.type,
      title: ERROR_CODES.rate_limited.title,
      detail: `Too many requests ${who}. Try again in ${quota.resetSeconds} seconds.`,
    }),
    { ...quotaHeaders(quota), 'retry-after': String(quota.resetSeconds) },
  );
}
