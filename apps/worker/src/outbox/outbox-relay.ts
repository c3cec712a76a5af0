import { Injectable, Logger } from '@nestjs/common';
import { type Config, InjectConfig } from '@libs/config';
import { untraced } from '@libs/observability';
import { BullConnection } from '../queues/bull-connection.js';
import { type QueueName, routesOf } from '../queues/queue-names.js';
import { JobMetrics } from '../queues/job-metrics.js';
import { type OutboxRow, OutboxRepository } from './outbox.repository.js';

/** The job of one event (of an order or an account) in one queue; its consumer checks the payload. */
interface EventJob {
  readonly id: string;
  readonly type: string;
  readonly aggregateId: string;
  readonly payload: unknown;
  readonly createdAt: string;
  /** W3C trace context of the request that caused the event. */
  readonly headers: Readonly<Record<string, string>>;
}

function toJob(row: OutboxRow): EventJob {
  return {
    id: row.id,
    type: row.type,
    aggregateId: row.aggregateId,
    payload: row.payload,
    createdAt: row.createdAt.toISOString(),
    headers: (row.headers ?? {}) as Record<string, string>,
  };
}

/**
 * Moves committed outbox events to their BullMQ queues: claim a batch, add one job per event
 * and queue (the event id is the job id, so a batch published twice — the relay died before
 * marking it — adds nothing new), mark the batch published. At least once; consumers dedupe.
 */
@Injectable()
export class OutboxRelay {
  private readonly logger = new Logger(OutboxRelay.name);
  private running = false;
  private wake: (() => void) | undefined;
  private loop: Promise<void> | undefined;

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly bull: BullConnection,
    private readonly metrics: JobMetrics,
    @InjectConfig() private readonly config: Config,
  ) {}

  /** Publishes one batch; returns how many events it published. */
  async relayOnce(): Promise<number> {
    const published = await this.outbox.publishBatch(
      this.config.worker.outboxBatchSize,
      async (rows) => {
        const jobs = rows.map(toJob);
        const byQueue = new Map<QueueName, EventJob[]>();
        for (const job of jobs)
          for (const queue of routesOf(job.type))
            byQueue.set(queue, [...(byQueue.get(queue) ?? []), job]);
        for (const [queue, queued] of byQueue) {
          await this.bull
            .queue(queue)
            .addBulk(queued.map((job) => ({ name: job.type, data: job, opts: { jobId: job.id } })));
        }
      },
    );
    this.metrics.eventsPublished(published);
    return published;
  }

  /** Relays until `stop`: back to back while batches are full, else every poll interval. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Finishes the batch in hand, then returns. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  private isRunning(): boolean {
    return this.running;
  }

  private async run(): Promise<void> {
    while (this.running) {
      let published = 0;
      try {
        // Each event's own trace continues in its consumer (its context rode in the outbox).
        published = await untraced(() => this.relayOnce());
      } catch (error) {
        this.logger.warn(`outbox relay failed, retrying: ${String(error)}`);
      }
      if (published < this.config.worker.outboxBatchSize && this.isRunning()) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.config.worker.outboxPollIntervalMs);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    }
  }
}
