import type { Prisma } from './generated/prisma/client.js';

/**
 * One open database transaction. Services hand it from one repository to the next (and to the
 * audit recorder) without looking inside; only repositories use it as a client.
 */
export type Transaction = Prisma.TransactionClient;

/** Plain JSON, as a JSON column stores it. */
export type JsonValue =
  string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };
