import { describe, expect, it } from '@jest/globals';
import { type ArgumentsHost, HttpException, NotFoundException } from '@nestjs/common';
import { DomainError } from '../errors/domain-error.js';
import { AllowedMethods } from '../http/allowed-methods.js';
import { problem } from './problem-details.js';
import { ProblemDetailsFilter } from './problem-details.filter.js';
import { ProblemException } from './problem.exception.js';

/** What the filter wrote on the reply. */
interface Sent {
  status?: number;
  headers: Record<string, string>;
  body?: Record<string, unknown>;
}

const BODY_LIMIT = 102_400;

function filterWith(routes: [string[], string][] = []): ProblemDetailsFilter {
  const allowed = new AllowedMethods();
  for (const [methods, url] of routes) allowed.add(methods, url);
  return new ProblemDetailsFilter(allowed, BODY_LIMIT);
}

/** Runs the filter on `exception` for a request, as Nest would, and returns the answer. */
function answer(
  exception: unknown,
  request: { method?: string; url?: string; route?: string; sent?: boolean } = {},
  filter = filterWith(),
): Sent {
  const sent: Sent = { headers: {} };
  const reply = {
    sent: request.sent ?? false,
    status(code: number) {
      sent.status = code;
      return reply;
    },
    headers(values: Record<string, string>) {
      Object.assign(sent.headers, values);
      return reply;
    },
    send(body: string) {
      sent.body = JSON.parse(body) as Record<string, unknown>;
      return reply;
    },
  };
  const req = {
    id: 'req-1',
    method: request.method ?? 'GET',
    url: request.url ?? '/v1/things?x=1',
    routeOptions: { url: 'route' in request ? request.route : '/v1/things' },
  };
  const host = {
    switchToHttp: () => ({ getRequest: () => req, getResponse: () => reply }),
  } as unknown as ArgumentsHost;
  filter.catch(exception, host);
  return sent;
}

const PROBLEM_JSON = 'application/problem+json; charset=utf-8';

describe('ProblemDetailsFilter', () => {
  it('answers a domain error from the error table, with its detail and field errors', () => {
    const errors = [{ pointer: '#/items/0/quantity', detail: 'only 2 left' }];
    expect(answer(new DomainError('insufficient_stock', 'Only 2 left.', errors))).toEqual({
      status: 409,
      headers: { 'content-type': PROBLEM_JSON },
      body: {
        type: '/problems/insufficient-stock',
        title: expect.any(String),
        status: 409,
        detail: 'Only 2 left.',
        errors,
        instance: '/v1/things',
      },
    });
  });

  it('adds Retry-After where the table gives one', () => {
    const sent = answer(new DomainError('idempotency_in_flight'));
    expect({ status: sent.status, retryAfter: sent.headers['retry-after'] }).toEqual({
      status: 409,
      retryAfter: '1',
    });
    expect(sent.body).not.toHaveProperty('detail');
  });

  it('passes a problem exception through with its own headers', () => {
    const thrown = new ProblemException(problem(429, { detail: 'Slow down.' }), {
      'retry-after': '30',
    });
    expect(answer(thrown)).toMatchObject({
      status: 429,
      headers: { 'retry-after': '30', 'content-type': PROBLEM_JSON },
      body: { type: 'about:blank', title: 'Too Many Requests', detail: 'Slow down.' },
    });
  });

  it('answers a lost database with 503 and Retry-After, saying nothing of the cause', () => {
    const lost = Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:5432'), {
      code: 'ECONNREFUSED',
    });
    const sent = answer(new Error('query failed', { cause: lost }));
    expect({ status: sent.status, retryAfter: sent.headers['retry-after'] }).toEqual({
      status: 503,
      retryAfter: '5',
    });
    expect(JSON.stringify(sent.body)).not.toMatch(/ECONNREFUSED|10\.0\.0\.5/);
  });

  it('answers anything unexpected with a bare 500: no message, stack or internals', () => {
    const sent = answer(new TypeError('Cannot read properties of undefined (reading "x") at /srv'));
    expect(sent).toEqual({
      status: 500,
      headers: { 'content-type': PROBLEM_JSON },
      body: {
        type: 'about:blank',
        title: 'Internal Server Error',
        status: 500,
        instance: '/v1/things',
      },
    });
  });

  it('tells a wrong method (405 with Allow) from an unknown path (404) when no route matched', () => {
    const filter = filterWith([[['GET', 'POST'], '/v1/things/:id']]);
    const wrongMethod = answer(
      new NotFoundException(),
      { method: 'DELETE', url: '/v1/things/7', route: undefined },
      filter,
    );
    expect({ status: wrongMethod.status, allow: wrongMethod.headers.allow }).toEqual({
      status: 405,
      allow: 'GET, POST',
    });
    const unknown = answer(
      new NotFoundException(),
      { method: 'GET', url: '/v1/nothing', route: undefined },
      filter,
    );
    expect({ status: unknown.status, allow: unknown.headers.allow }).toEqual({
      status: 404,
      allow: undefined,
    });
  });

  it("words Fastify's body errors for clients, naming the body limit", () => {
    const tooLarge = new HttpException('FST_ERR_CTP_BODY_TOO_LARGE', 413, {
      cause: Object.assign(new Error('too large'), { code: 'FST_ERR_CTP_BODY_TOO_LARGE' }),
    });
    expect(answer(tooLarge).body).toMatchObject({
      status: 413,
      detail: `Request body is larger than ${BODY_LIMIT} bytes.`,
    });
  });

  it('answers malformed JSON and prototype keys from the parser with 400', () => {
    const parse = (message: string) => Object.assign(new SyntaxError(message), { statusCode: 400 });
    expect(answer(parse('Unexpected token } in JSON')).body).toMatchObject({
      status: 400,
      detail: 'Request body is not valid JSON.',
    });
    expect(answer(parse('Object contains forbidden prototype property')).body).toMatchObject({
      status: 400,
      detail: 'Request body contains a forbidden property name.',
    });
  });

  it('keeps the message of a client error Nest raised, not that of a server error', () => {
    expect(answer(new HttpException('Unsupported Media Type', 415)).body).toMatchObject({
      status: 415,
      detail: 'Unsupported Media Type',
    });
    expect(answer(new HttpException('pool exhausted at db:5432', 502)).body).not.toHaveProperty(
      'detail',
    );
  });

  it('writes nothing on a reply already sent', () => {
    expect(answer(new DomainError('order_not_found'), { sent: true })).toEqual({ headers: {} });
  });
});
