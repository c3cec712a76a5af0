import { describe, expect, it } from '@jest/globals';
import { etagOf, ifNoneMatchHits, versionRequiredBy } from './etag.js';

describe('etag', () => {
  it('is the quoted version', () => {
    expect(etagOf(7)).toBe('"7"');
  });

  it.each([
    [undefined, false],
    ['"7"', true],
    ['W/"7"', true],
    ['"6", "7"', true],
    ['*', true],
    ['"6"', false],
    ['7', false],
  ])('If-None-Match %s hits "7": %s', (header, hits) => {
    expect(ifNoneMatchHits(header, '"7"')).toBe(hits);
  });

  it.each([
    [undefined, undefined],
    ['*', undefined],
    ['"7"', 7],
    [' "7" ', 7],
    ['W/"7"', null],
    ['"7", "8"', null],
    ['"x"', null],
    ['"99999999999"', null],
  ])('If-Match %s requires version %s', (header, version) => {
    expect(versionRequiredBy(header)).toBe(version);
  });
});
