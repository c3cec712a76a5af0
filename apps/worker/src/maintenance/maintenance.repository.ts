import { Injectable } from '@nestjs/common';
import { PrismaService } from '@libs/database';

/** Housekeeping deletes, in bounded batches so no statement holds locks for long. */
@Injectable()
export class MaintenanceRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Ids of pending orders placed before `cutoff`, oldest first. */
  async pendingOrdersBefore(cutoff: Date, limit: number): Promise<string[]> {
    const rows = await this.prisma.order.findMany({
      where: { status: 'pending', createdAt: { lt: cutoff } },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      take: limit,
      select: { id: true },
    });
    return rows.map(({ id }) => id);
  }

  purgePublishedEvents(before: Date, limit: number): Promise<number> {
    return this.prisma.$executeRaw`
      DELETE FROM "outbox_events" WHERE "id" IN (
        SELECT "id" FROM "outbox_events"
        WHERE "published_at" IS NOT NULL AND "published_at" < ${before} LIMIT ${limit})`;
  }

  purgeExpiredIdempotencyKeys(now: Date, limit: number): Promise<number> {
    return this.prisma.$executeRaw`
      DELETE FROM "idempotency_keys" WHERE ("user_id", "key") IN (
        SELECT "user_id", "key" FROM "idempotency_keys" WHERE "expires_at" <= ${now} LIMIT ${limit})`;
  }

  /**
   * Deletes audit events older than `retentionDays`. audit_events is append-only: its trigger
   * lets a DELETE through only for rows older than the retention this transaction declares (and
   * than 30 days), so the declaration and the DELETE go in one transaction, and the cut-off is
   * the database's own clock, the one the trigger checks against.
   */
  purgeAuditEvents(retentionDays: number, limit: number): Promise<number> {
    return this.prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT set_config('audit.retention_days', ${String(retentionDays)}, true)`;
      return tx.$executeRaw`
        DELETE FROM "audit_events" WHERE "id" IN (
          SELECT "id" FROM "audit_events"
          WHERE "occurred_at" < now() - make_interval(days => ${retentionDays}::integer)
          LIMIT ${limit})`;
    });
  }

  /** Deletes mailed account tokens (verification, reset) that expired before `cutoff`. */
  purgeExpiredAccountTokens(cutoff: Date, limit: number): Promise<number> {
    return this.prisma.$executeRaw`
      DELETE FROM "account_tokens" WHERE "id" IN (
        SELECT "id" FROM "account_tokens" WHERE "expires_at" < ${cutoff} LIMIT ${limit})`;
  }
}
