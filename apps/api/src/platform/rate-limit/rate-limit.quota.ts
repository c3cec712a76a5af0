import type { ThrottlerStorage } from '@nestjs/throttler';

/** What a ThrottlerStorage answers for one hit (the package does not export the type by name). */
export type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/** Where one client stands against one throttler after this request. */
export interface Quota {
  readonly throttler: string;
  readonly limit: number;
  readonly remaining: number;
  /** Seconds until the quota is full again (or the block ends). */
  readonly resetSeconds: number;
  readonly blocked: boolean;
}

export function quotaOf(throttler: string, limit: number, record: ThrottlerStorageRecord): Quota {
  return {
    throttler,
    limit,
    remaining: Math.max(0, limit - record.totalHits),
    resetSeconds: record.isBlocked
      ? Math.max(record.timeToExpire, record.timeToBlockExpire)
      : record.timeToExpire,
    blocked: record.isBlocked,
  };
}

/** The quota a client will run out of first: fewest requests left, then the longest wait. */
export function mostRestrictive(a: Quota, b: Quota): Quota {
  if (a.remaining !== b.remaining) return a.remaining < b.remaining ? a : b;
  return a.resetSeconds >= b.resetSeconds ? a : b;
}

/**
 * The IETF httpapi draft's header trio (draft-ietf-httpapi-ratelimit-headers, the
 * `RateLimit-Limit` / `-Remaining` / `-Reset` generation; Reset is delta seconds). One request
 * can pass several throttlers; the trio describes the most restrictive one.
 */
export function quotaHeaders(quota: Quota): Record<string, string> {
  return {
    'ratelimit-limit': String(quota.limit),
    'ratelimit-remaining': String(quota.remaining),
    'ratelimit-reset': String(quota.resetSeconds),
  };
}
