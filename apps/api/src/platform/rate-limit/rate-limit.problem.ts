import { problem } from '../problem/problem-details.js';
import { ProblemException } from '../problem/problem.exception.js';
import { THROTTLERS } from './rate-limit.decorators.js';
import { type Quota, quotaHeaders } from './rate-limit.quota.js';

const RATE_LIMITED_TYPE = '/problems/rate-limited';

/** The 429 answer, rendered by ProblemDetailsFilter like every other error. */
export function rateLimited(quota: Quota): ProblemException {
  const who = quota.throttler === THROTTLERS.account ? 'for this account' : 'from this client';
  return new ProblemException(
    problem(429, {
      type: RATE_LIMITED_TYPE,
      title: 'Too Many Requests',
      detail: `Too many requests ${who}. Try again in ${quota.resetSeconds} seconds.`,
    }),
    { ...quotaHeaders(quota), 'retry-after': String(quota.resetSeconds) },
  );
}
