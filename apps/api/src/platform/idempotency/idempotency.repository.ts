import { Injectable } from '@nestjs/common';
import { Prisma, PrismaService } from '@libs/database';

/** A response kept for replay: the status, the JSON body and the headers that matter. */
export interface StoredResponse {
  readonly status: number;
  readonly body: Prisma.InputJsonValue;
  readonly headers: Readonly<Record<string, string>>;
}

export type KeyState =
  | { readonly kind: 'claimed' }
  | { readonly kind: 'completed'; readonly response: StoredResponse }
  | { readonly kind: 'in_flight' }
  | { readonly kind: 'other_request' };

export interface Claim {
  readonly userId: string;
  readonly key: string;
  readonly requestHash: string;
  /** Identifies this holder: only it may complete or release the claim. */
  readonly token: string;
}

/**
 * Idempotency keys in PostgreSQL. The primary key (user_id, key) decides which of two racing
 * requests runs, on any number of replicas; no process memory is involved.
 */
@Injectable()
export class IdempotencyRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** For `complete` outside a transaction (recording a failure after the rollback). */
  get client(): Prisma.TransactionClient {
    return this.prisma;
  }

  /**
   * Claims the key for this request, unless it is held: a new key, an expired one, or one whose
   * holder with the same request stopped before `lockedUntil` (crashed) can be claimed.
   */
  async claim(
    claim: Claim,
    times: { now: Date; lockedUntil: Date; expiresAt: Date },
  ): Promise<KeyState> {
    const { userId, key, requestHash, token } = claim;
    const { now, lockedUntil, expiresAt } = times;
    const claimed = await this.prisma.$executeRaw`
      INSERT INTO "idempotency_keys" AS k
        ("user_id", "key", "request_hash", "lock_token", "locked_until", "created_at", "expires_at")
      VALUES (${userId}::uuid, ${key}, ${requestHash}, ${token}::uuid, ${lockedUntil}, ${now},
              ${expiresAt})
      ON CONFLICT ("user_id", "key") DO UPDATE SET
        "request_hash" = EXCLUDED."request_hash", "lock_token" = EXCLUDED."lock_token",
        "locked_until" = EXCLUDED."locked_until", "response_status" = NULL,
        "response_body" = NULL, "response_headers" = NULL,
        "created_at" = EXCLUDED."created_at", "expires_at" = EXCLUDED."expires_at"
      WHERE k."expires_at" <= EXCLUDED."created_at"
         OR (k."response_status" IS NULL AND k."locked_until" <= EXCLUDED."created_at"
             AND k."request_hash" = EXCLUDED."request_hash")`;
    if (claimed === 1) return { kind: 'claimed' };

    const existing = await this.prisma.idempotencyKey.findUnique({
      where: { userId_key: { userId, key } },
      select: {
        requestHash: true,
        responseStatus: true,
        responseBody: true,
        responseHeaders: true,
      },
    });
    // Deleted between the two statements (expired and cleaned up): try again.
    if (!existing) return this.claim(claim, times);
    if (existing.requestHash !== requestHash) return { kind: 'other_request' };
    if (existing.responseStatus === null) return { kind: 'in_flight' };
    return {
      kind: 'completed',
      response: {
        status: existing.responseStatus,
        body: existing.responseBody as Prisma.InputJsonValue,
        headers: (existing.responseHeaders ?? {}) as Record<string, string>,
      },
    };
  }

  /**
   * Records the response, in the transaction that made it, so the effect and its record commit
   * together. False if the claim was lost (taken over after its lock expired): roll back then.
   */
  async complete(
    tx: Prisma.TransactionClient,
    claim: Claim,
    response: StoredResponse,
  ): Promise<boolean> {
    const { count } = await tx.idempotencyKey.updateMany({
      where: { userId: claim.userId, key: claim.key, lockToken: claim.token },
      data: {
        responseStatus: response.status,
        responseBody: response.body,
        responseHeaders: response.headers,
        lockToken: null,
        lockedUntil: null,
      },
    });
    return count === 1;
  }

  /** Gives the key back (the request failed in a way worth retrying), if still held. */
  async release(claim: Claim): Promise<void> {
    await this.prisma.idempotencyKey.deleteMany({
      where: { userId: claim.userId, key: claim.key, lockToken: claim.token },
    });
  }

  /** Deletes up to `batch` expired keys; returns how many. For a periodic cleanup job. */
  async deleteExpired(now: Date, batch = 1000): Promise<number> {
    return this.prisma.$executeRaw`
      DELETE FROM "idempotency_keys" WHERE ("user_id", "key") IN (
        SELECT "user_id", "key" FROM "idempotency_keys" WHERE "expires_at" <= ${now} LIMIT ${batch})`;
  }
}
