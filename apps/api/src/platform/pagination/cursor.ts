import { z } from 'zod';
import { DomainError } from '../errors/domain-error.js';
import { text } from '../validation/fields.js';

/** The position after the last item of a page: its sort key and id (keyset pagination). */
export interface Cursor {
  readonly key: string;
  readonly id: string;
}

const cursorPayload = z.strictObject({ k: z.string().max(300), i: z.uuid() });

/** Opaque to clients: base64url JSON, so its shape can change without breaking them. */
export function encodeCursor({ key, id }: Cursor): string {
  return Buffer.from(JSON.stringify({ k: key, i: id })).toString('base64url');
}

/** `limit` (1–100, default 20) and an opaque `cursor`; bad values are a 400 like any other field. */
export const pageQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: text({ max: 1200 })
    .transform((value, context): Cursor => {
      try {
        const { k, i } = cursorPayload.parse(
          JSON.parse(Buffer.from(value, 'base64url').toString()),
        );
        return { key: k, id: i };
      } catch {
        context.addIssue({ code: 'custom', message: 'is not a cursor this API returned' });
        return z.NEVER;
      }
    })
    .optional(),
});

/**
 * The key of a cursor over a timestamp column, as a Date. A cursor is opaque but not trusted: a
 * forged key that is no timestamp is a 400 like any other bad parameter, never a failed query.
 */
export function cursorTime(cursor: Cursor): Date {
  const time = new Date(cursor.key);
  if (Number.isNaN(time.getTime())) {
    const detail = 'is not a cursor this API returned';
    throw new DomainError('validation_failed', `cursor ${detail}.`, [
      { pointer: '#/cursor', detail },
    ]);
  }
  return time;
}

export interface Page<T> {
  readonly data: readonly T[];
  readonly nextCursor: string | null;
}

/**
 * Builds a page from `limit + 1` fetched rows: the extra row only says whether another page
 * exists, so no COUNT query is needed.
 */
export function toPage<Row, Item>(
  rows: readonly Row[],
  limit: number,
  cursorOf: (row: Row) => Cursor,
  toItem: (row: Row) => Item,
): Page<Item> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    data: items.map(toItem),
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(cursorOf(last)) : null,
  };
}
