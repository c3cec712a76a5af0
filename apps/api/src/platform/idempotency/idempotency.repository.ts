import { Injectable } from '@nestjs/common';
import { type JsonValue, Prisma, type Transaction, hasSqlState } from '@libs/database';

/** What a request with a key ended in, kept for replay: its domain result or its refusal. */
export type StoredOutcome =
  | { readonly result: JsonValue }
  | {
      readonly error: string;
      readonly detail?: string;
      readonly errors?: JsonValue;
    };

export interface KeyClaim {
  readonly userId: string;
  readonly key: string;
  readonly requestHash: string;
  readonly now: Date;
  readonly expiresAt: Date;
}

export type ClaimState =
  | { readonly kind: 'claimed' }
  | { readonly kind: 'completed'; readonly outcome: StoredOutcome }
  | { readonly kind: 'in_flight' }
  | { readonly kind: 'other_request' };

/** lock_timeout ran out: another transaction still holds the key's row. */
const LOCK_NOT_AVAILABLE = '55P03';

/*
 * Rows of the previous release, which runs beside this one during a rollout: it claimed a key
 * with a lease (lock_token, locked_until), then stored the HTTP response (response_*). Until a
 * later release drops those columns, its completed keys replay here (their outcome derived the
 * way the migration derived it), and its claims are in flight until their lease runs out.
 */
const LEGACY_CLEARED = Prisma.sql`"lock_token" = NULL, "locked_until" = NULL,
  "response_status" = NULL, "response_body" = NULL, "response_headers" = NULL`;
const LEGACY_CLAIM_LAPSED = Prisma.sql`(k."outcome" IS NULL AND k."response_status" IS NULL
  AND k."locked_until" <= EXCLUDED."created_at" AND k."request_hash" = EXCLUDED."request_hash")`;
const LEGACY_OUTCOME = Prisma.sql`CASE
  WHEN "response_status" < 400 THEN jsonb_build_object('result', jsonb_build_object(
    'order', "response_body",
    'version', substring("response_headers" ->> 'etag' FROM '[0-9]+')::integer))
  ELSE "response_body" END`;

/**
 * Idempotency keys in PostgreSQL, always used inside the transaction that does the request's
 * work. The primary key (user_id, key) decides which of two racing requests runs, on any number
 * of replicas: the second one's INSERT waits for the first one's transaction to end.
 */
@Injectable()
export class IdempotencyRepository {
  /**
   * Takes the key in `tx`, unless a committed request holds it (a new key, or an expired one, is
   * taken). If another open transaction holds it, waits for that one to end, at most `waitMs`:
   * a commit is replayed, a rollback leaves the key to this request.
   */
  async claim(tx: Transaction, claim: KeyClaim, waitMs: number): Promise<ClaimState> {
    const { userId, key, requestHash, now, expiresAt } = claim;
    // Only this statement waits that briefly; the work after it waits as usual.
    await tx.$executeRaw`SELECT set_config('lock_timeout', ${`${waitMs}ms`}, true)`;
    let claimed: number;
    try {
      claimed = await tx.$executeRaw`
        INSERT INTO "idempotency_keys" AS k
          ("user_id", "key", "request_hash", "created_at", "expires_at")
        VALUES (${userId}::uuid, ${key}, ${requestHash}, ${now}, ${expiresAt})
        ON CONFLICT ("user_id", "key") DO UPDATE SET
          "request_hash" = EXCLUDED."request_hash", "outcome" = NULL,
          "created_at" = EXCLUDED."created_at", "expires_at" = EXCLUDED."expires_at",
          ${LEGACY_CLEARED}
        WHERE k."expires_at" <= EXCLUDED."created_at" OR ${LEGACY_CLAIM_LAPSED}`;
    } catch (error) {
      if (hasSqlState(error, LOCK_NOT_AVAILABLE)) return { kind: 'in_flight' };
      throw error;
    }
    await tx.$executeRaw`SELECT set_config('lock_timeout', '0', true)`;
    if (claimed === 1) return { kind: 'claimed' };

    const [existing] = await tx.$queryRaw<{ requestHash: string; outcome: StoredOutcome | null }[]>`
      SELECT "request_hash" AS "requestHash", coalesce("outcome", ${LEGACY_OUTCOME}) AS "outcome"
      FROM "idempotency_keys" WHERE "user_id" = ${userId}::uuid AND "key" = ${key}`;
    // Deleted between the two statements (expired and purged): try again.
    if (!existing) return this.claim(tx, claim, waitMs);
    if (existing.requestHash !== requestHash) return { kind: 'other_request' };
    // Only a claim of the previous release, still within its lease, has no outcome.
    if (existing.outcome === null) return { kind: 'in_flight' };
    return { kind: 'completed', outcome: existing.outcome };
  }

  /** Records the outcome of the request that holds the key in `tx`; commits with its work. */
  async complete(
    tx: Transaction,
    claim: Pick<KeyClaim, 'userId' | 'key'>,
    outcome: StoredOutcome,
  ): Promise<void> {
    await tx.idempotencyKey.update({
      where: { userId_key: { userId: claim.userId, key: claim.key } },
      data: { outcome: outcome },
    });
  }

  /** Marks where the work begins, so a refusal can undo the work but keep the key. */
  async beginWork(tx: Transaction): Promise<void> {
    await tx.$executeRaw`SAVEPOINT idempotent_work`;
  }

  async undoWork(tx: Transaction): Promise<void> {
    await tx.$executeRaw`ROLLBACK TO SAVEPOINT idempotent_work`;
  }
}
