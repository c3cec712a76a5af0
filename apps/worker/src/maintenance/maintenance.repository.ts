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
}
