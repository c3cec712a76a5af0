/**
 * The account a credential request is about: its JSON body's `email`, trimmed and lower-cased the
 * way accounts are compared (docs/api.md), so `Alice@x.io ` and `alice@x.io` share one counter.
 * Undefined when the body has no usable email; validation answers that request anyway.
 */
export function accountOf(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || !('email' in body)) return undefined;
  const { email } = body;
  if (typeof email !== 'string') return undefined;
  const account = email.trim().toLowerCase();
  return account === '' ? undefined : account;
}
