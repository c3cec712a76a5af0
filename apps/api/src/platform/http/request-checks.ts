import type { FastifyRequest } from 'fastify';
import { problem } from '../problem/problem-details.js';
import { ProblemException } from '../problem/problem.exception.js';

/**
 * Requests Node's HTTP server parses but the API refuses before routing, as problems (Node would
 * answer a missing Host itself, with an empty 400 and none of the usual headers):
 * - an HTTP/1.1 request without `Host` (RFC 9112 §3.2 says 400);
 * - a body in a `Content-Encoding` other than identity: bodies are read as sent, so a compressed
 *   one would be parsed as if it were plain JSON (RFC 9110 §8.4.1 says 415).
 */
export function refusalOf(request: FastifyRequest): ProblemException | undefined {
  if (request.raw.httpVersion === '1.1' && request.headers.host === undefined) {
    return new ProblemException(
      problem(400, { detail: 'An HTTP/1.1 request must name its Host.' }),
    );
  }
  const encoding = request.headers['content-encoding'];
  if (encoding !== undefined && encoding.trim().toLowerCase() !== 'identity') {
    return new ProblemException(
      problem(415, { detail: 'Request bodies must not be compressed (Content-Encoding).' }),
      { 'accept-encoding': 'identity' },
    );
  }
  return undefined;
}
