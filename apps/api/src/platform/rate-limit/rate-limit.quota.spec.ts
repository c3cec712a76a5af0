import { describe, expect, it } from '@jest/globals';
import { mostRestrictive, type Quota, quotaHeaders, quotaOf } from './rate-limit.quota.js';

const quota = (fields: Partial<Quota>): Quota => ({
  throttler: 'default',
  limit: 10,
  remaining: 5,
  resetSeconds: 30,
  blocked: false,
  ...fields,
});

describe('quotas', () => {
  it('reads a storage record', () => {
    const record = { totalHits: 3, timeToExpire: 42, isBlocked: false, timeToBlockExpire: 0 };
    expect(quotaOf('auth', 2, record)).toEqual({
      throttler: 'auth',
      limit: 2,
      remaining: 0,
      resetSeconds: 42,
      blocked: false,
    });
    expect(quotaOf('auth', 2, { ...record, isBlocked: true, timeToBlockExpire: 60 })).toMatchObject(
      { remaining: 0, resetSeconds: 60, blocked: true },
    );
  });

  it('picks the quota with the fewest requests left, then the longest wait', () => {
    const auth = quota({ throttler: 'auth', remaining: 1 });
    expect(mostRestrictive(quota({}), auth)).toBe(auth);
    const later = quota({ throttler: 'account', resetSeconds: 50 });
    expect(mostRestrictive(quota({}), later)).toBe(later);
  });

  it('renders the RateLimit-* trio', () => {
    expect(quotaHeaders(quota({}))).toEqual({
      'ratelimit-limit': '10',
      'ratelimit-remaining': '5',
      'ratelimit-reset': '30',
    });
  });
});
