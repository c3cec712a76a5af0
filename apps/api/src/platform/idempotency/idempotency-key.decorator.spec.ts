import { describe, expect, it } from '@jest/globals';
import { ProblemException } from '../problem/problem.exception.js';
import { idempotencyKeyOf } from './idempotency-key.decorator.js';

describe('idempotencyKeyOf (the Idempotency-Key header)', () => {
  it.each([
    ['a UUID', '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b'],
    ['one character', 'k'],
    ['255 characters', 'k'.repeat(255)],
    ['printable ASCII with spaces', 'order #42 (retry)'],
  ])('accepts %s as it is', (_case, key) => {
    expect(idempotencyKeyOf(key)).toBe(key);
  });

  it.each<[string, string | string[] | undefined]>([
    ['missing', undefined],
    ['empty', ''],
    ['too long', 'k'.repeat(256)],
    ['not ASCII', 'clé-1'],
    ['a control character', 'key\u0001'],
    ['sent twice', ['a', 'b']],
  ])('answers a key that is %s with a 400 validation problem naming the header', (_case, key) => {
    let thrown: unknown;
    try {
      idempotencyKeyOf(key);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ProblemException);
    expect((thrown as ProblemException).problem).toMatchObject({
      status: 400,
      type: '/problems/validation-error',
      detail: expect.stringContaining('Idempotency-Key'),
    });
  });
});
