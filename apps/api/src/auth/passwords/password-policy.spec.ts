import { describe, expect, it } from '@jest/globals';
import { passwordLength, passwordWeakness } from './password-policy.js';

describe('password policy', () => {
  it('counts code points, so emoji and accents count once', () => {
    expect(passwordLength('😀😀😀')).toBe(3);
    expect(passwordLength('éééé')).toBe(4);
  });

  it.each(['qwerty123456', '1QAZ2WSX3EDC', '123qweasdzxc'])('refuses the common %s', (password) => {
    expect(passwordWeakness(password)).toMatch(/most common/);
  });

  it('refuses a repeated character', () => {
    expect(passwordWeakness('aaaaaaaaaaaaaaa')).toMatch(/repeats/);
  });

  it('refuses a password containing the email name', () => {
    expect(passwordWeakness('grace.hopper-1906!', 'Grace.Hopper@example.com')).toMatch(/email/);
  });

  it('accepts a long unusual passphrase', () => {
    expect(passwordWeakness('correct horse battery staple', 'ada@example.com')).toBeUndefined();
  });
});
