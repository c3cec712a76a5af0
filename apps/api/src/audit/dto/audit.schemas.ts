import { z } from 'zod';
import { pageQuery, pageSchema } from '../../platform/pagination/cursor.js';
import { text } from '../../platform/validation/fields.js';
import {
  AUDIT_ACTIONS,
  AUDIT_ACTOR_TYPES,
  AUDIT_OUTCOMES,
  AUDIT_TARGET_TYPES,
} from '../audit-actions.js';
import type { AuditEventRecord } from '../audit.repository.js';

/** A point in time with its offset, in the years PostgreSQL and JavaScript share. */
const instant = z.iso
  .datetime({ offset: true })
  .pipe(z.coerce.date())
  .refine((time) => time.getUTCFullYear() >= 1, { message: 'must be in year 1 or later' });

export const listAuditEventsQuery = pageQuery
  .extend({
    actorType: z.enum(AUDIT_ACTOR_TYPES).optional(),
    /** A user id, or an API key id with actorType=api_key. */
    actorId: z.uuid().optional(),
    action: z.enum(AUDIT_ACTIONS).optional(),
    targetType: z.enum(AUDIT_TARGET_TYPES).optional(),
    targetId: text({ min: 1, max: 64 }).optional(),
    /** Events at or after this time. */
    from: instant.optional(),
    /** Events before this time. */
    to: instant.optional(),
  })
  .refine((query) => !query.from || !query.to || query.from < query.to, {
    message: 'must be after from',
    path: ['to'],
  });

export const securityEventsQuery = pageQuery;

const actor = z.object({
  type: z.enum(AUDIT_ACTOR_TYPES),
  /** The user or API key id; null for system and anonymous. */
  id: z.uuid().nullable(),
  /** The owner of the API key when the actor is one (else the user's own id, or null). */
  userId: z.uuid().nullable(),
});

export const auditEventResponse = z
  .object({
    id: z.uuid(),
    occurredAt: z.iso.datetime(),
    actor,
    action: z.enum(AUDIT_ACTIONS),
    target: z.object({ type: z.enum(AUDIT_TARGET_TYPES), id: z.string() }).nullable(),
    /** The account whose security the event concerns, if any. */
    subjectUserId: z.uuid().nullable(),
    outcome: z.enum(AUDIT_OUTCOMES),
    clientAddress: z.string().nullable(),
    userAgent: z.string().nullable(),
    requestId: z.string().nullable(),
    traceId: z.string().nullable(),
    details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  })
  .meta({ id: 'AuditEvent' });
export type AuditEventResponse = z.infer<typeof auditEventResponse>;
export const auditEventPage = pageSchema(auditEventResponse, 'AuditEventPage');

/** What a user is shown of an event on their own account: no other user's or key's ids. */
export const securityEventResponse = z
  .object({
    id: z.uuid(),
    occurredAt: z.iso.datetime(),
    action: z.enum(AUDIT_ACTIONS),
    outcome: z.enum(AUDIT_OUTCOMES),
    /** Who acted: `user` with byYou=false is an administrator. */
    actorType: z.enum(AUDIT_ACTOR_TYPES),
    /** Whether you acted yourself (signed in, or with one of your API keys). */
    byYou: z.boolean(),
    clientAddress: z.string().nullable(),
    userAgent: z.string().nullable(),
  })
  .meta({ id: 'SecurityEvent' });
export type SecurityEventResponse = z.infer<typeof securityEventResponse>;
export const securityEventPage = pageSchema(securityEventResponse, 'SecurityEventPage');

export function toAuditEventResponse(event: AuditEventRecord): AuditEventResponse {
  return {
    id: event.id,
    occurredAt: event.occurredAt.toISOString(),
    actor: { type: event.actorType, id: event.actorId, userId: event.actorUserId },
    action: event.action,
    target:
      event.targetType && event.targetId ? { type: event.targetType, id: event.targetId } : null,
    subjectUserId: event.subjectUserId,
    outcome: event.outcome,
    clientAddress: event.clientAddress,
    userAgent: event.userAgent,
    requestId: event.requestId,
    traceId: event.traceId,
    details: { ...event.details },
  };
}

export function toSecurityEventResponse(
  event: AuditEventRecord,
  userId: string,
): SecurityEventResponse {
  return {
    id: event.id,
    occurredAt: event.occurredAt.toISOString(),
    action: event.action,
    outcome: event.outcome,
    actorType: event.actorType,
    byYou: event.actorUserId === userId,
    clientAddress: event.clientAddress,
    userAgent: event.userAgent,
  };
}
