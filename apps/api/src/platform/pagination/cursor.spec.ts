import { describe, expect, it } from '@jest/globals';
import { validate } from '../../../test/support/validate.js';
import {
  CURSOR_MAX_LENGTH,
  NOT_OUR_CURSOR,
  cursorTime,
  encodeCursor,
  pageQuery,
  parseCursorTime,
  toPage,
} from './cursor.js';

const ID = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';

describe('pageQuery', () => {
  it('defaults limit to 20 and accepts a cursor it issued', () => {
    const cursor = encodeCursor({ key: '2026-01-01T00:00:00.000Z', id: ID });
    expect(pageQuery.parse({ cursor })).toEqual({
      limit: 20,
      cursor: { key: '2026-01-01T00:00:00.000Z', id: ID },
    });
  });

  it.each([
    { limit: '0' },
    { limit: '101' },
    { limit: '1.5' },
    { limit: 'ten' },
    { cursor: 'garbage' },
  ])('rejects %j', (query) => {
    expect(pageQuery.safeParse(query).success).toBe(false);
  });

  it('issues cursors within its own bound, even for the longest keys', () => {
    const key = '\u0001'.repeat(300);
    const cursor = encodeCursor({ key, id: ID });
    expect(cursor.length).toBeLessThanOrEqual(CURSOR_MAX_LENGTH);
    expect(pageQuery.parse({ cursor }).cursor).toEqual({ key, id: ID });
  });

  it.each([
    ['longer than the bound', 'A'.repeat(CURSOR_MAX_LENGTH + 1)],
    ['with NUL', `${encodeCursor({ key: 'k', id: ID })}\u0000`],
    ['padded base64', `${encodeCursor({ key: 'k', id: ID })}=`],
    ['a key with NUL', encodeCursor({ key: 'a\u0000b', id: ID })],
    ['a key of 301 characters', encodeCursor({ key: 'x'.repeat(301), id: ID })],
    ['an id that is no UUID', encodeCursor({ key: 'k', id: 'x' })],
  ])('refuses a cursor %s at #/cursor, with one issue', (_case, cursor) => {
    const result = pageQuery.safeParse({ cursor });
    expect(result.error?.issues).toEqual([expect.objectContaining({ path: ['cursor'] })]);
  });

  const forged = (payload: unknown): string =>
    Buffer.from(JSON.stringify(payload)).toString('base64url');

  it.each([
    ['of 1,201 characters that decode to no JSON', 'a'.repeat(1_201)],
    ['with characters outside base64url', 'abc+/=='],
    ['of JSON that is not a cursor', forged({ x: 1 })],
    ['of a JSON array', forged([1, 2])],
    ['with a key of the wrong type', forged({ k: 7, i: ID })],
    ['with SQL for an id', forged({ k: '2026-01-01T00:00:00.000Z', i: "1' OR '1'='1" })],
    ['with a member more', forged({ k: 'k', i: ID, admin: true })],
  ])(
    'answers a cursor %s as a route would: a 400 at #/cursor, saying why',
    async (_case, cursor) => {
      await expect(validate(pageQuery, { cursor }, 'query')).resolves.toEqual({
        errors: [{ pointer: '#/cursor', detail: expect.stringContaining(NOT_OUR_CURSOR) }],
      });
    },
  );

  it('rejects unknown query parameters', () => {
    expect(pageQuery.safeParse({ offset: '10' }).success).toBe(false);
  });
});

describe('toPage', () => {
  const rows = [1, 2, 3].map((n) => ({ n, id: ID }));
  const cursorOf = (row: { n: number; id: string }) => ({ key: String(row.n), id: row.id });

  it('returns a cursor when more rows than the limit were fetched', () => {
    const page = toPage(rows, 2, cursorOf, (row) => row.n);
    expect(page.data).toEqual([1, 2]);
    expect(page.nextCursor).toBe(encodeCursor({ key: '2', id: ID }));
  });

  it('returns null on the last page', () => {
    expect(toPage(rows, 3, cursorOf, (row) => row.n).nextCursor).toBeNull();
  });
});

describe('cursorTime', () => {
  it('reads the timestamp a cursor carries', () => {
    const key = '2026-01-01T00:00:00.000Z';
    expect(cursorTime({ key, id: ID })).toEqual(new Date(key));
  });

  it.each([
    'not a date',
    '1e999',
    '',
    '2026-01-01',
    '2026-01-01T00:00:00Z',
    '2026-02-30T00:00:00.000Z',
    '0000-01-01T00:00:00.000Z',
    '+275760-09-13T00:00:00.000Z',
  ])('refuses a forged key %j as a 400 at #/cursor', (key) => {
    expect(parseCursorTime(key)).toBeUndefined();
    expect(() => cursorTime({ key, id: ID })).toThrow(
      expect.objectContaining({
        code: 'validation_failed',
        errors: [expect.objectContaining({ pointer: '#/cursor' })],
      }),
    );
  });
});
