import { Injectable } from '@nestjs/common';
import type { JsonValue, Transaction } from '@libs/database';
import { createHash } from 'node:crypto';
import { Clock } from '../clock.js';
import { DomainError } from '../errors/domain-error.js';
import type { ErrorCode } from '../errors/error-codes.js';
import type { FieldError } from '../problem/problem-details.js';
import { IdempotencyRepository, type StoredOutcome } from './idempotency.repository.js';

/** docs/api.md: keys are kept at least 24 hours. */
const KEY_LIFETIME_MS = 24 * 60 * 60 * 1000;
/**
 * How long a twin request waits for the transaction that holds its key before it is answered
 * 409 in flight: far longer than a normal request takes, short enough to free its connection.
 */
export const TWIN_WAIT_MS = 2_000;

export interface IdempotentRequest {
  readonly userId: string;
  readonly key: string;
  /** Everything that makes two requests "the same": method, route and validated body. */
  readonly fingerprint: unknown;
}

/** The work's result, or the domain refusal it ended in; each is replayed to a retry. */
export type IdempotentOutcome<T> =
  | { readonly result: T; readonly replayed: boolean }
  | { readonly refusal: DomainError; readonly replayed: boolean };

function toStored(refusal: DomainError): StoredOutcome {
  return {
    error: refusal.code,
    ...(refusal.detail === undefined ? {} : { detail: refusal.detail }),
    ...(refusal.errors === undefined ? {} : { errors: refusal.errors as unknown as JsonValue }),
  };
}

function fromStored<T>(stored: StoredOutcome): IdempotentOutcome<T> {
  if ('result' in stored) return { result: stored.result as T, replayed: true };
  const errors = stored.errors as readonly FieldError[] | undefined;
  return {
    refusal: new DomainError(stored.error as ErrorCode, stored.detail, errors),
    replayed: true,
  };
}

/**
 * `Idempotency-Key` semantics, inside the transaction that does the work: the first request with
 * a key runs and its outcome commits with its work; a twin that arrives meanwhile waits for that
 * transaction, then replays what it committed (or runs, if it rolled back); a different request
 * with the key gets 422. Domain refusals (out of stock, ...) are kept and replayed like results.
 * Any other failure (database gone, timeout, crash) rolls the key back with the work, so the
 * next retry simply runs: no key outlives the attempt that took it.
 */
@Injectable()
export class IdempotencyService {
  constructor(
    private readonly keys: IdempotencyRepository,
    private readonly clock: Clock,
  ) {}

  /**
   * Runs `work` in `tx` once per key. `T` must be plain JSON data (it is stored for replay). A refusal
   * is returned, not thrown, so the transaction commits it; throw it after the commit
   * (`settle`). Throws `idempotency_in_flight` or `idempotency_key_reused`: roll back then.
   */
  async once<T>(
    tx: Transaction,
    request: IdempotentRequest,
    work: () => Promise<T>,
  ): Promise<IdempotentOutcome<T>> {
    const now = this.clock.now();
    const claim = {
      userId: request.userId,
      key: request.key,
      requestHash: createHash('sha256').update(JSON.stringify(request.fingerprint)).digest('hex'),
      now,
      expiresAt: new Date(now.getTime() + KEY_LIFETIME_MS),
    };
    const state = await this.keys.claim(tx, claim, TWIN_WAIT_MS);
    switch (state.kind) {
      case 'completed':
        return fromStored<T>(state.outcome);
      case 'in_flight':
        throw new DomainError('idempotency_in_flight');
      case 'other_request':
        throw new DomainError('idempotency_key_reused');
      case 'claimed':
        break;
    }
    await this.keys.beginWork(tx);
    try {
      const result = await work();
      await this.keys.complete(tx, claim, { result: result as JsonValue });
      return { result, replayed: false };
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      // Whatever the work wrote before it refused goes; the key and the refusal stay.
      await this.keys.undoWork(tx);
      await this.keys.complete(tx, claim, toStored(error));
      return { refusal: error, replayed: false };
    }
  }

  /** The result of a committed outcome, or its refusal thrown. */
  settle<T>(outcome: IdempotentOutcome<T>): { result: T; replayed: boolean } {
    if ('refusal' in outcome) throw outcome.refusal;
    return outcome;
  }
}
