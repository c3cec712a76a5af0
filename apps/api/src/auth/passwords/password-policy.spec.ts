import { describe, expect, it } from '@jest/globals';
import { accountWords, passwordLength, passwordWeakness } from './password-policy.js';

const GRACE = { email: 'Grace.Hopper@example.com', name: 'Grace Brewster Hopper' };

describe('password policy', () => {
  it('counts code points, so emoji and accents count once', () => {
    expect(passwordLength('😀😀😀')).toBe(3);
    expect(passwordLength('éééé')).toBe(4);
  });

  it.each(['qwerty123456', '1QAZ2WSX3EDC', '123qweasdzxc', 'iloveyou1234', 'password1234'])(
    'refuses the common %s',
    (password) => {
      expect(passwordWeakness(password)).toMatch(/too easy to guess/);
    },
  );

  it.each([
    ['appended digits', 'password1234567'],
    ['appended digits', 'letmein12345678'],
    ['a year and punctuation', 'Password2024!!'],
    ['a name, a year and punctuation', 'Jennifer1984!!'],
    ['a season and a year', 'Summer2025!!!'],
    ['l33t and a year', 'P@ssw0rd2024!'],
    ['a keyboard walk', 'zaq1xsw2cde3'],
    ['a keyboard walk with digits', 'asdfghjkl;123'],
    ['a keyboard walk on a longer run', '1qaz2wsx3edc4rfv'],
    ['a repeated word', 'hunter2hunter2'],
    ['a repeated character', 'aaaaaaaaaaaaaaa'],
    ['a sequence', 'abcdefghijklm'],
  ])('refuses a predictable variant (%s): %s', (_kind, password) => {
    expect(passwordWeakness(password)).toMatch(/too easy to guess/);
  });

  it.each([
    'grace.hopper-1906!',
    'gracehopper2024',
    'GraceHopper!2024',
    'hopper.grace77',
    'Hopper.Grace.77',
    'brewster-hopper-1',
    'Brewster1906!!',
  ])('refuses %s, built from the account’s email or name', (password) => {
    expect(passwordWeakness(password, GRACE)).toMatch(/too easy to guess/);
  });

  it('says why, in words a person can act on', () => {
    expect(passwordWeakness('password1234567')).toBe(
      'This password is too easy to guess. This is similar to a commonly used password. Add more words that are less common.',
    );
  });

  it('says what to do when zxcvbn names no pattern', () => {
    expect(passwordWeakness('averylongpassword123')).toBe(
      'This password is too easy to guess. Add another word or two: a few uncommon words together are strong and easy to remember.',
    );
  });

  it.each([
    'correct horse battery staple',
    'a quiet walk in the mist 42',
    'x7#Kp2!vQm9@',
    'Tr0ub4dor&3xyz',
    'river stone lamp',
  ])('accepts the unusual %s', (password) => {
    expect(passwordWeakness(password, GRACE)).toBeUndefined();
  });

  it('says when a password is mostly the account’s own words', () => {
    expect(passwordWeakness('Hopper.Grace.77', GRACE)).toBe(
      'This password is too easy to guess. It is made mostly of your email address or name.',
    );
  });

  it('accepts a strong passphrase that merely mentions the name', () => {
    expect(passwordWeakness('grace walks the quiet misty harbour', GRACE)).toBeUndefined();
  });

  it('estimates long passwords quickly enough for the request path', () => {
    const started = performance.now();
    passwordWeakness('Zq8!mW3rT6yP'.repeat(10), GRACE);
    // Only the first 64 characters are estimated; unbounded, this input takes about a second.
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe('accountWords', () => {
  it('splits the email name into its pieces and adds the display name', () => {
    expect(accountWords(GRACE)).toEqual([
      'grace.hopper@example.com',
      'grace.hopper',
      'gracehopper',
      'grace',
      'hopper',
      'brewster',
    ]);
  });

  it('ignores pieces too short to mean anything', () => {
    expect(accountWords({ email: 'a.b@example.com' })).toEqual(['a.b@example.com', 'a.b']);
  });
});
