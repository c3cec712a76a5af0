import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { STATUS_CODES, maxHeaderSize } from 'node:http';
import type { Socket } from 'node:net';
import { PROBLEM_CONTENT_TYPE, type ProblemDetails, problem } from '../problem/problem-details.js';
import { REQUEST_ID_HEADER } from './request-id.js';
import { SECURITY_HEADERS } from './security-headers.js';

/** What every problem answered outside the Nest filter carries besides its body. */
function problemHeaders(requestId: string): Record<string, string> {
  return {
    ...SECURITY_HEADERS,
    'content-type': `${PROBLEM_CONTENT_TYPE}; charset=utf-8`,
    [REQUEST_ID_HEADER]: requestId,
  };
}

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
  void reply.status(body.status).headers(problemHeaders(request.id)).send(JSON.stringify(body));
}

/**
 * Node's parser reports a request line too long for the header limit (the app keeps Node's
 * default) as a header overflow too: when the line alone fills the limit, the URL is too long.
 */
function isRequestLineOverflow(error: Error & { rawPacket?: unknown }): boolean {
  const packet = Buffer.isBuffer(error.rawPacket) ? error.rawPacket.toString('latin1') : '';
  const lineEnd = packet.indexOf('\r\n');
  const lineLength = lineEnd < 0 ? packet.length : lineEnd;
  return /^[A-Za-z]+ /.test(packet) && lineLength >= maxHeaderSize;
}

/** The problem for an error Node's HTTP server raised before a request existed. */
function clientErrorProblem(error: Error & { code?: string }): ProblemDetails {
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    return problem(408, { detail: 'The request was not received in time.' });
  }
  if (error.code === 'HPE_HEADER_OVERFLOW') {
    return isRequestLineOverflow(error)
      ? problem(414, { detail: 'The request URL is too long.' })
      : problem(431, { detail: 'The request headers are too large.' });
  }
  return problem(400, { detail: 'The request is not valid HTTP/1.1.' });
}

/**
 * Answers what Node's HTTP server could not parse (malformed request line, header or body framing,
 * headers or URL too large, a request that timed out) as a problem with the headers of every
 * answer, instead of Fastify's default JSON, then closes the connection: after such an error the
 * rest of the bytes on it cannot be trusted.
 */
export function answerClientError(
  this: FastifyInstance,
  error: Error & { code?: string },
  socket: Socket,
): void {
  // A reset connection, or one already answered: there is nobody to tell.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const answer = clientErrorProblem(error);
  this.log.debug({ code: error.code, status: answer.status }, 'client error');
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const body = JSON.stringify(answer);
  const headers = {
    ...problemHeaders(randomUUID()),
    'content-length': String(Buffer.byteLength(body)),
    connection: 'close',
  };
  const head = Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}`)
    .join('\r\n');
  socket.end(`HTTP/1.1 ${answer.status} ${STATUS_CODES[answer.status]}\r\n${head}\r\n\r\n${body}`);
}
