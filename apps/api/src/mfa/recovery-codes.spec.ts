import { describe, expect, it } from '@jest/globals';
import {
  RECOVERY_CODE_COUNT,
  hashRecoveryCode,
  newRecoveryCodes,
  normaliseRecoveryCode,
} from './recovery-codes.js';

describe('recovery codes', () => {
  it('are 10 codes of 16 base32 characters (80 bits), in groups of four', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(RECOVERY_CODE_COUNT);
    for (const code of codes)
      expect(code).toMatch(/^[0-9a-hjkmnp-tv-z]{4}(-[0-9a-hjkmnp-tv-z]{4}){3}$/);
  });

  it('forgive case, spaces, dashes and look-alike letters when typed', () => {
    expect(normaliseRecoveryCode(' 7KQ2 9XM4-c8vd-3hpt ')).toBe('7kq29xm4c8vd3hpt');
    expect(normaliseRecoveryCode('OIL0-0000-0000-0000')).toBe('0110000000000000');
    expect(hashRecoveryCode('7kq2-9xm4-c8vd-3hpt')).toBe(hashRecoveryCode('7KQ29XM4C8VD3HPT'));
  });

  it.each(['', 'short', '7kq2-9xm4-c8vd-3hpu', '7kq2-9xm4-c8vd-3hpt-0', '7kq2_9xm4_c8vd_3hpt'])(
    'refuse what cannot be a code: %p',
    (typed) => {
      expect(normaliseRecoveryCode(typed)).toBeNull();
      expect(hashRecoveryCode(typed)).toBeNull();
    },
  );
});
