import { ACCOUNT_TOKEN_PURPOSES, type AccountEventType } from '@libs/commerce';

interface RenderInput {
  readonly type: AccountEventType;
  readonly name: string;
  /** Base URL of the API, for the routes the mail names. */
  readonly publicUrl: string;
  /** The token the mail carries (verification and reset mails). */
  readonly token: string;
}

interface Rendered {
  readonly kind: string;
  readonly subject: string;
  readonly body: string;
}

/** Written into the stored copy of a mail in place of its token: only the hash is kept. */
export const TOKEN_WITHHELD = '[token withheld: only its hash is stored]';

const hours = (ms: number): number => ms / 3_600_000;
const minutes = (ms: number): number => ms / 60_000;

/** The mail of an account event. */
export function renderAccountMail(input: RenderInput): Rendered {
  const greeting = `Hello ${input.name || 'there'},`;
  switch (input.type) {
    case 'account.verification_requested':
      return {
        kind: 'email_verification',
        subject: 'Confirm your email address',
        body: [
          greeting,
          '',
          `please confirm that this address is yours. This token works once, for ${hours(ACCOUNT_TOKEN_PURPOSES.email_verification.lifetimeMs)} hours:`,
          '',
          `  ${input.token}`,
          '',
          `Send it to POST ${input.publicUrl}/v1/auth/email/verify as {"token": "…"}.`,
          '',
          'If you did not create an account, ignore this mail.',
        ].join('\n'),
      };
    case 'account.password_reset_requested':
      return {
        kind: 'password_reset',
        subject: 'Reset your password',
        body: [
          greeting,
          '',
          `someone asked to reset the password of your account. This token works once, for ${minutes(ACCOUNT_TOKEN_PURPOSES.password_reset.lifetimeMs)} minutes:`,
          '',
          `  ${input.token}`,
          '',
          `Send it with your new password to POST ${input.publicUrl}/v1/auth/password/reset as {"token": "…", "password": "…"}.`,
          '',
          'If it was not you, ignore this mail: your password stays as it is.',
        ].join('\n'),
      };
    case 'account.password_changed':
      return {
        kind: 'password_changed',
        subject: 'Your password was changed',
        body: [
          greeting,
          '',
          'the password of your account was just changed, and every device signed in to it was signed out.',
          '',
          `If this was not you, reset your password at once: POST ${input.publicUrl}/v1/auth/password/forgot with {"email": "…"}.`,
        ].join('\n'),
      };
  }
}
