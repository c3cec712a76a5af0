import { describe, expect, it } from '@jest/globals';
import { isSafeReturnTo, RETURN_TO_MAX_LENGTH } from './return-to.js';

describe('isSafeReturnTo', () => {
  it.each(['/', '/orders', '/orders/42?tab=items#top', '/a:b', '/search?q=https://x.example'])(
    'accepts the relative path %j',
    (value) => {
      expect(isSafeReturnTo(value)).toBe(true);
    },
  );

  it.each([
    ['empty', ''],
    ['absolute URL', 'https://evil.example/'],
    ['scheme without slashes', 'javascript:alert(1)'],
    ['protocol-relative', '//evil.example'],
    ['protocol-relative with path', '//evil.example/orders'],
    ['backslash', '/\\evil.example'],
    ['backslashes only', '\\\\evil.example'],
    ['tab browsers strip', '/\t/evil.example'],
    ['newline', '/\n/evil.example'],
    ['space', '/ /evil.example'],
    ['NUL', '/orders\u0000'],
    ['relative without slash', 'orders'],
    ['dot path', './orders'],
  ])('refuses %s', (_, value) => {
    expect(isSafeReturnTo(value)).toBe(false);
  });

  it('bounds the length', () => {
    expect(isSafeReturnTo(`/${'a'.repeat(RETURN_TO_MAX_LENGTH - 1)}`)).toBe(true);
    expect(isSafeReturnTo(`/${'a'.repeat(RETURN_TO_MAX_LENGTH)}`)).toBe(false);
  });
});
