import { beforeEach, describe, expect, it } from '@jest/globals';
import { ManualClock, asReal } from '@libs/testing/fakes';
import {
  type FakeTransaction,
  InMemoryIdempotencyRepository,
} from '../../../test/fakes/idempotency.repository.fake.js';
import { DomainError } from '../errors/domain-error.js';
import type { IdempotencyRepository } from './idempotency.repository.js';
import {
  type IdempotentOutcome,
  type IdempotentRequest,
  IdempotencyService,
} from './idempotency.service.js';

const DAY_MS = 24 * 60 * 60 * 1000;

describe('IdempotencyService', () => {
  let clock: ManualClock;
  let keys: InMemoryIdempotencyRepository;
  let service: IdempotencyService;
  let runs: number;

  beforeEach(() => {
    clock = new ManualClock();
    keys = new InMemoryIdempotencyRepository();
    service = new IdempotencyService(asReal<IdempotencyRepository>(keys), clock);
    runs = 0;
  });

  const request = (over: Partial<IdempotentRequest> = {}): IdempotentRequest => ({
    userId: 'alice',
    key: 'key-1',
    fingerprint: { method: 'POST', route: '/v1/orders', body: { quantity: 1 } },
    ...over,
  });

  /** Work that writes a row in the transaction and returns a result. */
  const placeOrder = (tx: FakeTransaction) => (): Promise<{ order: string }> => {
    runs += 1;
    tx.work.push(`order ${runs}`);
    return Promise.resolve({ order: `order ${runs}` });
  };

  /** One request in its own transaction: committed when `once` returns, rolled back if it throws. */
  async function inTransaction<T>(
    work: (tx: FakeTransaction) => () => Promise<T>,
    req: IdempotentRequest = request(),
  ): Promise<IdempotentOutcome<T>> {
    const tx = keys.begin();
    try {
      const outcome = await service.once(InMemoryIdempotencyRepository.handle(tx), req, work(tx));
      keys.commit(tx);
      return outcome;
    } catch (error) {
      keys.rollback(tx);
      throw error;
    }
  }

  it('runs the work of a new key and commits its result with it', async () => {
    await expect(inTransaction(placeOrder)).resolves.toEqual({
      result: { order: 'order 1' },
      replayed: false,
    });
    expect(keys.committedWork).toEqual(['order 1']);
  });

  it('replays a retry of the same request without running the work again', async () => {
    await inTransaction(placeOrder);
    await expect(inTransaction(placeOrder)).resolves.toEqual({
      result: { order: 'order 1' },
      replayed: true,
    });
    expect({ runs, committed: keys.committedWork }).toEqual({ runs: 1, committed: ['order 1'] });
  });

  it('refuses the key with a different request: idempotency_key_reused', async () => {
    await inTransaction(placeOrder);
    const other = request({ fingerprint: { method: 'POST', route: '/v1/orders', body: {} } });
    await expect(inTransaction(placeOrder, other)).rejects.toMatchObject({
      code: 'idempotency_key_reused',
    });
    expect(runs).toBe(1);
  });

  it('answers a twin while the first attempt is still open: idempotency_in_flight', async () => {
    const first = keys.begin();
    await service.once(InMemoryIdempotencyRepository.handle(first), request(), placeOrder(first));
    await expect(inTransaction(placeOrder)).rejects.toMatchObject({
      code: 'idempotency_in_flight',
    });
    keys.commit(first);
    await expect(inTransaction(placeOrder)).resolves.toMatchObject({ replayed: true });
  });

  it('keeps a domain refusal, undoes the work before it, and replays the refusal', async () => {
    const refuse = (tx: FakeTransaction) => (): Promise<never> => {
      runs += 1;
      tx.work.push('half an order');
      return Promise.reject(
        new DomainError('insufficient_stock', 'only 2 left', [
          { pointer: '#/items/0/quantity', detail: 'only 2 left' },
        ]),
      );
    };
    const first = await inTransaction(refuse);
    expect(first).toEqual({ refusal: expect.any(DomainError), replayed: false });
    expect(keys.committedWork).toEqual([]);

    const replay = await inTransaction(refuse);
    expect(replay.replayed).toBe(true);
    expect(() => service.settle(replay)).toThrow(DomainError);
    expect('refusal' in replay && replay.refusal).toMatchObject({
      code: 'insufficient_stock',
      detail: 'only 2 left',
      errors: [{ pointer: '#/items/0/quantity', detail: 'only 2 left' }],
    });
    expect(runs).toBe(1);
  });

  it('lets any other failure roll the key back with the work, so the retry runs', async () => {
    const crash = () => (): Promise<never> => Promise.reject(new Error('connection lost'));
    await expect(inTransaction(crash)).rejects.toThrow('connection lost');
    await expect(inTransaction(placeOrder)).resolves.toEqual({
      result: { order: 'order 1' },
      replayed: false,
    });
  });

  it('keeps a key 24 hours, then takes it afresh (even for another request)', async () => {
    await inTransaction(placeOrder);
    clock.advance(DAY_MS - 1);
    await expect(inTransaction(placeOrder)).resolves.toMatchObject({ replayed: true });
    clock.advance(1);
    const other = request({ fingerprint: { body: 'another' } });
    await expect(inTransaction(placeOrder, other)).resolves.toEqual({
      result: { order: 'order 2' },
      replayed: false,
    });
  });

  it('keeps keys per user: the same key of another user is a new request', async () => {
    await inTransaction(placeOrder);
    await expect(inTransaction(placeOrder, request({ userId: 'bob' }))).resolves.toMatchObject({
      replayed: false,
    });
    expect(runs).toBe(2);
  });

  it('settle returns a result as it is', () => {
    expect(service.settle({ result: 7, replayed: true })).toEqual({ result: 7, replayed: true });
  });
});
