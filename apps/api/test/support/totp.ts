import { Secret, TOTP } from 'otpauth';

/**
 * What an authenticator app would show for `secret` (base32) at `at`, `steps` time steps away:
 * tests compute codes independently of the service, with the library apps are tested against.
 */
export function totpCode(secret: string, at: Date, steps = 0): string {
  return TOTP.generate({
    secret: Secret.fromBase32(secret),
    timestamp: at.getTime() + steps * 30_000,
  });
}

/** The secret in an otpauth:// URI. */
export function secretOfUri(uri: string): string {
  return new URL(uri).searchParams.get('secret') ?? '';
}
