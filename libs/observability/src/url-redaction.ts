/** What a secret is replaced with, in log lines and span attributes alike. */
export const REDACTED = '[redacted]';

/**
 * `a=1&b=2` → `a=[redacted]&b=[redacted]`. Query values can be credentials (an OIDC callback
 * carries the authorization code there): their names stay for debugging, values never leave.
 */
export function redactQuery(query: string): string {
  if (query === '') return query;
  return query
    .split('&')
    .map((pair) => `${pair.split('=')[0] ?? ''}=${REDACTED}`)
    .join('&');
}

/** `/path?code=x` → `/path?code=[redacted]`; a URL without a query is returned as it is. */
export function redactUrl(url: string): string {
  const start = url.indexOf('?');
  return start < 0 ? url : `${url.slice(0, start)}?${redactQuery(url.slice(start + 1))}`;
}

/** A parsed query (`{ code: 'x' }`) with every value replaced; anything else is returned as is. */
export function redactQueryObject(query: unknown): unknown {
  if (typeof query !== 'object' || query === null) return query;
  return Object.fromEntries(Object.keys(query).map((name) => [name, REDACTED]));
}
