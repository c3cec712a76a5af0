import { z } from 'zod';
import { presentedPassword } from '../../auth/dto/auth.schemas.js';
import { text } from '../../platform/validation/fields.js';
import type { MfaStatus } from '../mfa.service.js';
import { RECOVERY_CODE_COUNT } from '../recovery-codes.js';

/** The six digits an authenticator app shows. */
const totpCode = z
  .string()
  .regex(/^[0-9]{6}$/, 'must be the 6 digits of your authenticator app')
  .meta({ examples: ['492039'] });

/** 80 characters in practice; bounded loosely so a wrong one (even a JWT) is a 401, not a 400. */
const mfaToken = text({ min: 1, max: 1024 });
/** Case, spaces and dashes do not matter; bounded loosely so a wrong one is a 401. */
const recoveryCode = text({ min: 1, max: 64 }).meta({ examples: ['7kq2-9xm4-c8vd-3hpt'] });

export const userIdParam = z.uuid();

export const confirmTotpBody = z.strictObject({ code: totpCode });

export const disableTotpBody = z.strictObject({ password: presentedPassword, code: totpCode });

export const verifyMfaBody = z
  .union([z.strictObject({ mfaToken, code: totpCode }), z.strictObject({ mfaToken, recoveryCode })])
  .meta({
    description:
      'The mfaToken of the sign-in, and either a code of the authenticator app or a recovery code.',
  });

export const totpEnrolmentResponse = z
  .object({
    /** Base32 (RFC 4648), for typing into an authenticator app. */
    secret: z
      .string()
      .describe('The shared secret in base32, for typing into an authenticator app'),
    uri: z
      .string()
      .startsWith('otpauth://totp/')
      .describe('The same secret as an otpauth:// URI, to show as a QR code'),
  })
  .meta({
    id: 'TotpEnrolment',
    examples: [
      {
        secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
        uri: 'otpauth://totp/Example%20API:ada%40example.com?issuer=Example%20API&secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&algorithm=SHA1&digits=6&period=30',
      },
    ],
  });
export type TotpEnrolmentResponse = z.infer<typeof totpEnrolmentResponse>;

export const mfaStatusResponse = z
  .object({
    enabled: z.boolean().describe('A password sign-in asks for a code of the authenticator app'),
    enabledAt: z.iso
      .datetime()
      .nullable()
      .describe('When the authenticator was confirmed; null while TOTP is off'),
    recoveryCodesRemaining: z
      .number()
      .int()
      .min(0)
      .max(RECOVERY_CODE_COUNT)
      .describe('Recovery codes not used yet; 0 while TOTP is off'),
  })
  .meta({
    id: 'MfaStatus',
    examples: [{ enabled: true, enabledAt: '2026-01-15T09:30:00.000Z', recoveryCodesRemaining: 9 }],
  });
export type MfaStatusResponse = z.infer<typeof mfaStatusResponse>;

export function toMfaStatusResponse(status: MfaStatus): MfaStatusResponse {
  return {
    enabled: status.enabled,
    enabledAt: status.enabledAt?.toISOString() ?? null,
    recoveryCodesRemaining: status.recoveryCodesRemaining,
  };
}

export const recoveryCodesResponse = z
  .object({
    recoveryCodes: z
      .array(z.string())
      .length(RECOVERY_CODE_COUNT)
      .describe('Single-use codes for signing in without the app: shown this once, stored hashed'),
  })
  .meta({ id: 'RecoveryCodes' });
export type RecoveryCodesResponse = z.infer<typeof recoveryCodesResponse>;

export const mfaChallengeResponse = z
  .object({
    mfaRequired: z.literal(true),
    mfaToken: z
      .string()
      .describe(
        'Send it to POST /v1/auth/mfa/verify with a code; it is no access or refresh token',
      ),
    expiresIn: z.number().int().describe('Seconds the mfaToken stays usable'),
  })
  .meta({
    id: 'MfaChallenge',
    examples: [
      {
        mfaRequired: true,
        mfaToken:
          'mfa_01936f8e5c3a7b1e9d2f4a6b8c0d2e4f_Xv3qP2dL8mN0rT5wY7zA1bC4eF6gH9jK2lM5nP8qR0s',
        expiresIn: 300,
      },
    ],
  });
export type MfaChallengeResponse = z.infer<typeof mfaChallengeResponse>;
