import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEM_CONTENT_TYPE, problem } from '../problem/problem-details.js';
import { REQUEST_ID_HEADER } from './request-id.js';

/**
 * Fastify's router refuses some URLs before any route, hook or Nest filter runs: a path that is
 * not valid percent-encoded UTF-8, or a path parameter over its length limit. Its default answer
 * is its own JSON that echoes the URL; this one is a problem like every other error. (The usual
 * hooks do not run here, so the headers they add are set directly.)
 */
export function answerFrameworkError(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const tooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
  const body = problem(tooLong ? 414 : 400, {
    detail: tooLong
      ? 'A segment of the request path is too long.'
      : 'The request URL is not valid.',
  });
  void reply
    .status(body.status)
    .headers({
      'content-type': `${PROBLEM_CONTENT_TYPE}; charset=utf-8`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      [REQUEST_ID_HEADER]: request.id,
    })
    .send(JSON.stringify(body));
}
