import { Injectable } from '@nestjs/common';
import { MetricsRegistry } from '@libs/observability';
import { Counter, Histogram } from 'prom-client';

/** What the worker did: events relayed, and jobs by queue and outcome. */
@Injectable()
export class JobMetrics {
  private readonly published: Counter;
  private readonly jobs: Counter<'queue' | 'outcome'>;
  private readonly duration: Histogram<'queue'>;

  constructor({ registry }: MetricsRegistry) {
    this.published = new Counter({
      name: 'outbox_events_published_total',
      help: 'Outbox events handed to their queues by the relay.',
      registers: [registry],
    });
    this.jobs = new Counter({
      name: 'worker_jobs_total',
      help: 'Jobs finished, by queue and outcome (completed, retried, dead_lettered).',
      labelNames: ['queue', 'outcome'],
      registers: [registry],
    });
    this.duration = new Histogram({
      name: 'worker_job_duration_seconds',
      help: 'Time from a job being taken to its completion, by queue.',
      labelNames: ['queue'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    });
  }

  eventsPublished(count: number): void {
    this.published.inc(count);
  }

  completed(queue: string, seconds: number | undefined): void {
    this.jobs.inc({ queue, outcome: 'completed' });
    if (seconds !== undefined) this.duration.observe({ queue }, seconds);
  }

  failed(queue: string, final: boolean): void {
    this.jobs.inc({ queue, outcome: final ? 'dead_lettered' : 'retried' });
  }
}
