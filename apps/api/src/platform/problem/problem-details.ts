import { STATUS_CODES } from 'node:http';

/** One invalid field: a JSON pointer into the request (`#/items/0/quantity`) and why. */
export interface FieldError {
  readonly pointer: string;
  readonly detail: string;
}

/** RFC 9457 problem details, the body of every error response. */
export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly instance?: string;
  readonly traceId?: string;
  readonly errors?: readonly FieldError[];
  /** Extension members (RFC 9457 §3.2), e.g. `checks` on a failed readiness probe. */
  readonly [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/**
 * A problem with no more specific type: RFC 9457 says `about:blank`, titled by the HTTP status.
 * Specific problem types use `/problems/<slug>` (documented in the OpenAPI document).
 */
export function problem(
  status: number,
  fields: Omit<Partial<ProblemDetails>, 'status'> = {},
): ProblemDetails {
  return {
    type: 'about:blank',
    title: STATUS_CODES[status] ?? 'Error',
    ...fields,
    status,
  };
}

/** Escapes one path segment for a JSON pointer (RFC 6901). */
function escapeSegment(segment: PropertyKey): string {
  return String(segment).replaceAll('~', '~0').replaceAll('/', '~1');
}

/** `['items', 0, 'quantity']` → `#/items/0/quantity`; the empty path is the whole document `#`. */
export function toJsonPointer(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '#' : `#/${path.map(escapeSegment).join('/')}`;
}
