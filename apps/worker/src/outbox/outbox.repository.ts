import { Injectable } from '@nestjs/common';
import { type Prisma, PrismaService } from '@libs/database';

export interface OutboxRow {
  readonly id: string;
  readonly aggregateId: string;
  readonly type: string;
  readonly payload: Prisma.JsonValue;
  readonly headers: Prisma.JsonValue;
  readonly createdAt: Date;
}

@Injectable()
export class OutboxRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Runs `work` on the oldest unpublished events, locked for this transaction. SKIP LOCKED: a
   * second relay (another replica) takes the next events instead of waiting for these.
   * `work` returns normally once they are published; they are then marked, in the same
   * transaction. If it throws, nothing is marked and the events are claimed again later.
   */
  async publishBatch(
    limit: number,
    publish: (events: readonly OutboxRow[]) => Promise<void>,
  ): Promise<number> {
    return this.prisma.$transaction(
      async (tx) => {
        const events = await tx.$queryRaw<OutboxRow[]>`
          SELECT "id", "aggregate_id" AS "aggregateId", "type", "payload", "headers",
                 "created_at" AS "createdAt"
          FROM "outbox_events" WHERE "published_at" IS NULL
          ORDER BY "created_at", "id" LIMIT ${limit}
          FOR UPDATE SKIP LOCKED`;
        if (events.length === 0) return 0;
        await publish(events);
        await tx.$executeRaw`
          UPDATE "outbox_events" SET "published_at" = now()
          WHERE "id" = ANY(${events.map((event) => event.id)}::uuid[])`;
        return events.length;
      },
      { timeout: 30_000 },
    );
  }

  /** Seconds since the oldest unpublished event was written (0 when there is none). */
  async lagSeconds(): Promise<number> {
    const [row] = await this.prisma.$queryRaw<{ lag: number | null }[]>`
      SELECT extract(epoch FROM now() - min("created_at"))::float8 AS "lag"
      FROM "outbox_events" WHERE "published_at" IS NULL`;
    return Math.max(0, row?.lag ?? 0);
  }
}
