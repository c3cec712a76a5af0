import { describe, expect, it } from '@jest/globals';
import { accountOf } from './rate-limit.account.js';

describe('accountOf', () => {
  it('is the trimmed, lower-cased email of the body', () => {
    expect(accountOf({ email: '  Alice@Example.COM ', password: 'x' })).toBe('alice@example.com');
  });

  it.each([undefined, null, 'alice@example.com', [], {}, { email: 42 }, { email: '   ' }])(
    'is undefined without a usable email: %p',
    (body) => {
      expect(accountOf(body)).toBeUndefined();
    },
  );
});
