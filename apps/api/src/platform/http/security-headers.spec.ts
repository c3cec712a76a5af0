import { describe, expect, it } from '@jest/globals';
import { SECURITY_HEADERS, contentSecurityPolicyFor } from './security-headers.js';

describe('SECURITY_HEADERS', () => {
  it('has helmet’s headers with our HSTS, the API policy and no caching', () => {
    expect(SECURITY_HEADERS).toEqual(
      expect.objectContaining({
        'strict-transport-security': 'max-age=31536000; includeSubDomains',
        'content-security-policy': expect.stringContaining("default-src 'none'"),
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'SAMEORIGIN',
        'referrer-policy': 'no-referrer',
        'cross-origin-resource-policy': 'same-origin',
        'cross-origin-opener-policy': 'same-origin',
        'cache-control': 'no-store',
      }),
    );
    expect(SECURITY_HEADERS).not.toHaveProperty('x-powered-by');
    expect(SECURITY_HEADERS).not.toHaveProperty('cross-origin-embedder-policy');
  });

  it.each([
    ['/v1/orders', "default-src 'none'"],
    ['/docs', "default-src 'self'"],
    ['/docs?urls.primaryName=v1', "default-src 'self'"],
    ['/docs/swagger-ui.css', "default-src 'self'"],
    ['/docsx', "default-src 'none'"],
  ])('gives %s the policy starting %j', (url, start) => {
    expect(contentSecurityPolicyFor(url)).toMatch(new RegExp(`^${start}`));
  });
});
