import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { type Config, InjectConfig } from '@libs/config';
import { type JobsOptions, Queue } from 'bullmq';
import { Redis } from 'ioredis';
import type { QueueName } from './queue-names.js';

/**
 * The Redis connection of BullMQ and its queues. BullMQ blocks on Redis in its workers, so this
 * connection retries for as long as it takes (`maxRetriesPerRequest: null`), unlike the API's
 * fail-fast cache connection.
 */
@Injectable()
export class BullConnection implements OnApplicationShutdown {
  readonly redis: Redis;
  /** Every BullMQ key starts with it: `<REDIS_KEY_PREFIX>bull:<queue>:…`. */
  readonly prefix: string;
  readonly defaultJobOptions: JobsOptions;
  private readonly queues = new Map<QueueName, Queue>();

  constructor(@InjectConfig() config: Config) {
    if (!config.redis.url) throw new Error('REDIS_URL is not set (the worker needs Redis)');
    this.redis = new Redis(config.redis.url, { maxRetriesPerRequest: null, lazyConnect: true });
    this.prefix = `${config.redis.keyPrefix}bull`;
    this.defaultJobOptions = {
      attempts: config.worker.jobAttempts,
      backoff: { type: 'exponential', delay: config.worker.jobBackoffMs },
      // Kept a day, so a republished event (same job id) is recognised and dropped.
      removeOnComplete: { age: 24 * 60 * 60, count: 100_000 },
      // Failed jobs are dead letters: kept (and copied to PostgreSQL) for inspection.
      removeOnFail: false,
    };
  }

  queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, {
        connection: this.redis,
        prefix: this.prefix,
        defaultJobOptions: this.defaultJobOptions,
      });
      this.queues.set(name, queue);
    }
    return queue;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
    this.redis.disconnect();
  }
}
