import type { Transaction } from '@libs/database';
import type { Public } from '@libs/testing/fakes';
import type { UnitOfWork } from '../../src/platform/database/unit-of-work.js';

/** A fake that keeps what a transaction wrote apart until it commits. */
export interface TransactionalFake {
  commit(tx: Transaction): void;
  rollback(tx: Transaction): void;
}

/**
 * UnitOfWork in memory: each run gets a token of its own as its transaction; when the work
 * throws, the fakes that took part drop what they wrote under that token (a rollback), else
 * they keep it. Fakes that write without a transaction keep their writes at once.
 */
export class InMemoryUnitOfWork implements Public<UnitOfWork> {
  private sequence = 0;
  runs = 0;

  constructor(private readonly participants: readonly TransactionalFake[] = []) {}

  async run<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    this.runs += 1;
    this.sequence += 1;
    const tx = { transaction: this.sequence } as unknown as Transaction;
    try {
      const result = await work(tx);
      for (const participant of this.participants) participant.commit(tx);
      return result;
    } catch (error) {
      for (const participant of this.participants) participant.rollback(tx);
      throw error;
    }
  }
}
