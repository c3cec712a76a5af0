import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PrismaService } from '@libs/database';
import { randomUUID } from 'node:crypto';
import { MaintenanceConsumer } from '../src/maintenance/maintenance.consumer.js';
import { MaintenanceRepository } from '../src/maintenance/maintenance.repository.js';
import { Fixtures } from './support/fixtures.js';
import { startTestWorker, type TestWorker } from './support/test-worker.js';

const MINUTE = 60_000;

/** The scheduled jobs, run with an injected clock. */
describe('maintenance jobs', () => {
  let worker: TestWorker;
  let fixtures: Fixtures;
  let prisma: PrismaService;
  let maintenance: MaintenanceConsumer;

  beforeAll(async () => {
    worker = await startTestWorker(
      {
        PENDING_ORDER_TIMEOUT_MINUTES: '30',
        OUTBOX_RETENTION_HOURS: '24',
        AUDIT_RETENTION_DAYS: '60',
      },
      { autoStart: false },
    );
    fixtures = new Fixtures(worker.app);
    prisma = worker.app.get(PrismaService);
    maintenance = worker.app.get(MaintenanceConsumer);
  });

  afterAll(async () => {
    await worker.stop();
  });

  it('cancels orders left pending past the deadline and returns their stock, once', async () => {
    const product = await fixtures.product(10);
    const user = await fixtures.user();
    const stale = await fixtures.placeOrder(user, product, 3);
    const paid = await fixtures.placeOrder(user, product, 2);
    await prisma.order.update({ where: { id: paid.id }, data: { status: 'paid' } });
    const fresh = await fixtures.placeOrder(user, product, 1);
    expect(await fixtures.stock(product)).toBe(4);

    // The stale and paid orders were placed long ago; "now" is 31 minutes after that, so only
    // they are past the deadline (other tests' orders in this database are far younger).
    const placedAt = new Date('2015-06-01T12:00:00Z');
    await prisma.order.updateMany({
      where: { id: { in: [stale.id, paid.id] } },
      data: { createdAt: placedAt },
    });
    const now = new Date(placedAt.getTime() + 31 * MINUTE);

    expect(await maintenance.run('release-stale-orders', now)).toBe(1);
    const statuses = await prisma.order.findMany({
      where: { id: { in: [stale.id, paid.id, fresh.id] } },
      select: { id: true, status: true },
    });
    expect(Object.fromEntries(statuses.map((o) => [o.id, o.status]))).toEqual({
      [stale.id]: 'cancelled',
      [paid.id]: 'paid',
      [fresh.id]: 'pending',
    });
    expect(await fixtures.stock(product)).toBe(7);
    const events = await prisma.outboxEvent.findMany({
      where: { aggregateId: stale.id },
      select: { type: true },
    });
    expect(events.map((event) => event.type)).toEqual(['order.placed', 'order.cancelled']);

    expect(await maintenance.run('release-stale-orders', now)).toBe(0);
    expect(await fixtures.stock(product)).toBe(7);
  });

  it('purges published events past retention, and nothing unpublished', async () => {
    const now = new Date();
    const old = new Date(now.getTime() - 25 * 60 * MINUTE);
    const aggregateId = randomUUID();
    const event = (publishedAt: Date | null) => ({
      aggregateType: 'order',
      aggregateId,
      type: 'order.paid',
      payload: {},
      publishedAt,
    });
    await prisma.outboxEvent.createMany({
      data: [event(old), event(new Date(now.getTime() - MINUTE)), event(null)],
    });
    await maintenance.run('purge-published-events', now);
    const left = await prisma.outboxEvent.findMany({ where: { aggregateId } });
    expect(left).toHaveLength(2);
    expect(left.some((row) => row.publishedAt === null)).toBe(true);
  });

  it('purges expired idempotency keys', async () => {
    const user = await fixtures.user();
    const now = new Date();
    const key = (name: string, expiresAt: Date) => ({
      userId: user,
      key: name,
      requestHash: 'a'.repeat(64),
      expiresAt,
    });
    await prisma.idempotencyKey.createMany({
      data: [
        key('expired', new Date(now.getTime() - 1)),
        key('live', new Date(now.getTime() + MINUTE)),
      ],
    });
    await maintenance.run('purge-expired-idempotency-keys', now);
    const left = await prisma.idempotencyKey.findMany({ where: { userId: user } });
    expect(left.map((row) => row.key)).toEqual(['live']);
  });

  it('purges account tokens expired over a day ago', async () => {
    const user = await fixtures.user();
    const now = new Date();
    const token = (hash: string, expiresAt: Date) => ({
      userId: user,
      purpose: 'password_reset',
      tokenHash: hash.repeat(64),
      email: 'x@example.com',
      expiresAt,
    });
    await prisma.accountToken.createMany({
      data: [
        token('a', new Date(now.getTime() - 25 * 60 * MINUTE)),
        token('b', new Date(now.getTime() - 23 * 60 * MINUTE)),
        token('c', new Date(now.getTime() + MINUTE)),
      ],
    });
    await maintenance.run('purge-expired-account-tokens', now);
    const left = await prisma.accountToken.findMany({ where: { userId: user } });
    expect(left.map((row) => row.tokenHash[0]).sort()).toEqual(['b', 'c']);
  });

  it('deletes audit events past the retention, and keeps the younger ones', async () => {
    const DAY = 24 * 60 * MINUTE;
    const action = `test.retention.${randomUUID()}`;
    const at = (daysAgo: number): Date => new Date(Date.now() - daysAgo * DAY);
    await prisma.auditEvent.createMany({
      data: [61, 59, 1].map((daysAgo) => ({
        occurredAt: at(daysAgo),
        actorType: 'system',
        action,
        outcome: 'success',
        details: { daysAgo },
      })),
    });

    expect(await maintenance.run('purge-old-audit-events', new Date())).toBeGreaterThanOrEqual(1);
    const left = await prisma.auditEvent.findMany({ where: { action }, select: { details: true } });
    expect(left.map((row) => (row.details as { daysAgo: number }).daysAgo).sort()).toEqual([1, 59]);
  });

  it('cannot delete audit events younger than the retention, even by asking for less', async () => {
    const action = `test.retention.${randomUUID()}`;
    await prisma.auditEvent.create({
      data: {
        occurredAt: new Date(Date.now() - 40 * 24 * 60 * MINUTE),
        actorType: 'system',
        action,
        outcome: 'success',
      },
    });
    // 29 days is below the database's floor of 30: the trigger refuses the delete.
    await expect(worker.app.get(MaintenanceRepository).purgeAuditEvents(29, 10)).rejects.toThrow(
      /append-only/,
    );
    expect(await prisma.auditEvent.count({ where: { action } })).toBe(1);
  });
});
