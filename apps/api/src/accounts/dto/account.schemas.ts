import { z } from 'zod';
import { newPassword } from '../../auth/dto/auth.schemas.js';
import { text } from '../../platform/validation/fields.js';
import { email } from '../../users/dto/user.schemas.js';

/**
 * A token from an account mail: 43 characters of base64url in practice; bounded loosely, so a
 * mistyped one is refused as invalid (400 invalid-account-token), not as malformed.
 */
const accountToken = text({ min: 1, max: 512 }).trim().min(1);
const TOKEN_EXAMPLE = 'q1Hk0dW9Jt3qZ2Xl8mYc4vB7nR6sT5uP0aE1fG2hI3j';

export const verifyEmailBody = z
  .strictObject({ token: accountToken })
  .meta({ examples: [{ token: TOKEN_EXAMPLE }] });

export const forgotPasswordBody = z
  .strictObject({ email })
  .meta({ examples: [{ email: 'ada@example.com' }] });

export const resetPasswordBody = z
  .strictObject({ token: accountToken, password: newPassword })
  .meta({ examples: [{ token: TOKEN_EXAMPLE, password: 'correct horse battery staple' }] });

/** The answer to a mail request: accepted, and nothing about whether or where it is sent. */
export const mailRequestedResponse = z
  .object({ status: z.literal('accepted'), detail: z.string() })
  .meta({ id: 'MailRequested' });
export type MailRequestedResponse = z.infer<typeof mailRequestedResponse>;

export const RESET_REQUESTED: MailRequestedResponse = {
  status: 'accepted',
  detail:
    'If an account has this email, a mail with a reset token is on its way. The token works once, for 30 minutes.',
};

export const VERIFICATION_REQUESTED: MailRequestedResponse = {
  status: 'accepted',
  detail:
    'A new verification mail is on its way; its token replaces the earlier one and works once, for 24 hours.',
};
