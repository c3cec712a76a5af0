import { describe, expect, it } from '@jest/globals';
import { Prisma } from './generated/prisma/client.js';
import { isUniqueViolation, nullIfNotFound } from './prisma-errors.js';

const known = (code: string): Error =>
  new Prisma.PrismaClientKnownRequestError('failed', { code, clientVersion: 'test' });

describe('Prisma error mapping', () => {
  it('recognises a unique violation (P2002) and nothing else', () => {
    expect(isUniqueViolation(known('P2002'))).toBe(true);
    expect(isUniqueViolation(known('P2025'))).toBe(false);
    expect(isUniqueViolation(new Error('P2002'))).toBe(false);
  });

  it('turns "no row matched" (P2025) into null', async () => {
    await expect(nullIfNotFound(Promise.reject(known('P2025')))).resolves.toBeNull();
    await expect(nullIfNotFound(Promise.resolve({ id: 1 }))).resolves.toEqual({ id: 1 });
  });

  it('lets every other failure through', async () => {
    const failure = known('P2002');
    await expect(nullIfNotFound(Promise.reject(failure))).rejects.toBe(failure);
  });
});
