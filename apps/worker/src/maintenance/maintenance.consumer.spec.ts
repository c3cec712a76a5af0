import { describe, expect, it } from '@jest/globals';
import { loadConfig } from '@libs/config';
import type { BullConnection } from '../queues/bull-connection.js';
import { PoisonJobError } from '../queues/job-consumer.js';
import { MaintenanceConsumer } from './maintenance.consumer.js';
import type { MaintenanceRepository } from './maintenance.repository.js';
import type { StaleOrders } from './stale-orders.js';

const NOW = new Date('2026-03-01T12:00:00Z');
const HOUR_MS = 3_600_000;

function consumer(rowsLeft: { events: number; keys: number; audit?: number; tokens?: number }) {
  const calls: { what: string; before: Date; limit: number }[] = [];
  const take = (
    what: 'events' | 'keys' | 'audit' | 'tokens',
    before: Date,
    limit: number,
  ): Promise<number> => {
    calls.push({ what, before, limit });
    const deleted = Math.min(limit, rowsLeft[what] ?? 0);
    rowsLeft[what] = (rowsLeft[what] ?? 0) - deleted;
    return Promise.resolve(deleted);
  };
  const auditRetentions: number[] = [];
  const maintenance = {
    purgePublishedEvents: (before: Date, limit: number) => take('events', before, limit),
    purgeExpiredIdempotencyKeys: (now: Date, limit: number) => take('keys', now, limit),
    purgeExpiredAccountTokens: (before: Date, limit: number) => take('tokens', before, limit),
    purgeAuditEvents: (retentionDays: number, limit: number) => {
      auditRetentions.push(retentionDays);
      return take('audit', NOW, limit);
    },
  } as unknown as MaintenanceRepository;
  const released: Date[] = [];
  const stale = {
    release: (now: Date) => {
      released.push(now);
      return Promise.resolve(7);
    },
  } as unknown as StaleOrders;
  const config = loadConfig(
    { NODE_ENV: 'test', OUTBOX_RETENTION_HOURS: '48', AUDIT_RETENTION_DAYS: '90' },
    { signingKeys: false },
  );
  return {
    calls,
    auditRetentions,
    released,
    jobs: new MaintenanceConsumer({} as BullConnection, stale, maintenance, config),
  };
}

describe('MaintenanceConsumer.run', () => {
  it('releases stale orders as of the time it is given', async () => {
    const { jobs, released } = consumer({ events: 0, keys: 0 });
    await expect(jobs.run('release-stale-orders', NOW)).resolves.toBe(7);
    expect(released).toEqual([NOW]);
  });

  it('purges published events older than the retention, in batches of 1000 until done', async () => {
    const { jobs, calls } = consumer({ events: 2_500, keys: 0 });
    await expect(jobs.run('purge-published-events', NOW)).resolves.toBe(2_500);
    expect(calls.map((call) => call.limit)).toEqual([1_000, 1_000, 1_000]);
    expect(calls[0]?.before).toEqual(new Date(NOW.getTime() - 48 * HOUR_MS));
  });

  it('stops after one batch when fewer rows than a batch were deleted', async () => {
    const { jobs, calls } = consumer({ events: 0, keys: 3 });
    await expect(jobs.run('purge-expired-idempotency-keys', NOW)).resolves.toBe(3);
    expect(calls).toEqual([{ what: 'keys', before: NOW, limit: 1_000 }]);
  });

  it('purges account tokens a day past their expiry', async () => {
    const { jobs, calls } = consumer({ events: 0, keys: 0, tokens: 2 });
    await expect(jobs.run('purge-expired-account-tokens', NOW)).resolves.toBe(2);
    expect(calls).toEqual([
      { what: 'tokens', before: new Date(NOW.getTime() - 86_400_000), limit: 1_000 },
    ]);
  });

  it('keeps exactly one full batch from looking like the end', async () => {
    const { jobs, calls } = consumer({ events: 1_000, keys: 0 });
    await expect(jobs.run('purge-published-events', NOW)).resolves.toBe(1_000);
    expect(calls).toHaveLength(2);
  });

  it('purges audit events past the configured retention, in batches', async () => {
    const { jobs, calls, auditRetentions } = consumer({ events: 0, keys: 0, audit: 1_500 });
    await expect(jobs.run('purge-old-audit-events', NOW)).resolves.toBe(1_500);
    expect(calls.map((call) => call.limit)).toEqual([1_000, 1_000]);
    expect(auditRetentions).toEqual([90, 90]);
  });

  it('dead-letters a job it does not know (poison)', async () => {
    const { jobs } = consumer({ events: 0, keys: 0 });
    await expect(jobs.run('reticulate-splines' as never, NOW)).rejects.toBeInstanceOf(
      PoisonJobError,
    );
  });
});
