import { Injectable } from '@nestjs/common';
import { Prisma, PrismaService, type Transaction, keysetAfter } from '@libs/database';
import type {
  AuditAction,
  AuditActorType,
  AuditOutcome,
  AuditTargetType,
} from './audit-actions.js';

/** Non-secret facts about an event: a flat object of short values. */
export type AuditDetails = Readonly<Record<string, string | number | boolean | null>>;

export interface NewAuditEvent {
  readonly occurredAt: Date;
  readonly actorType: AuditActorType;
  readonly actorId: string | null;
  readonly actorUserId: string | null;
  readonly action: AuditAction;
  readonly targetType: AuditTargetType | null;
  readonly targetId: string | null;
  readonly subjectUserId: string | null;
  readonly outcome: AuditOutcome;
  readonly clientAddress: string | null;
  readonly userAgent: string | null;
  readonly requestId: string | null;
  readonly traceId: string | null;
  readonly details: AuditDetails;
}

export interface AuditEventRecord extends NewAuditEvent {
  readonly id: string;
}

/** Conditions of a listing; all optional, combined with AND. */
export interface AuditFilter {
  readonly actorType?: AuditActorType | undefined;
  readonly actorId?: string | undefined;
  readonly action?: AuditAction | undefined;
  readonly targetType?: AuditTargetType | undefined;
  readonly targetId?: string | undefined;
  readonly subjectUserId?: string | undefined;
  /** occurred_at >= from */
  readonly from?: Date | undefined;
  /** occurred_at < to */
  readonly to?: Date | undefined;
}

const COLUMNS = Prisma.sql`"id", "occurred_at" AS "occurredAt", "actor_type" AS "actorType",
  "actor_id" AS "actorId", "actor_user_id" AS "actorUserId", "action",
  "target_type" AS "targetType", "target_id" AS "targetId", "subject_user_id" AS "subjectUserId",
  "outcome", "client_address" AS "clientAddress", "user_agent" AS "userAgent",
  "request_id" AS "requestId", "trace_id" AS "traceId", "details"`;

/**
 * The audit_events table: rows are only ever added (the database refuses UPDATE and DELETE,
 * see the migration) and read newest first.
 */
@Injectable()
export class AuditRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Adds the row in `tx`, so it commits with the change it records; alone without one. */
  async insert(tx: Transaction | undefined, event: NewAuditEvent): Promise<void> {
    await (tx ?? this.prisma).auditEvent.create({ data: { ...event } });
  }

  /**
   * A page newest first, after the cursor: keyset pagination on (occurred_at, id), which the
   * index of each filter (subject, actor, target, or none) answers in that order.
   */
  list(options: {
    limit: number;
    before?: { occurredAt: Date; id: string } | undefined;
    filter: AuditFilter;
  }): Promise<AuditEventRecord[]> {
    const { limit, before, filter } = options;
    const conditions = [Prisma.sql`TRUE`];
    const equal = (column: string, value: string | undefined, cast = ''): void => {
      if (value !== undefined)
        conditions.push(Prisma.sql`${Prisma.raw(`"${column}"`)} = ${value}${Prisma.raw(cast)}`);
    };
    equal('actor_type', filter.actorType);
    equal('actor_id', filter.actorId, '::uuid');
    equal('action', filter.action);
    equal('target_type', filter.targetType);
    equal('target_id', filter.targetId);
    equal('subject_user_id', filter.subjectUserId, '::uuid');
    if (filter.from) conditions.push(Prisma.sql`"occurred_at" >= ${filter.from}`);
    if (filter.to) conditions.push(Prisma.sql`"occurred_at" < ${filter.to}`);
    if (before)
      conditions.push(
        keysetAfter(Prisma.raw('"occurred_at"'), Prisma.sql`${before.occurredAt}`, before.id, true),
      );
    return this.prisma.$queryRaw<AuditEventRecord[]>`
      SELECT ${COLUMNS} FROM "audit_events"
      WHERE ${Prisma.join(conditions, ' AND ')}
      ORDER BY "occurred_at" DESC, "id" DESC
      LIMIT ${limit}`;
  }
}
