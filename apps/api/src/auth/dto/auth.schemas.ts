import { z } from 'zod';
import { displayName, email } from '../../users/dto/user.schemas.js';
import { text } from '../../platform/validation/fields.js';
import { PASSWORD_MAX, PASSWORD_MIN, passwordLength } from '../passwords/password-policy.js';

/** A new password: 12–128 characters (code points), any characters, never truncated. */
export const newPassword = z
  .string()
  .refine(
    (value) => passwordLength(value) >= PASSWORD_MIN,
    `must have at least ${PASSWORD_MIN} characters`,
  )
  .refine(
    (value) => passwordLength(value) <= PASSWORD_MAX,
    `must have at most ${PASSWORD_MAX} characters`,
  )
  .refine((value) => !value.includes('\u0000'), 'must not contain NUL characters')
  .meta({ minLength: PASSWORD_MIN, maxLength: PASSWORD_MAX, format: 'password' });

/** A password being checked, not set: only bounded, so old or odd passwords still get a clean 401. */
export const presentedPassword = z.string().min(1).max(1024).meta({ format: 'password' });

/** 43 characters of base64url in practice; bounded loosely so a wrong one is a 401, not a 400. */
const refreshToken = text({ min: 1, max: 512 });

export const registerBody = z
  .strictObject({ email, password: newPassword, name: displayName.optional() })
  .meta({
    examples: [
      { email: 'ada@example.com', password: 'correct horse battery staple', name: 'Ada Lovelace' },
    ],
  });
export const loginBody = z
  .strictObject({ email, password: presentedPassword })
  .meta({ examples: [{ email: 'ada@example.com', password: 'correct horse battery staple' }] });
export const refreshBody = z.strictObject({ refreshToken });
export const logoutBody = z.strictObject({ refreshToken: refreshToken.optional() }).optional();
export const changePasswordBody = z.strictObject({
  currentPassword: presentedPassword,
  newPassword,
});
