export const RETURN_TO_MAX_LENGTH = 512;

/** Any origin works: a relative path resolved against it must stay on it. */
const PROBE_ORIGIN = 'https://return-to.invalid';

/**
 * Whether `value` is a path on this site, safe to send the user back to after sign-in (no open
 * redirect). Backslashes, whitespace and control characters are refused outright because
 * browsers normalise them away, turning `/\evil.example` or `/\t/evil.example` into `//evil.example`.
 */
export function isSafeReturnTo(value: string): boolean {
  if (value.length === 0 || value.length > RETURN_TO_MAX_LENGTH) return false;
  if (!value.startsWith('/') || value.startsWith('//')) return false;
  // eslint-disable-next-line no-control-regex -- refusing control characters is the point
  if (/[\\\s\u0000-\u001f\u007f]/.test(value)) return false;
  try {
    return new URL(value, PROBE_ORIGIN).origin === PROBE_ORIGIN;
  } catch {
    return false;
  }
}
