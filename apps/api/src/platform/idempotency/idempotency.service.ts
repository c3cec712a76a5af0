import { Injectable } from '@nestjs/common';
import type { Prisma } from '@libs/database';
import { createHash, randomUUID } from 'node:crypto';
import { Clock } from '../clock.js';
import { DomainError } from '../errors/domain-error.js';
import { ERROR_CODES, type ErrorCode } from '../errors/error-codes.js';
import type { FieldError } from '../problem/problem-details.js';
import {
  type Claim,
  IdempotencyRepository,
  type StoredResponse,
} from './idempotency.repository.js';

/** docs/api.md: keys are kept at least 24 hours. */
const KEY_LIFETIME_MS = 24 * 60 * 60 * 1000;
/**
 * A holder that has not completed after this long is presumed dead (crashed mid-request), and a
 * retry of the same request may take the key over. Longer than any request can run.
 */
const LOCK_LEASE_MS = 60_000;

/** Stored in place of a failed request's body; replayed as the same domain error. */
interface StoredFailure {
  readonly error: ErrorCode;
  readonly detail?: string;
  readonly errors?: readonly FieldError[];
}

export interface IdempotentRequest {
  readonly userId: string;
  readonly key: string;
  /** Everything that makes two requests "the same": method, route and validated body. */
  readonly fingerprint: unknown;
}

/** Called by the work inside its transaction, with the response it will answer. */
export type CompleteInTransaction = (
  tx: Prisma.TransactionClient,
  response: StoredResponse,
) => Promise<void>;

export interface IdempotentResult {
  readonly response: StoredResponse;
  /** True when this is the stored answer of an earlier request. */
  readonly replayed: boolean;
}

function isStoredFailure(body: unknown): body is StoredFailure {
  return typeof body === 'object' && body !== null && 'error' in body;
}

/**
 * `Idempotency-Key` semantics: the first request with a key runs; a retry of the same request
 * gets the stored response; a different request with the key gets 422; a retry while the first
 * is still running gets 409. Domain failures (out of stock, ...) are stored and replayed like
 * successes; anything else (database down, a bug) gives the key back so a retry can run.
 */
@Injectable()
export class IdempotencyService {
  constructor(
    private readonly keys: IdempotencyRepository,
    private readonly clock: Clock,
  ) {}

  async execute(
    request: IdempotentRequest,
    work: (complete: CompleteInTransaction) => Promise<StoredResponse>,
  ): Promise<IdempotentResult> {
    const claim: Claim = {
      userId: request.userId,
      key: request.key,
      requestHash: createHash('sha256').update(JSON.stringify(request.fingerprint)).digest('hex'),
      token: randomUUID(),
    };
    const now = this.clock.now();
    const state = await this.keys.claim(claim, {
      now,
      lockedUntil: new Date(now.getTime() + LOCK_LEASE_MS),
      expiresAt: new Date(now.getTime() + KEY_LIFETIME_MS),
    });
    switch (state.kind) {
      case 'completed':
        return { response: this.replay(state.response), replayed: true };
      case 'in_flight':
        throw new DomainError('idempotency_in_flight');
      case 'other_request':
        throw new DomainError('idempotency_key_reused');
      case 'claimed':
        return { response: await this.run(claim, work), replayed: false };
    }
  }

  private async run(
    claim: Claim,
    work: (complete: CompleteInTransaction) => Promise<StoredResponse>,
  ): Promise<StoredResponse> {
    try {
      return await work(async (tx, response) => {
        if (!(await this.keys.complete(tx, claim, response)))
          throw new DomainError('idempotency_in_flight');
      });
    } catch (error) {
      if (error instanceof DomainError && error.code !== 'idempotency_in_flight') {
        const failure: StoredFailure = {
          error: error.code,
          ...(error.detail === undefined ? {} : { detail: error.detail }),
          ...(error.errors === undefined ? {} : { errors: error.errors }),
        };
        // If this fails too, the claim lapses after its lease and a retry runs the request.
        await this.keys
          .complete(this.keys.client, claim, {
            status: ERROR_CODES[error.code].status,
            body: failure as unknown as Prisma.InputJsonValue,
            headers: {},
          })
          .catch(() => false);
      } else {
        await this.keys.release(claim).catch(() => undefined);
      }
      throw error;
    }
  }

  private replay(response: StoredResponse): StoredResponse {
    if (response.status >= 400 && isStoredFailure(response.body)) {
      const { error, detail, errors } = response.body;
      throw new DomainError(error, detail, errors);
    }
    return response;
  }
}
