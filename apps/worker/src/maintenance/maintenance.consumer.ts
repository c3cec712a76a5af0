import { Injectable } from '@nestjs/common';
import { type Config, InjectConfig } from '@libs/config';
import type { Job } from 'bullmq';
import { BullConnection } from '../queues/bull-connection.js';
import { JobConsumer, PoisonJobError } from '../queues/job-consumer.js';
import { QUEUES } from '../queues/queue-names.js';
import { MaintenanceRepository } from './maintenance.repository.js';
import { StaleOrders } from './stale-orders.js';

const PURGE_BATCH = 1_000;

/** The repeatable jobs; BullMQ's job schedulers run each once per interval across all replicas. */
const MAINTENANCE_JOBS = [
  'release-stale-orders',
  'purge-published-events',
  'purge-expired-idempotency-keys',
  'purge-old-audit-events',
  'purge-expired-account-tokens',
] as const;
type MaintenanceJob = (typeof MAINTENANCE_JOBS)[number];

@Injectable()
export class MaintenanceConsumer extends JobConsumer {
  readonly queue = QUEUES.maintenance;

  constructor(
    private readonly bull: BullConnection,
    private readonly staleOrders: StaleOrders,
    private readonly maintenance: MaintenanceRepository,
    @InjectConfig() private readonly config: Config,
  ) {
    super();
  }

  override async prepare(): Promise<void> {
    const queue = this.bull.queue(this.queue);
    for (const name of MAINTENANCE_JOBS)
      await queue.upsertJobScheduler(
        name,
        { every: this.config.worker.maintenanceIntervalMs },
        { name },
      );
  }

  process(job: Job): Promise<number> {
    return this.run(job.name as MaintenanceJob, new Date());
  }

  /** Runs one maintenance job now; returns how many rows it changed. */
  async run(name: MaintenanceJob, now: Date): Promise<number> {
    switch (name) {
      case 'release-stale-orders':
        return this.staleOrders.release(now);
      case 'purge-published-events':
        return this.purge((limit) =>
          this.maintenance.purgePublishedEvents(
            new Date(now.getTime() - this.config.worker.outboxRetentionMs),
            limit,
          ),
        );
      case 'purge-expired-idempotency-keys':
        return this.purge((limit) => this.maintenance.purgeExpiredIdempotencyKeys(now, limit));
      case 'purge-old-audit-events':
        return this.purge((limit) =>
          this.maintenance.purgeAuditEvents(this.config.worker.auditRetentionDays, limit),
        );
      case 'purge-expired-account-tokens':
        // Kept a day past expiry, so a late click still finds (and refuses) its token.
        return this.purge((limit) =>
          this.maintenance.purgeExpiredAccountTokens(new Date(now.getTime() - 86_400_000), limit),
        );
      default:
        throw new PoisonJobError(`unknown maintenance job ${String(name)}`);
    }
  }

  private async purge(batch: (limit: number) => Promise<number>): Promise<number> {
    let total = 0;
    for (;;) {
      const deleted = await batch(PURGE_BATCH);
      total += deleted;
      if (deleted < PURGE_BATCH) return total;
    }
  }
}
