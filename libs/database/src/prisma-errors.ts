import { Prisma } from './generated/prisma/client.js';

function hasCode(error: unknown, code: string): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === code;
}

/** A unique index refused the row (P2002): the database decides duplicates, races included. */
export function isUniqueViolation(error: unknown): boolean {
  return hasCode(error, 'P2002');
}

/** The result of an update of one row, or null when no row matched its `where` (P2025). */
export async function nullIfNotFound<T>(work: Promise<T>): Promise<T | null> {
  try {
    return await work;
  } catch (error) {
    if (hasCode(error, 'P2025')) return null;
    throw error;
  }
}
