import { describe, expect, it } from '@jest/globals';
import { cursorTime, encodeCursor, pageQuery, toPage } from './cursor.js';

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

  it.each(['not a date', '1e999', ''])('refuses a forged key %j as a 400 at #/cursor', (key) => {
    expect(() => cursorTime({ key, id: ID })).toThrow(
      expect.objectContaining({
        code: 'validation_failed',
        errors: [expect.objectContaining({ pointer: '#/cursor' })],
      }),
    );
  });
});
