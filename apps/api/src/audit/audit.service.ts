import { Injectable } from '@nestjs/common';
import type { Transaction } from '@libs/database';
import { currentTraceId } from '@libs/observability';
import { Clock } from '../platform/clock.js';
import type { Cursor, Page } from '../platform/pagination/cursor.js';
import { cursorTime, toPage } from '../platform/pagination/cursor.js';
import { currentRequest } from '../platform/request-context/request-context.js';
import type { AuditAction, AuditOutcome, AuditTargetType } from './audit-actions.js';
import {
  type AuditDetails,
  type AuditEventRecord,
  type AuditFilter,
  AuditRepository,
  type NewAuditEvent,
} from './audit.repository.js';

/** Who acted, when it is not the request's authenticated caller (a sign-in names its user). */
export type AuditActor =
  | { readonly type: 'user'; readonly id: string }
  | { readonly type: 'api_key'; readonly id: string; readonly userId: string }
  | { readonly type: 'system' | 'anonymous' };

/** What a feature says about an event; the rest (time, request, client, trace) is filled in. */
export interface AuditEventInput {
  readonly action: AuditAction;
  /** What was acted on; a refused sign-in of an unknown email has none. */
  readonly target?: { readonly type: AuditTargetType; readonly id: string } | undefined;
  /** Defaults to success. */
  readonly outcome?: AuditOutcome;
  /**
   * The account whose security this concerns: its owner sees the event among their security
   * events. Defaults to the target when the target is a user.
   */
  readonly subjectUserId?: string | undefined;
  /** Defaults to the request's authenticated caller, else anonymous (system outside a request). */
  readonly actor?: AuditActor;
  /** A few non-secret facts (a new role, a provider name). Never a secret, password or token. */
  readonly details?: AuditDetails;
}

/** Keys that could carry a secret: refused outright, so no caller logs one by mistake. */
const SECRET_KEY = /pass|secret|token|hash|key|otp|code|credential|authorization|cookie/i;
/** The database allows 2 KiB of details; far more than a few facts need. */
const DETAILS_MAX_BYTES = 2048;

function checkedDetails(details: AuditDetails = {}): AuditDetails {
  const refused = Object.keys(details).filter((key) => SECRET_KEY.test(key));
  if (refused.length > 0)
    throw new Error(`audit details must not hold secrets: ${refused.join(', ')}`);
  if (Buffer.byteLength(JSON.stringify(details)) > DETAILS_MAX_BYTES)
    throw new Error(`audit details exceed ${DETAILS_MAX_BYTES} bytes`);
  return details;
}

function actorColumns(
  actor: AuditActor,
): Pick<NewAuditEvent, 'actorType' | 'actorId' | 'actorUserId'> {
  switch (actor.type) {
    case 'user':
      return { actorType: 'user', actorId: actor.id, actorUserId: actor.id };
    case 'api_key':
      return { actorType: 'api_key', actorId: actor.id, actorUserId: actor.userId };
    case 'system':
    case 'anonymous':
      return { actorType: actor.type, actorId: null, actorUserId: null };
  }
}

export interface AuditQuery extends AuditFilter {
  readonly limit: number;
  readonly cursor?: Cursor | undefined;
}

/**
 * The audit log. `record(tx, event)` writes the event in the transaction of the change it
 * records, so the row exists exactly when the change committed; `recordAlone(event)` is for
 * what changes nothing (a refused sign-in). Actor, request id, trace id, client address and user
 * agent come from the request being handled.
 */
@Injectable()
export class AuditService {
  constructor(
    private readonly events: AuditRepository,
    private readonly clock: Clock,
  ) {}

  async record(tx: Transaction, event: AuditEventInput): Promise<void> {
    await this.events.insert(tx, this.row(event));
  }

  async recordAlone(event: AuditEventInput): Promise<void> {
    await this.events.insert(undefined, this.row(event));
  }

  /** Everyone's events (admin), newest first. */
  list(query: AuditQuery): Promise<Page<AuditEventRecord>> {
    return this.page(query);
  }

  /** The events that concern the user's own account: sign-ins, password, keys, role, status. */
  listSecurityEvents(
    userId: string,
    query: { limit: number; cursor?: Cursor | undefined },
  ): Promise<Page<AuditEventRecord>> {
    return this.page({ ...query, subjectUserId: userId });
  }

  private async page({ limit, cursor, ...filter }: AuditQuery): Promise<Page<AuditEventRecord>> {
    const rows = await this.events.list({
      limit: limit + 1,
      before: cursor ? { occurredAt: cursorTime(cursor), id: cursor.id } : undefined,
      filter,
    });
    return toPage(
      rows,
      limit,
      (event) => ({ key: event.occurredAt.toISOString(), id: event.id }),
      (event) => event,
    );
  }

  private row(event: AuditEventInput): NewAuditEvent {
    const request = currentRequest();
    const actor: AuditActor = event.actor ??
      request?.actor ?? { type: request ? 'anonymous' : 'system' };
    const subjectUserId =
      event.subjectUserId ?? (event.target?.type === 'user' ? event.target.id : null);
    return {
      occurredAt: this.clock.now(),
      ...actorColumns(actor),
      action: event.action,
      targetType: event.target?.type ?? null,
      targetId: event.target?.id ?? null,
      subjectUserId,
      outcome: event.outcome ?? 'success',
      clientAddress: request?.clientAddress ?? null,
      userAgent: request?.userAgent ?? null,
      requestId: request?.requestId ?? null,
      traceId: currentTraceId() ?? null,
      details: checkedDetails(event.details),
    };
  }
}
