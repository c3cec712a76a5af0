import { Secret, TOTP } from 'otpauth';

/**
 * TOTP as authenticator apps do it (RFC 6238 defaults: HMAC-SHA-1, 6 digits, 30-second steps),
 * computed by `otpauth`. Time always comes from the caller (the injected clock).
 */
export const TOTP_PERIOD_SECONDS = 30;
const DIGITS = 6;
const ALGORITHM = 'SHA1';
/** Codes of the step before and after now are accepted too: clocks drift, people type slowly. */
const WINDOW = 1;

/** otpauth's Secret over a copy of the bytes (a Buffer may be a view into a larger pool). */
const secretOf = (secret: Buffer): Secret => new Secret({ buffer: new Uint8Array(secret).buffer });

/** A new shared secret: 160 bits (RFC 4226's recommended length), as raw bytes. */
export function newTotpSecret(): Buffer {
  return Buffer.from(new Secret({ size: 20 }).bytes);
}

/** The secret as people type it into an authenticator app (RFC 4648 base32). */
export function base32Of(secret: Buffer): string {
  return secretOf(secret).base32;
}

/** The `otpauth://totp/…` URI an authenticator app reads from a QR code. */
export function otpauthUri(secret: Buffer, issuer: string, account: string): string {
  return new TOTP({
    issuer,
    label: account,
    secret: secretOf(secret),
    algorithm: ALGORITHM,
    digits: DIGITS,
    period: TOTP_PERIOD_SECONDS,
  }).toString();
}

/**
 * The time step whose code `code` is, within one step of `now`, or null. Callers accept a step
 * only once (later than the last accepted one), so a code cannot be replayed.
 */
export function matchingStep(secret: Buffer, code: string, now: Date): number | null {
  const timestamp = now.getTime();
  const delta = TOTP.validate({
    token: code,
    secret: secretOf(secret),
    algorithm: ALGORITHM,
    digits: DIGITS,
    period: TOTP_PERIOD_SECONDS,
    timestamp,
    window: WINDOW,
  });
  return delta === null ? null : TOTP.counter({ period: TOTP_PERIOD_SECONDS, timestamp }) + delta;
}
