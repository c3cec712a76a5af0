import { Injectable } from '@nestjs/common';
import { KeyValueStore } from '@libs/cache';
import { type Config, InjectConfig } from '@libs/config';
import { createHash } from 'node:crypto';
import { Clock } from '../clock.js';
import { DomainError } from '../errors/domain-error.js';
import { RateLimitStorage } from './rate-limit.storage.js';

const MINUTE_MS = 60_000;

/**
 * The per-account limit of requests whose account is known only to the service (the owner of a
 * mailed token, the signed-in user): the same counters as the guards' throttlers (Redis when
 * configured, in process while it fails), RATE_LIMIT_ACCOUNT_PER_MINUTE per account and action.
 * Past it, `account_rate_limited` (429) for a minute.
 */
@Injectable()
export class AccountQuota {
  private readonly storage: RateLimitStorage;
  private readonly limit: number;

  constructor(store: KeyValueStore, @InjectConfig() config: Config, clock: Clock) {
    this.storage = new RateLimitStorage(store, () => clock.now().getTime());
    this.limit = config.rateLimit.accountPerMinute;
  }

  /** Counts one `action` on `accountId`; throws account_rate_limited once over the limit. */
  async take(action: string, accountId: string): Promise<void> {
    const account = createHash('sha256').update(accountId).digest('hex');
    const record = await this.storage.increment(
      `account-${action}:${account}`,
      MINUTE_MS,
      this.limit,
      MINUTE_MS,
      action,
    );
    if (record.isBlocked) {
      throw new DomainError(
        'account_rate_limited',
        `Too many requests for this account. Try again in ${record.timeToBlockExpire} seconds.`,
      );
    }
  }
}
