import { describe, expect, it } from '@jest/globals';
import { REDACTED, redactQuery, redactQueryObject, redactUrl } from './url-redaction.js';

describe('URL redaction', () => {
  it('keeps the names of query parameters and drops every value', () => {
    expect(
      redactUrl('/v1/auth/oidc/corp/callback?code=s3cret&state=abc&iss=https%3A%2F%2Fid'),
    ).toBe(`/v1/auth/oidc/corp/callback?code=${REDACTED}&state=${REDACTED}&iss=${REDACTED}`);
  });

  it('redacts valueless and repeated parameters alike', () => {
    expect(redactQuery('flag&token=a&token=b')).toBe(
      `flag=${REDACTED}&token=${REDACTED}&token=${REDACTED}`,
    );
  });

  it('returns a URL without a query, or an empty query, as it is', () => {
    expect(redactUrl('/v1/products/7')).toBe('/v1/products/7');
    expect(redactQuery('')).toBe('');
  });

  it('redacts the values of a parsed query, and leaves what is not one alone', () => {
    expect(redactQueryObject({ code: 'x', state: ['a', 'b'] })).toEqual({
      code: REDACTED,
      state: REDACTED,
    });
    expect(redactQueryObject(undefined)).toBeUndefined();
    expect(redactQueryObject('code=x')).toBe('code=x');
  });
});
