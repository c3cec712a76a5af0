import { Injectable, Logger } from '@nestjs/common';
import { type Config, InjectConfig } from '@libs/config';
import { type Job, UnrecoverableError, Worker } from 'bullmq';
import { BullConnection } from './bull-connection.js';
import { DeadLettersRepository } from './dead-letters.repository.js';
import { JobMetrics } from './job-metrics.js';
import type { QueueName } from './queue-names.js';

/** Processes the jobs of one queue. Throw to retry (with backoff); UnrecoverableError to give up. */
export abstract class JobConsumer {
  abstract readonly queue: QueueName;
  /** `token` is the job's lock token (needed to move the job, e.g. to delay it). */
  abstract process(job: Job, token?: string): Promise<unknown>;
  /** Called once before the consumer starts taking jobs (e.g. to schedule repeatable jobs). */
  prepare(): Promise<void> {
    return Promise.resolve();
  }
}

/** Payload problems no retry can fix: the job goes straight to the dead letters. */
export class PoisonJobError extends UnrecoverableError {
  override readonly name = 'PoisonJobError';
}

/**
 * Runs a BullMQ Worker per consumer. `stop` lets the workers finish the jobs in hand and take no
 * more; a job interrupted by a crash is retried by BullMQ once its lock expires (at least once).
 * Jobs that fail for good are recorded as dead letters.
 */
@Injectable()
export class ConsumerRunner {
  private readonly logger = new Logger(ConsumerRunner.name);
  private readonly workers: Worker[] = [];

  constructor(
    private readonly connection: BullConnection,
    private readonly deadLetters: DeadLettersRepository,
    private readonly metrics: JobMetrics,
    @InjectConfig() private readonly config: Config,
  ) {}

  async start(consumers: readonly JobConsumer[]): Promise<void> {
    for (const consumer of consumers) {
      await consumer.prepare();
      const worker = new Worker(consumer.queue, (job, token) => consumer.process(job, token), {
        connection: this.connection.redis,
        prefix: this.connection.prefix,
        concurrency: this.config.worker.concurrency,
        // A crashed worker's jobs are noticed (stalled) and retried after one lock duration.
        lockDuration: this.config.worker.jobLockDurationMs,
        stalledInterval: this.config.worker.jobLockDurationMs,
      });
      worker.on('completed', (job) =>
        this.metrics.completed(
          consumer.queue,
          job.finishedOn && job.processedOn ? (job.finishedOn - job.processedOn) / 1000 : undefined,
        ),
      );
      worker.on('failed', (job, error) => void this.failed(consumer.queue, job, error));
      worker.on('error', (error) => this.logger.warn(`${consumer.queue}: ${error.message}`));
      this.workers.push(worker);
    }
  }

  async stop(): Promise<void> {
    await Promise.all(this.workers.splice(0).map((worker) => worker.close()));
  }

  /**
   * What a failed attempt leaves behind: a retry is counted; a final failure (attempts used up,
   * or an UnrecoverableError such as PoisonJobError) is counted and recorded as a dead letter.
   * A dead letter that cannot be written is logged, never thrown (BullMQ's event would lose it).
   */
  async failed(
    queue: QueueName,
    job: Pick<Job, 'id' | 'name' | 'data' | 'attemptsMade' | 'opts'> | undefined,
    error: Error,
  ): Promise<void> {
    if (!job) return;
    const final =
      error instanceof UnrecoverableError || job.attemptsMade >= (job.opts.attempts ?? 1);
    this.metrics.failed(queue, final);
    this.logger.warn(
      `${queue} job ${job.id ?? '?'} failed (attempt ${job.attemptsMade}${final ? ', dead-lettered' : ''}): ${error.message}`,
    );
    if (!final) return;
    await this.deadLetters
      .record({
        queue,
        jobId: job.id ?? 'unknown',
        name: job.name,
        data: job.data,
        error: error.message,
        attempts: job.attemptsMade,
      })
      .catch((recordError: unknown) =>
        this.logger.error(
          `dead letter of ${queue} job ${job.id ?? '?'} not recorded: ${String(recordError)}`,
        ),
      );
  }
}
