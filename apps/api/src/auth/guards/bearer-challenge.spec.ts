import { describe, expect, it } from '@jest/globals';
import { type BearerFailure, bearerChallenge } from './bearer-challenge.js';

const refused: BearerFailure[] = [
  'expired',
  'unknown-key',
  'invalid',
  'session-ended',
  'api-key-refused',
];

describe('bearerChallenge', () => {
  it('answers a missing token with a bare challenge (RFC 6750 §3.1)', () => {
    expect(bearerChallenge('missing')).toEqual({
      detail: 'This route needs a bearer access token.',
      challenge: 'Bearer realm="api"',
    });
  });

  it.each(refused)(
    'names why a %s token was refused, in the detail and the challenge',
    (failure) => {
      const { detail, challenge } = bearerChallenge(failure);
      expect(challenge).toMatch(/^Bearer realm="api", error="invalid_token", error_description="/);
      expect(challenge).toContain(detail.replace(/\.$/, ''));
      // error_description allows %x20-21 / %x23-5B / %x5D-7E: no quote, no backslash, ASCII only.
      const description = /error_description="(.*)"$/.exec(challenge)?.[1] ?? '';
      expect(description).toMatch(/^[\x20\x21\x23-\x5b\x5d-\x7e]+$/);
    },
  );

  it('gives every failure its own message', () => {
    const details = refused.map((failure) => bearerChallenge(failure).detail);
    expect(new Set(details).size).toBe(refused.length);
  });

  it('tells a token signed by another key apart from a malformed one', () => {
    expect(bearerChallenge('unknown-key').detail).toMatch(/not signed by a key this server holds/);
    expect(bearerChallenge('expired').detail).toMatch(/expired.*\/v1\/auth\/refresh/);
  });
});
