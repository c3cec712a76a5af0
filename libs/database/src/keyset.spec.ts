import { describe, expect, it } from '@jest/globals';
import { Prisma } from './generated/prisma/client.js';
import { keysetAfter } from './keyset.js';

const id = '00000000-0000-4000-8000-000000000001';

describe('keysetAfter', () => {
  it('compares (column, id) as a row, upwards for an ascending listing', () => {
    const condition = keysetAfter(Prisma.raw('"name"'), Prisma.sql`${'Mug'}::varchar`, id, false);
    expect(condition.sql).toBe('("name", "id") > (?::varchar, ?::uuid)');
    expect(condition.values).toEqual(['Mug', id]);
  });

  it('compares downwards for a descending listing', () => {
    const at = new Date('2026-01-01T00:00:00Z');
    const condition = keysetAfter(Prisma.raw('"created_at"'), Prisma.sql`${at}`, id, true);
    expect(condition.sql).toBe('("created_at", "id") < (?, ?::uuid)');
    expect(condition.values).toEqual([at, id]);
  });
});
