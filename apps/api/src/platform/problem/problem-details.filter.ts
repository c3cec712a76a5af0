import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  Logger,
} from '@nestjs/common';
import { isDatabaseUnavailableError } from '@libs/database';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../errors/domain-error.js';
import { ERROR_CODES } from '../errors/error-codes.js';
import type { AllowedMethods } from '../http/allowed-methods.js';
import { PROBLEM_CONTENT_TYPE, type ProblemDetails, problem } from './problem-details.js';
import { ProblemException } from './problem.exception.js';

interface Answer {
  readonly problem: ProblemDetails;
  readonly headers?: Readonly<Record<string, string>>;
}

/** Fastify's own client errors (body parsing, content type), told apart by their code. */
const FASTIFY_ERRORS: Readonly<Record<string, (limit: number) => string>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: (limit) => `Request body is larger than ${limit} bytes.`,
  FST_ERR_CTP_INVALID_MEDIA_TYPE: () => 'Content-Type must be application/json.',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: () => 'Content-Length does not match the body.',
  FST_ERR_CTP_EMPTY_JSON_BODY: () => 'Request body is empty but Content-Type is application/json.',
  FST_ERR_CTP_INVALID_JSON_BODY: () => 'Request body is not valid JSON.',
};

function fastifyErrorCode(error: unknown): string | undefined {
  if (!(error instanceof HttpException) || !(error.cause instanceof Error)) return undefined;
  const code = (error.cause as Error & { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * Turns every error into RFC 9457 problem details. The one place where exceptions become HTTP
 * answers: nothing else writes error bodies, and nothing internal (stack, SQL, Prisma codes,
 * file paths) ever reaches the client; 5xx causes are logged instead.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problem');

  constructor(
    private readonly allowedMethods: AllowedMethods,
    private readonly bodyLimit: number,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const answer = this.answer(exception, request);
    if (answer.problem.status >= 500 && !(exception instanceof ProblemException)) {
      this.logger.error({ err: exception, requestId: request.id }, 'request failed');
    }
    if (reply.sent) return;
    const body: ProblemDetails = { ...answer.problem, instance: request.url.split('?', 1)[0] };
    void reply
      .status(body.status)
      .headers({ ...answer.headers, 'content-type': `${PROBLEM_CONTENT_TYPE}; charset=utf-8` })
      .send(JSON.stringify(body));
  }

  private answer(exception: unknown, request: FastifyRequest): Answer {
    if (exception instanceof ProblemException) {
      return { problem: exception.problem, headers: exception.headers };
    }
    if (exception instanceof DomainError) {
      const entry: { status: number; type: string; title: string; retryAfterSeconds?: number } =
        ERROR_CODES[exception.code];
      const { status, type, title, retryAfterSeconds } = entry;
      return {
        problem: problem(status, {
          type,
          title,
          ...(exception.detail ? { detail: exception.detail } : {}),
          ...(exception.errors ? { errors: exception.errors } : {}),
        }),
        ...(retryAfterSeconds === undefined
          ? {}
          : { headers: { 'retry-after': String(retryAfterSeconds) } }),
      };
    }
    if (isDatabaseUnavailableError(exception)) {
      return {
        problem: problem(503, {
          type: ERROR_CODES.dependency_unavailable.type,
          title: ERROR_CODES.dependency_unavailable.title,
          detail: 'The database is unavailable. Try again shortly.',
        }),
        headers: { 'retry-after': '5' },
      };
    }
    if (exception instanceof HttpException) {
      return this.fromHttpException(exception, request);
    }
    // Fastify's JSON parser rejects malformed JSON and prototype-poisoning keys with a plain
    // SyntaxError carrying statusCode 400.
    if (
      exception instanceof SyntaxError &&
      (exception as { statusCode?: unknown }).statusCode === 400
    ) {
      return {
        problem: problem(400, {
          detail: /prototype|constructor/i.test(exception.message)
            ? 'Request body contains a forbidden property name.'
            : 'Request body is not valid JSON.',
        }),
      };
    }
    return { problem: problem(500) };
  }

  private fromHttpException(exception: HttpException, request: FastifyRequest): Answer {
    const status = exception.getStatus();
    // No route matched: either the path is unknown (404) or the method is wrong (405).
    if (status === 404 && request.routeOptions.url === undefined) {
      const allow = this.allowedMethods.for(request.url);
      // A 405 that lists the method it refuses would contradict itself: such a path is unknown.
      if (allow.length > 0 && !allow.includes(request.method)) {
        return {
          problem: problem(405, { detail: `${request.method} is not allowed here.` }),
          headers: { allow: allow.join(', ') },
        };
      }
      return { problem: problem(404, { detail: 'No resource at this path.' }) };
    }
    const fastifyCode = fastifyErrorCode(exception);
    const describe = fastifyCode ? FASTIFY_ERRORS[fastifyCode] : undefined;
    if (describe) return { problem: problem(status, { detail: describe(this.bodyLimit) }) };
    if (status >= 500) return { problem: problem(status) };
    // Client errors raised by Nest or Fastify carry a message written for clients.
    return { problem: problem(status, { detail: exception.message }) };
  }
}
