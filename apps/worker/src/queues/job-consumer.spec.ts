import { beforeEach, describe, expect, it } from '@jest/globals';
import { loadConfig } from '@libs/config';
import { MetricsRegistry } from '@libs/observability';
import { asReal, type Public } from '@libs/testing/fakes';
import type { BullConnection } from './bull-connection.js';
import type { DeadLettersRepository } from './dead-letters.repository.js';
import { ConsumerRunner, PoisonJobError } from './job-consumer.js';
import { JobMetrics } from './job-metrics.js';
import { QUEUES } from './queue-names.js';

type DeadLetter = Parameters<DeadLettersRepository['record']>[0];

describe('ConsumerRunner: a failed job', () => {
  let letters: DeadLetter[];
  let failRecording: boolean;
  let registry: MetricsRegistry;
  let runner: ConsumerRunner;

  beforeEach(() => {
    letters = [];
    failRecording = false;
    registry = new MetricsRegistry();
    const deadLetters: Public<DeadLettersRepository> = {
      record: (letter) => {
        if (failRecording) return Promise.reject(new Error('database down'));
        letters.push(letter);
        return Promise.resolve();
      },
    };
    runner = new ConsumerRunner(
      {} as BullConnection,
      asReal<DeadLettersRepository>(deadLetters),
      new JobMetrics(registry),
      loadConfig({ NODE_ENV: 'test' }, { signingKeys: false }),
    );
  });

  const job = (attemptsMade: number, attempts = 3) => ({
    id: 'job-1',
    name: 'order.placed',
    data: { orderId: 'o-1' },
    attemptsMade,
    opts: { attempts },
  });

  const outcomes = async (): Promise<Record<string, number>> => {
    const metric = await registry.registry.getSingleMetric('worker_jobs_total')?.get();
    return Object.fromEntries(
      (metric?.values ?? []).map((value) => [String(value.labels.outcome), value.value]),
    );
  };

  it('is counted as retried while attempts are left, and leaves no dead letter', async () => {
    await runner.failed(QUEUES.notifications, job(1), new Error('smtp timeout'));
    expect(letters).toEqual([]);
    expect(await outcomes()).toEqual({ retried: 1 });
  });

  it('becomes a dead letter, counted, when its last attempt fails', async () => {
    await runner.failed(QUEUES.notifications, job(3), new Error('smtp timeout'));
    expect(letters).toEqual([
      {
        queue: QUEUES.notifications,
        jobId: 'job-1',
        name: 'order.placed',
        data: { orderId: 'o-1' },
        error: 'smtp timeout',
        attempts: 3,
      },
    ]);
    expect(await outcomes()).toEqual({ dead_lettered: 1 });
  });

  it('goes straight to the dead letters when it is poison, attempts left or not', async () => {
    await runner.failed(QUEUES.notifications, job(1), new PoisonJobError('no such order'));
    expect(letters.map((letter) => letter.error)).toEqual(['no such order']);
    expect(await outcomes()).toEqual({ dead_lettered: 1 });
  });

  it('does not throw when its dead letter cannot be written', async () => {
    failRecording = true;
    await expect(
      runner.failed(QUEUES.notifications, job(3), new Error('smtp timeout')),
    ).resolves.toBeUndefined();
    expect(await outcomes()).toEqual({ dead_lettered: 1 });
  });

  it('without a job (BullMQ lost it) changes nothing', async () => {
    await runner.failed(QUEUES.notifications, undefined, new Error('gone'));
    expect({ letters, outcomes: await outcomes() }).toEqual({ letters: [], outcomes: {} });
  });
});
