import { describe, expect, it } from '@jest/globals';
import { text } from './fields.js';

describe('text()', () => {
  const name = text({ min: 1, max: 5 });

  it('accepts strings within the bounds, including astral characters', () => {
    expect(name.safeParse('abc').success).toBe(true);
    expect(name.safeParse('😀').success).toBe(true);
  });

  it.each([
    ['too short', ''],
    ['too long', 'abcdef'],
    ['a NUL character', 'a\u0000b'],
    ['a lone high surrogate', 'a\uD800'],
    ['a lone low surrogate', '\uDC00a'],
  ])('rejects %s', (_case, value) => {
    expect(name.safeParse(value).success).toBe(false);
  });

  it('rejects non-strings, such as query operator objects', () => {
    expect(name.safeParse({ contains: 'a' }).success).toBe(false);
  });
});
