import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PrismaService } from '@libs/database';
import { randomUUID } from 'node:crypto';
import { AuditRepository } from '../src/audit/audit.repository.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const DAY_MS = 24 * 3_600_000;

/** audit_events in PostgreSQL: append-only whatever the client, and its keyset listing. */
describe('audit_events', () => {
  let t: TestApp;
  let prisma: PrismaService;
  let repository: AuditRepository;

  beforeAll(async () => {
    t = await startTestApp();
    prisma = t.app.get(PrismaService);
    repository = t.app.get(AuditRepository);
  });

  afterAll(async () => {
    await t.close();
  });

  /** A row of its own (a target id no other test uses), `daysAgo` old. */
  const insert = async (targetId: string, daysAgo = 0): Promise<string> => {
    const row = await prisma.auditEvent.create({
      data: {
        occurredAt: new Date(Date.now() - daysAgo * DAY_MS),
        actorType: 'system',
        action: 'product.update',
        targetType: 'product',
        targetId,
        outcome: 'success',
      },
    });
    return row.id;
  };

  describe('append-only', () => {
    it('refuses UPDATE, also of old rows and through raw SQL', async () => {
      const target = randomUUID();
      const id = await insert(target, 400);
      await expect(
        prisma.auditEvent.update({ where: { id }, data: { outcome: 'failure' } }),
      ).rejects.toThrow(/append-only/);
      await expect(
        prisma.$executeRaw`UPDATE "audit_events" SET "actor_id" = NULL WHERE "id" = ${id}::uuid`,
      ).rejects.toThrow(/append-only: UPDATE refused/);
      expect((await prisma.auditEvent.findUniqueOrThrow({ where: { id } })).outcome).toBe(
        'success',
      );
    });

    it('refuses DELETE of any row without a declared retention', async () => {
      const target = randomUUID();
      await insert(target);
      await insert(target, 400);
      await expect(prisma.auditEvent.deleteMany({ where: { targetId: target } })).rejects.toThrow(
        /append-only/,
      );
      await expect(
        prisma.$executeRaw`DELETE FROM "audit_events" WHERE "target_id" = ${target}`,
      ).rejects.toThrow(/append-only: DELETE refused/);
      expect(await prisma.auditEvent.count({ where: { targetId: target } })).toBe(2);
    });

    it('refuses TRUNCATE', async () => {
      await expect(prisma.$executeRawUnsafe('TRUNCATE "audit_events"')).rejects.toThrow(
        /append-only: TRUNCATE refused/,
      );
    });

    it('deletes only rows past a retention of at least 30 days that the transaction declares', async () => {
      const target = randomUUID();
      await insert(target, 5);
      const old = await insert(target, 40);
      const purge = (days: number, olderThanDays: number): Promise<number> =>
        prisma.$transaction(async (tx) => {
          await tx.$executeRaw`SELECT set_config('audit.retention_days', ${String(days)}, true)`;
          return tx.$executeRaw`DELETE FROM "audit_events" WHERE "target_id" = ${target}
            AND "occurred_at" < now() - make_interval(days => ${olderThanDays}::integer)`;
        });
      // Declaring 35 days but deleting a 5-day-old row: refused, nothing deleted.
      await expect(purge(35, 1)).rejects.toThrow(/append-only/);
      // Declaring less than the floor of 30 days: refused.
      await expect(purge(10, 10)).rejects.toThrow(/append-only/);
      expect(await prisma.auditEvent.count({ where: { targetId: target } })).toBe(2);
      await expect(purge(35, 35)).resolves.toBe(1);
      const left = await prisma.auditEvent.findMany({ where: { targetId: target } });
      expect(left.map((row) => row.id)).not.toContain(old);
      expect(left).toHaveLength(1);
    });

    it('keeps the declared retention to its own transaction', async () => {
      const target = randomUUID();
      await insert(target, 40);
      await prisma.$transaction(
        (tx) => tx.$executeRaw`SELECT set_config('audit.retention_days', '35', true)`,
      );
      await expect(
        prisma.$executeRaw`DELETE FROM "audit_events" WHERE "target_id" = ${target}`,
      ).rejects.toThrow(/append-only/);
    });
  });

  describe('constraints', () => {
    it.each([
      ['an unknown actor type', { actorType: 'robot' }],
      ['an unknown outcome', { outcome: 'maybe' }],
      ['details that are no object', { details: [1, 2] }],
      ['details over 2 KiB', { details: { note: 'x'.repeat(2100) } }],
    ])('refuse %s', async (_case, override) => {
      await expect(
        prisma.auditEvent.create({
          data: { actorType: 'system', action: 'product.create', outcome: 'success', ...override },
        }),
      ).rejects.toThrow(/check/i);
    });
  });

  describe('keyset listing', () => {
    it('pages newest first through equal timestamps, each row once', async () => {
      const target = randomUUID();
      const at = new Date('2026-05-01T10:00:00.000Z');
      // Three rows share a millisecond: the id breaks the tie.
      for (const offset of [0, 1000, 1000, 1000, 2000]) {
        await prisma.auditEvent.create({
          data: {
            occurredAt: new Date(at.getTime() + offset),
            actorType: 'system',
            action: 'product.update',
            targetType: 'product',
            targetId: target,
            outcome: 'success',
          },
        });
      }
      const expected = await prisma.auditEvent.findMany({
        where: { targetId: target },
        orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }],
      });
      const seen: string[] = [];
      let before: { occurredAt: Date; id: string } | undefined;
      for (;;) {
        const page = await repository.list({
          limit: 2,
          before,
          filter: { targetType: 'product', targetId: target },
        });
        seen.push(...page.map((row) => row.id));
        const last = page.at(-1);
        if (page.length < 2 || !last) break;
        before = { occurredAt: last.occurredAt, id: last.id };
      }
      expect(seen).toEqual(expected.map((row) => row.id));
    });

    it('filters by time range: from inclusive, to exclusive', async () => {
      const target = randomUUID();
      const at = new Date('2026-06-01T00:00:00.000Z');
      for (const hours of [0, 1, 2]) {
        await prisma.auditEvent.create({
          data: {
            occurredAt: new Date(at.getTime() + hours * 3_600_000),
            actorType: 'system',
            action: 'product.update',
            targetId: target,
            outcome: 'success',
          },
        });
      }
      const rows = await repository.list({
        limit: 10,
        filter: { targetId: target, from: at, to: new Date(at.getTime() + 2 * 3_600_000) },
      });
      expect(rows.map((row) => row.occurredAt.toISOString())).toEqual([
        '2026-06-01T01:00:00.000Z',
        '2026-06-01T00:00:00.000Z',
      ]);
    });
  });
});
