import { z } from 'zod';
import { DomainError } from '../errors/domain-error.js';
import { text } from '../validation/fields.js';

/** The position after the last item of a page: its sort key and id (keyset pagination). */
export interface Cursor {
  readonly key: string;
  readonly id: string;
}

const KEY_MAX = 300;
/**
 * The longest cursor this API issues: a key of KEY_MAX characters that JSON escapes to six bytes
 * each (control characters), plus the id, in base64url. Anything longer is refused undecoded.
 */
export const CURSOR_MAX_LENGTH = Math.ceil(((6 * KEY_MAX + 64) * 4) / 3);

const cursorPayload = z.strictObject({ k: text({ max: KEY_MAX }), i: z.uuid() });

/** Why a cursor is refused, at `#/cursor`: the client can only drop it and start over. */
export const NOT_OUR_CURSOR = 'is not a cursor this API returned';

/** Opaque to clients: base64url JSON, so its shape can change without breaking them. */
export function encodeCursor({ key, id }: Cursor): string {
  return Buffer.from(JSON.stringify({ k: key, i: id })).toString('base64url');
}

/**
 * A cursor as sent: bounded and base64url before anything decodes it. Both checks abort, so no
 * refinement of the surrounding query ever sees the raw string instead of a decoded cursor.
 */
const cursorParameter = z
  .string()
  .max(CURSOR_MAX_LENGTH, { abort: true })
  .regex(/^[A-Za-z0-9_-]+$/, { abort: true, message: NOT_OUR_CURSOR })
  .transform((value, context): Cursor => {
    try {
      const { k, i } = cursorPayload.parse(JSON.parse(Buffer.from(value, 'base64url').toString()));
      return { key: k, id: i };
    } catch {
      context.addIssue({ code: 'custom', message: NOT_OUR_CURSOR });
      return z.NEVER;
    }
  });

/** `limit` (1–100, default 20) and an opaque `cursor`; bad values are a 400 like any other field. */
export const pageQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: cursorParameter.optional(),
});

/** A timestamp as cursors carry it (`toISOString`), in years PostgreSQL and JavaScript share. */
const CURSOR_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** The key as a Date when it is exactly a timestamp a cursor of ours carries, else undefined. */
export function parseCursorTime(key: string): Date | undefined {
  if (!CURSOR_TIME.test(key)) return undefined;
  const time = new Date(key);
  // Year 0 parses in JavaScript but not in PostgreSQL; 02-30 parses as 03-02 and so no longer
  // round-trips.
  if (Number.isNaN(time.getTime()) || time.getUTCFullYear() < 1) return undefined;
  return time.toISOString() === key ? time : undefined;
}

/**
 * The key of a cursor over a timestamp column, as a Date. A cursor is opaque but not trusted: a
 * forged key that is no timestamp is a 400 like any other bad parameter, never a failed query.
 */
export function cursorTime(cursor: Cursor): Date {
  const time = parseCursorTime(cursor.key);
  if (time === undefined) {
    throw new DomainError('validation_failed', `cursor ${NOT_OUR_CURSOR}.`, [
      { pointer: '#/cursor', detail: NOT_OUR_CURSOR },
    ]);
  }
  return time;
}

/** The OpenAPI schema of a page of `item`s, named `name` (e.g. `ProductPage`). */
export function pageSchema(item: z.ZodType, name: string): z.ZodType {
  return z
    .object({
      data: z.array(item),
      nextCursor: z
        .string()
        .nullable()
        .describe('Send as `cursor` to get the next page; null on the last page'),
    })
    .meta({ id: name });
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
