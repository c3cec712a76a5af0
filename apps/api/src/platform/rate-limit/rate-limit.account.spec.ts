import { describe, expect, it } from '@jest/globals';
import { newMfaToken } from '../../mfa/mfa-token.js';
import { accountOf } from './rate-limit.account.js';

describe('accountOf', () => {
  it('is the trimmed, lower-cased email of the body', () => {
    expect(accountOf({ email: '  Alice@Example.COM ', password: 'x' })).toBe('alice@example.com');
  });

  it('is the user id inside an mfaToken (the second sign-in step)', () => {
    const userId = '01936f8e-5c3a-7b1e-9d2f-4a6b8c0d2e4f';
    const { token } = newMfaToken(userId);
    expect(accountOf({ mfaToken: token, code: '123456' })).toBe(`user:${userId}`);
    expect(accountOf({ mfaToken: 'made up', code: '123456' })).toBeUndefined();
  });

  it.each([undefined, null, 'alice@example.com', [], {}, { email: 42 }, { email: '   ' }])(
    'is undefined without a usable email: %p',
    (body) => {
      expect(accountOf(body)).toBeUndefined();
    },
  );
});
