import { describe, expect, it } from '@jest/globals';
import { containsPattern } from './like-pattern.js';

describe('containsPattern', () => {
  it.each([
    ['mug', '%mug%'],
    ['50%', '%50\\%%'],
    ['a_b', '%a\\_b%'],
    ['back\\slash', '%back\\\\slash%'],
  ])('%s → %s', (text, pattern) => {
    expect(containsPattern(text)).toBe(pattern);
  });
});
