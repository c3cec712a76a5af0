import { describe, expect, it } from '@jest/globals';
import type { IncomingMessage } from 'node:http';
import { requestIdOf } from './request-id.js';

const withHeader = (value?: string | string[]): IncomingMessage =>
  Object.assign(Object.create(null) as IncomingMessage, {
    headers: value === undefined ? {} : { 'x-request-id': value },
  });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('requestIdOf', () => {
  it('echoes a sane caller id', () => {
    expect(requestIdOf(withHeader('abc-123_x.y:z'))).toBe('abc-123_x.y:z');
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['too long', 'a'.repeat(129)],
    ['with a newline (log forging)', 'abc\ninjected'],
    ['with spaces', 'a b'],
    ['repeated header', ['a', 'b']],
  ])('replaces a %s id with a UUID', (_case, value) => {
    expect(requestIdOf(withHeader(value))).toMatch(UUID);
  });
});
