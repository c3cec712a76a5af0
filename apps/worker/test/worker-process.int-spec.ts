import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PrismaService } from '@libs/database';
import { eventually, redisKeyPrefix, requireHarnessEnv } from '@libs/testing';
import { randomUUID } from 'node:crypto';
import { Fixtures } from './support/fixtures.js';
import { startTestWorker, type TestWorker, RecordingMailSender } from './support/test-worker.js';
import { startWorkerProcess } from './support/worker-process.js';

/** The worker as a process: killed without warning, or asked to stop. */
describe('worker process', () => {
  let fixturesApp: TestWorker;
  let fixtures: Fixtures;
  let prisma: PrismaService;

  beforeAll(async () => {
    // Only for writing rows: it relays and consumes nothing.
    fixturesApp = await startTestWorker({}, { autoStart: false });
    fixtures = new Fixtures(fixturesApp.app);
    prisma = fixturesApp.app.get(PrismaService);
  });

  afterAll(async () => {
    await fixturesApp.stop();
  });

  const processEnv = (prefix: string): Record<string, string> => ({
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    DATABASE_URL: fixturesApp.config.database.url ?? '',
    REDIS_URL: fixturesApp.config.redis.url ?? '',
    REDIS_KEY_PREFIX: prefix,
    OUTBOX_BATCH_SIZE: '5',
    OUTBOX_POLL_INTERVAL_MS: '20',
    WORKER_CONCURRENCY: '2',
    JOB_BACKOFF_MS: '10',
    JOB_LOCK_DURATION_MS: '1000',
  });

  it('notifies every order exactly once although it was killed (SIGKILL) mid-batch', async () => {
    const prefix = redisKeyPrefix(requireHarnessEnv().runId, randomUUID());
    const product = await fixtures.product();
    const user = await fixtures.user();
    const orders = [];
    for (let i = 0; i < 40; i++) orders.push(await fixtures.placeOrder(user, product));
    const ids = orders.map((order) => order.id);

    const first = await startWorkerProcess(processEnv(prefix));
    await eventually('the first notifications', async () => {
      const count = await prisma.notification.count({ where: { orderId: { in: ids } } });
      return count > 0 && count < ids.length;
    });
    expect(await first.kill('SIGKILL')).toBeNull();

    const second = await startWorkerProcess(processEnv(prefix));
    try {
      const rows = await eventually(
        'every order notified',
        async () => {
          const found = await fixtures.notifications(ids);
          return found.length === ids.length && found.every((row) => row.sentAt) && found;
        },
        { timeoutMs: 30_000 },
      );
      expect(new Set(rows.map((row) => row.orderId)).size).toBe(ids.length);
      const metrics = await (await fetch(second.metricsUrl)).text();
      expect(metrics).toMatch(/^outbox_events_published_total \d+/m);
      expect(metrics).toMatch(
        /^worker_jobs_total\{queue="order-notifications",outcome="completed"\} \d+/m,
      );
      expect(metrics).toMatch(/^outbox_lag_seconds \d/m);
      const unpublished = await prisma.outboxEvent.count({
        where: { aggregateId: { in: ids }, publishedAt: null },
      });
      expect(unpublished).toBe(0);
    } finally {
      expect(await second.kill('SIGTERM')).toBe(0);
    }
  }, 60_000);

  it('answers its probes, and on SIGTERM turns unready and exits 0', async () => {
    const worker = await startWorkerProcess(
      processEnv(redisKeyPrefix(requireHarnessEnv().runId, randomUUID())),
    );
    expect((await fetch(`${worker.healthUrl}/live`)).status).toBe(200);
    const ready = await fetch(`${worker.healthUrl}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ok', checks: { database: 'up', redis: 'up' } });
    expect(await worker.kill('SIGTERM')).toBe(0);
    expect(worker.output()).toMatch(/shutdown complete/);
  }, 30_000);
});

describe('worker shutdown', () => {
  it('finishes the job in hand before it closes', async () => {
    const log: string[] = [];
    let entered!: () => void;
    const sending = new Promise<void>((resolve) => (entered = resolve));
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    class HeldMailSender extends RecordingMailSender {
      override async send(...args: Parameters<RecordingMailSender['send']>): Promise<void> {
        entered();
        await gate;
        await super.send(...args);
        log.push('sent');
      }
    }
    const worker = await startTestWorker(
      { WORKER_CONCURRENCY: '1' },
      { mailSender: new HeldMailSender() },
    );
    const fixtures = new Fixtures(worker.app);
    const order = await fixtures.placeOrder(await fixtures.user(), await fixtures.product());
    await sending;

    const stopping = worker.stop().then(() => log.push('stopped'));
    release();
    await stopping;
    // The job in hand finished (and was recorded) before the worker closed its connections.
    expect(log).toEqual(['sent', 'stopped']);
    const check = await startTestWorker({}, { autoStart: false });
    try {
      const [notification] = await new Fixtures(check.app).notifications([order.id]);
      expect(notification?.sentAt).toBeInstanceOf(Date);
    } finally {
      await check.stop();
    }
  });
});
