import { beforeEach, describe, expect, it } from '@jest/globals';
import { loadConfig } from '@libs/config';
import { MetricsRegistry } from '@libs/observability';
import { asReal } from '@libs/testing/fakes';
import { randomUUID } from 'node:crypto';
import type { BullConnection } from '../queues/bull-connection.js';
import { JobMetrics } from '../queues/job-metrics.js';
import { OutboxRelay } from './outbox-relay.js';
import type { OutboxRepository, OutboxRow } from './outbox.repository.js';

interface Added {
  readonly queue: string;
  readonly name: string;
  readonly jobId: string | undefined;
  readonly data: { type: string; headers: Record<string, string> };
}

/** The outbox as the database would hand it out: oldest first, marked only when work succeeds. */
class FakeOutbox {
  readonly rows: (OutboxRow & { published: boolean })[] = [];

  add(type: string, headers: Record<string, string> | null = null): string {
    const id = randomUUID();
    this.rows.push({
      id,
      aggregateId: randomUUID(),
      type,
      payload: { orderId: id },
      headers,
      createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, this.rows.length)),
      published: false,
    });
    return id;
  }

  async publishBatch(
    limit: number,
    publish: (events: readonly OutboxRow[]) => Promise<void>,
  ): Promise<number> {
    const batch = this.rows.filter((row) => !row.published).slice(0, limit);
    if (batch.length === 0) return 0;
    await publish(batch);
    for (const row of batch) row.published = true;
    return batch.length;
  }
}

describe('OutboxRelay.relayOnce', () => {
  const config = loadConfig({ NODE_ENV: 'test', OUTBOX_BATCH_SIZE: '3' }, { signingKeys: false });
  let outbox: FakeOutbox;
  let added: Added[];
  let failQueue: boolean;
  let relay: OutboxRelay;

  beforeEach(() => {
    outbox = new FakeOutbox();
    added = [];
    failQueue = false;
    const bull = {
      queue: (queue: string) => ({
        addBulk: (jobs: { name: string; data: Added['data']; opts: { jobId?: string } }[]) => {
          if (failQueue) return Promise.reject(new Error('redis down'));
          for (const job of jobs)
            added.push({ queue, name: job.name, jobId: job.opts.jobId, data: job.data });
          return Promise.resolve([]);
        },
      }),
    };
    relay = new OutboxRelay(
      outbox as unknown as OutboxRepository,
      asReal<BullConnection>(bull as never),
      new JobMetrics(new MetricsRegistry()),
      config,
    );
  });

  it('publishes a batch at most OUTBOX_BATCH_SIZE long, oldest first, one job per event', async () => {
    const ids = ['order.placed', 'order.shipped', 'order.cancelled', 'order.placed'].map((type) =>
      outbox.add(type),
    );
    await expect(relay.relayOnce()).resolves.toBe(3);
    expect(added.map((job) => job.jobId)).toEqual(ids.slice(0, 3));
    await expect(relay.relayOnce()).resolves.toBe(1);
    await expect(relay.relayOnce()).resolves.toBe(0);
  });

  it('uses the event id as the job id, so a batch published twice adds nothing new', async () => {
    const id = outbox.add('order.placed');
    await relay.relayOnce();
    expect(added).toEqual([
      expect.objectContaining({ queue: 'order-notifications', name: 'order.placed', jobId: id }),
    ]);
  });

  it('routes each type to its queues: events nobody consumes are only marked published', async () => {
    outbox.add('order.paid');
    outbox.add('order.delivered');
    outbox.add('something.unknown');
    await expect(relay.relayOnce()).resolves.toBe(3);
    expect(added).toEqual([]);
    expect(outbox.rows.every((row) => row.published)).toBe(true);
  });

  it('carries the trace context of the request into the job', async () => {
    outbox.add('order.placed', {
      traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
    });
    await relay.relayOnce();
    expect(added[0]?.data.headers).toEqual({
      traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
    });
  });

  it('marks nothing when the queue refuses the batch: it is claimed again later', async () => {
    outbox.add('order.placed');
    failQueue = true;
    await expect(relay.relayOnce()).rejects.toThrow('redis down');
    expect(outbox.rows[0]?.published).toBe(false);
    failQueue = false;
    await expect(relay.relayOnce()).resolves.toBe(1);
  });
});

describe('OutboxRelay loop', () => {
  // A poll interval no test waits out: the loop must be woken, never timed.
  const config = loadConfig(
    { NODE_ENV: 'test', OUTBOX_BATCH_SIZE: '3', OUTBOX_POLL_INTERVAL_MS: '60000' },
    { signingKeys: false },
  );

  /** Counts the batches asked for and says when the first short one (not full) came back. */
  class CountingOutbox extends FakeOutbox {
    batches = 0;
    private resolveShort: () => void = () => undefined;
    readonly short = new Promise<void>((resolve) => {
      this.resolveShort = resolve;
    });

    override async publishBatch(
      limit: number,
      publish: (events: readonly OutboxRow[]) => Promise<void>,
    ): Promise<number> {
      this.batches += 1;
      const published = await super.publishBatch(limit, publish);
      if (published < limit) this.resolveShort();
      return published;
    }
  }

  const relayFor = (outbox: CountingOutbox): OutboxRelay =>
    new OutboxRelay(
      outbox as unknown as OutboxRepository,
      asReal<BullConnection>({ queue: () => ({ addBulk: () => Promise.resolve([]) }) } as never),
      new JobMetrics(new MetricsRegistry()),
      config,
    );

  it('relays full batches back to back, waits after a short one, and stop wakes it at once', async () => {
    const outbox = new CountingOutbox();
    for (let i = 0; i < 7; i += 1) outbox.add('order.placed');
    const relay = relayFor(outbox);
    relay.start();
    await outbox.short;
    // Let the loop reach its wait (no time passes): stop must wake it, or this test times out.
    await new Promise<void>((resolve) => setImmediate(resolve));
    await relay.stop();
    expect(outbox.batches).toBe(3);
    expect(outbox.rows.every((row) => row.published)).toBe(true);
  });

  it('runs one loop however often it is started', async () => {
    const outbox = new CountingOutbox();
    const relay = relayFor(outbox);
    relay.start();
    relay.start();
    await outbox.short;
    await relay.stop();
    expect(outbox.batches).toBe(1);
  });
});
