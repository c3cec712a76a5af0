import type { Transaction } from '@libs/database';
import { type Public, nextUuid } from '@libs/testing/fakes';
import type {
  AuditEventRecord,
  AuditFilter,
  AuditRepository,
  NewAuditEvent,
} from '../../src/audit/audit.repository.js';
import type { TransactionalFake } from './unit-of-work.fake.js';

const newestFirst = (a: AuditEventRecord, b: AuditEventRecord): number =>
  b.occurredAt.getTime() - a.occurredAt.getTime() || (b.id < a.id ? -1 : b.id > a.id ? 1 : 0);

function matches(event: AuditEventRecord, filter: AuditFilter): boolean {
  return (
    (filter.actorType === undefined || event.actorType === filter.actorType) &&
    (filter.actorId === undefined || event.actorId === filter.actorId) &&
    (filter.action === undefined || event.action === filter.action) &&
    (filter.targetType === undefined || event.targetType === filter.targetType) &&
    (filter.targetId === undefined || event.targetId === filter.targetId) &&
    (filter.subjectUserId === undefined || event.subjectUserId === filter.subjectUserId) &&
    (filter.from === undefined || event.occurredAt >= filter.from) &&
    (filter.to === undefined || event.occurredAt < filter.to)
  );
}

/**
 * AuditRepository in memory. Rows written in a transaction become visible when it commits and
 * vanish when it rolls back (InMemoryUnitOfWork tells it), as in PostgreSQL.
 */
export class InMemoryAuditRepository implements Public<AuditRepository>, TransactionalFake {
  readonly rows: AuditEventRecord[] = [];
  private readonly pending = new Map<Transaction, AuditEventRecord[]>();

  insert(tx: Transaction | undefined, event: NewAuditEvent): Promise<void> {
    const row = { ...event, id: nextUuid() };
    if (tx === undefined) this.rows.push(row);
    else this.pending.set(tx, [...(this.pending.get(tx) ?? []), row]);
    return Promise.resolve();
  }

  list(options: {
    limit: number;
    before?: { occurredAt: Date; id: string } | undefined;
    filter: AuditFilter;
  }): Promise<AuditEventRecord[]> {
    const { limit, before, filter } = options;
    const after = (event: AuditEventRecord): boolean =>
      before === undefined ||
      event.occurredAt < before.occurredAt ||
      (event.occurredAt.getTime() === before.occurredAt.getTime() && event.id < before.id);
    return Promise.resolve(
      this.rows
        .filter((event) => matches(event, filter) && after(event))
        .sort(newestFirst)
        .slice(0, limit),
    );
  }

  commit(tx: Transaction): void {
    this.rows.push(...(this.pending.get(tx) ?? []));
    this.pending.delete(tx);
  }

  rollback(tx: Transaction): void {
    this.pending.delete(tx);
  }

  /** The actions recorded, oldest first: what most tests compare. */
  actions(): string[] {
    return this.rows.map((event) => event.action);
  }
}
