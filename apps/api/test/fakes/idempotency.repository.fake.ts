import type { Transaction } from '@libs/database';
import type {
  ClaimState,
  IdempotencyRepository,
  KeyClaim,
  StoredOutcome,
} from '../../src/platform/idempotency/idempotency.repository.js';
import type { Public } from '@libs/testing/fakes';

interface KeyRow {
  readonly requestHash: string;
  readonly expiresAt: Date;
  outcome: StoredOutcome | null;
}

/** One open transaction of the fake: the key rows it wrote and the work done in it. */
export interface FakeTransaction {
  readonly keys: Map<string, KeyRow>;
  /** What the work wrote, in order; `undoWork` drops what came after `beginWork`. */
  readonly work: string[];
  savepoint?: number;
}

const rowKey = (claim: Pick<KeyClaim, 'userId' | 'key'>): string => `${claim.userId}/${claim.key}`;

/**
 * IdempotencyRepository in memory, with transactions: `begin()` opens one, `commit(tx)` makes its
 * keys and work visible, and a transaction simply dropped is rolled back. A key held by another
 * open transaction is in flight (as after the real claim's wait ran out).
 */
export class InMemoryIdempotencyRepository implements Public<IdempotencyRepository> {
  readonly keys = new Map<string, KeyRow>();
  /** The work of committed transactions. */
  readonly committedWork: string[] = [];
  private readonly open = new Set<FakeTransaction>();

  begin(): FakeTransaction {
    const tx: FakeTransaction = { keys: new Map(), work: [] };
    this.open.add(tx);
    return tx;
  }

  /** The fake transaction as the service sees it (it only passes it along). */
  static handle(tx: FakeTransaction): Transaction {
    return tx as unknown as Transaction;
  }

  commit(tx: FakeTransaction): void {
    for (const [key, row] of tx.keys) this.keys.set(key, row);
    this.committedWork.push(...tx.work);
    this.open.delete(tx);
  }

  rollback(tx: FakeTransaction): void {
    this.open.delete(tx);
  }

  claim(handle: Transaction, claim: KeyClaim): Promise<ClaimState> {
    const tx = handle as unknown as FakeTransaction;
    const key = rowKey(claim);
    const heldElsewhere = [...this.open].some((other) => other !== tx && other.keys.has(key));
    if (heldElsewhere) return Promise.resolve({ kind: 'in_flight' });
    const existing = this.keys.get(key);
    if (existing && existing.expiresAt > claim.now) {
      if (existing.requestHash !== claim.requestHash) {
        return Promise.resolve({ kind: 'other_request' });
      }
      if (existing.outcome !== null) {
        return Promise.resolve({ kind: 'completed', outcome: existing.outcome });
      }
    }
    tx.keys.set(key, { requestHash: claim.requestHash, expiresAt: claim.expiresAt, outcome: null });
    return Promise.resolve({ kind: 'claimed' });
  }

  complete(
    handle: Transaction,
    claim: Pick<KeyClaim, 'userId' | 'key'>,
    outcome: StoredOutcome,
  ): Promise<void> {
    const row = (handle as unknown as FakeTransaction).keys.get(rowKey(claim));
    if (!row) return Promise.reject(new Error('complete() without a claim in this transaction'));
    row.outcome = outcome;
    return Promise.resolve();
  }

  beginWork(handle: Transaction): Promise<void> {
    const tx = handle as unknown as FakeTransaction;
    tx.savepoint = tx.work.length;
    return Promise.resolve();
  }

  undoWork(handle: Transaction): Promise<void> {
    const tx = handle as unknown as FakeTransaction;
    if (tx.savepoint === undefined) return Promise.reject(new Error('no savepoint'));
    tx.work.splice(tx.savepoint);
    return Promise.resolve();
  }
}
