import { ApiExtension, type OpenAPIObject } from '@nestjs/swagger';
import { STATUS_CODES } from 'node:http';
import { ERROR_CODES, type ErrorCode } from '../errors/error-codes.js';
import { PROBLEM_CONTENT_TYPE } from '../problem/problem-details.js';

/** A problem an operation can answer with. */
export interface DocumentedProblem {
  readonly status: number;
  readonly type: string;
  readonly title: string;
}

function plain(status: number): DocumentedProblem {
  return { status, type: 'about:blank', title: STATUS_CODES[status] ?? 'Error' };
}

/** Problems the HTTP platform itself answers with (RFC 9457 `about:blank`, titled by status). */
export const PLATFORM_PROBLEMS = {
  /** No `Host` (HTTP/1.1), or a body that is not JSON, is empty or has a `__proto__` key. */
  badRequest: plain(400),
  unauthenticated: plain(401),
  bodyTooLarge: plain(413),
  /** A body that is not JSON, or is compressed (`Content-Encoding`). */
  unsupportedMediaType: plain(415),
  /** Readiness: a dependency is not answering, or shutdown has begun. */
  notReady: plain(503),
} as const satisfies Record<string, DocumentedProblem>;

const EXTENSION = 'x-problems';

/**
 * The problems a route answers with besides those every route of its kind shares (see
 * `impliedProblems`): `@ApiProblems('email_taken', 'weak_password')`.
 */
export function ApiProblems(
  ...problems: readonly (ErrorCode | DocumentedProblem)[]
): MethodDecorator {
  const listed = problems.map((problem) => {
    const { status, type, title } = typeof problem === 'string' ? ERROR_CODES[problem] : problem;
    return { status, type, title };
  });
  return ApiExtension(EXTENSION, listed);
}

interface Operation {
  parameters?: { in: string }[];
  requestBody?: unknown;
  security?: Record<string, string[]>[];
  responses: Record<string, unknown>;
  'x-problems'?: DocumentedProblem[];
}

/** What every operation of a kind can answer: validation, authentication, limits, outages. */
function impliedProblems(path: string, operation: Operation): DocumentedProblem[] {
  // Refused before routing, whatever the route (platform/http/request-checks.ts).
  const implied: DocumentedProblem[] = [
    PLATFORM_PROBLEMS.badRequest,
    PLATFORM_PROBLEMS.unsupportedMediaType,
  ];
  if (operation.requestBody !== undefined || (operation.parameters ?? []).length > 0) {
    implied.push(ERROR_CODES.validation_failed);
  }
  if (operation.requestBody !== undefined) {
    implied.push(PLATFORM_PROBLEMS.bodyTooLarge);
  }
  if ((operation.security ?? []).length > 0) {
    // The session (or API key) behind a credential is looked up on every request, and an API
    // key is refused on a route whose scope it lacks (or that declares none).
    implied.push(
      PLATFORM_PROBLEMS.unauthenticated,
      ERROR_CODES.forbidden,
      ERROR_CODES.dependency_unavailable,
    );
  }
  if (!path.startsWith('/health/')) implied.push(ERROR_CODES.rate_limited);
  return implied;
}

const HEADERS: Readonly<Record<number, Record<string, object>>> = {
  401: {
    'WWW-Authenticate': {
      description: '`Bearer realm="api"`, with `error="invalid_token"` when a token was sent.',
      schema: { type: 'string' },
    },
  },
  429: {
    'Retry-After': { description: 'Seconds to wait.', schema: { type: 'integer' } },
    'RateLimit-Limit': { description: 'Requests allowed per window.', schema: { type: 'integer' } },
    'RateLimit-Remaining': { description: 'Requests left (0).', schema: { type: 'integer' } },
    'RateLimit-Reset': {
      description: 'Seconds until the window resets.',
      schema: { type: 'integer' },
    },
  },
  503: {
    'Retry-After': { description: 'Seconds to wait before retrying.', schema: { type: 'integer' } },
  },
};

function slugOf(type: string): string {
  return type === 'about:blank' ? 'about-blank' : type.slice(type.lastIndexOf('/') + 1);
}

/** One response object for every problem of one status: its schema narrows `type` to them. */
function problemResponse(status: number, problems: readonly DocumentedProblem[]): object {
  const byType = new Map(problems.map((problem) => [problem.type, problem]));
  const types = [...byType.keys()];
  return {
    description: [...byType.values()].map(({ title, type }) => `${title} (\`${type}\`)`).join('; '),
    ...(HEADERS[status] ? { headers: HEADERS[status] } : {}),
    content: {
      [PROBLEM_CONTENT_TYPE]: {
        schema: {
          allOf: [
            { $ref: '#/components/schemas/Problem' },
            { properties: { type: { enum: types }, status: { const: status } } },
          ],
        },
        examples: Object.fromEntries(
          [...byType.values()].map(({ type, title }) => [
            slugOf(type),
            { summary: title, value: { type, title, status } },
          ]),
        ),
      },
    },
  };
}

/**
 * Completes every operation's error responses from its `@ApiProblems` and what its kind implies,
 * grouped by status, and marks public operations as such (`security: []`).
 */
export function describeProblems(document: OpenAPIObject): void {
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of ['get', 'put', 'post', 'patch', 'delete'] as const) {
      const operation = item[method] as Operation | undefined;
      if (!operation) continue;
      operation.security ??= [];
      // Success responses declared without a description get the status text ("Created").
      for (const [status, response] of Object.entries(operation.responses)) {
        const declared = response as { description?: string };
        // Nest writes '' when a decorator gave none.
        if ((declared.description ?? '') === '')
          declared.description = STATUS_CODES[status] ?? status;
      }
      const problems = [...(operation['x-problems'] ?? []), ...impliedProblems(path, operation)];
      delete operation['x-problems'];
      const statuses = [...new Set(problems.map(({ status }) => status))].sort((a, b) => a - b);
      for (const status of statuses) {
        const ofStatus = problems.filter((problem) => problem.status === status);
        operation.responses[String(status)] = problemResponse(status, ofStatus);
      }
    }
  }
}
