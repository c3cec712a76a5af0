import { Injectable } from '@nestjs/common';
import { Prisma, hasSqlState } from '@libs/database';

/** What a request with a key ended in, kept for replay: its domain result or its refusal. */
export type StoredOutcome =
  | { readonly result: Prisma.InputJsonValue }
  | {
      readonly error: string;
      readonly detail?: string;
      readonly errors?: Prisma.InputJsonValue;
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
  async claim(tx: Prisma.TransactionClient, claim: KeyClaim, waitMs: number): Promise<ClaimState> {
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
          "created_at" = EXCLUDED."created_at", "expires_at" = EXCLUDED."expires_at"
        WHERE k."expires_at" <= EXCLUDED."created_at"`;
    } catch (error) {
      if (hasSqlState(error, LOCK_NOT_AVAILABLE)) return { kind: 'in_flight' };
      throw error;
    }
    await tx.$executeRaw`SELECT set_config('lock_timeout', '0', true)`;
    if (claimed === 1) return { kind: 'claimed' };

    const existing = await tx.idempotencyKey.findUnique({
      where: { userId_key: { userId, key } },
      select: { requestHash: true, outcome: true },
    });
    // Deleted between the two statements (expired and purged): try again.
    if (!existing) return this.claim(tx, claim, waitMs);
    if (existing.requestHash !== requestHash) return { kind: 'other_request' };
    return { kind: 'completed', outcome: existing.outcome as StoredOutcome };
  }

  /** Records the outcome of the request that holds the key in `tx`; commits with its work. */
  async complete(
    tx: Prisma.TransactionClient,
    claim: Pick<KeyClaim, 'userId' | 'key'>,
    outcome: StoredOutcome,
  ): Promise<void> {
    await tx.idempotencyKey.update({
      where: { userId_key: { userId: claim.userId, key: claim.key } },
      data: { outcome },
    });
  }

  /** Marks where the work begins, so a refusal can undo the work but keep the key. */
  async beginWork(tx: Prisma.TransactionClient): Promise<void> {
    await tx.$executeRaw`SAVEPOINT idempotent_work`;
  }

  async undoWork(tx: Prisma.TransactionClient): Promise<void> {
    await tx.$executeRaw`ROLLBACK TO SAVEPOINT idempotent_work`;
  }
}
