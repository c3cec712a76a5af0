import { afterAll, expect, it } from '@jest/globals';
import type { AddressInfo, Socket } from 'node:net';
import { startTestApp } from '../support/test-app.js';
import { type RawResponse, sendRaw } from './support/raw-http.js';

/**
 * Errors the HTTP server answers before any route runs (the request line or headers cannot be
 * parsed, the URL cannot be decoded, a limit is exceeded) are problem+json like every other error
 * and carry the same security headers and request id. Sent as raw bytes: a normal HTTP client
 * refuses to send most of these requests.
 */
const PROBLEM = /^application\/problem\+json/;
/** The headers every answer carries, compared with those of a routed answer. */
const SECURITY_HEADERS = [
  'strict-transport-security',
  'content-security-policy',
  'x-content-type-options',
  'x-frame-options',
  'referrer-policy',
  'cross-origin-resource-policy',
  'cross-origin-opener-policy',
  'cache-control',
];

const t = await startTestApp();
await t.app.listen(0, '127.0.0.1');
const { port } = t.server.address() as AddressInfo;

afterAll(async () => {
  await t.close();
});

const request = (lines: readonly string[], body = ''): string =>
  `${lines.join('\r\n')}\r\n\r\n${body}`;
const get = (target: string, headers: readonly string[] = []): string =>
  request([`GET ${target} HTTP/1.1`, 'Host: localhost', 'Connection: close', ...headers]);

const routed = await sendRaw(port, get('/health/live'));
const expectedSecurityHeaders = Object.fromEntries(
  SECURITY_HEADERS.map((name) => [name, routed.headers[name]]),
);

function expectProblemWithHeaders(res: RawResponse, status: number): void {
  const body = JSON.parse(res.body) as Record<string, unknown>;
  expect({
    status: res.status,
    contentType: res.headers['content-type'],
    body,
    security: Object.fromEntries(SECURITY_HEADERS.map((name) => [name, res.headers[name]])),
    requestId: res.headers['x-request-id'],
  }).toEqual({
    status,
    contentType: expect.stringMatching(PROBLEM),
    body: expect.objectContaining({ type: expect.any(String), title: expect.any(String), status }),
    security: expectedSecurityHeaders,
    requestId: expect.stringMatching(/^[A-Za-z0-9._:-]{1,128}$/),
  });
  expect(res.body).not.toMatch(/fastify|FST_|HPE_|node/i);
}

it('a routed answer carries the security headers the others are compared with', () => {
  expect(routed.status).toBe(200);
  for (const name of SECURITY_HEADERS)
    expect({ name, value: routed.headers[name] }).toEqual({
      name,
      value: expect.any(String),
    });
});

/** Each request takes its own path through Node's parser or Fastify's router. */
const REFUSED = [
  ['a malformed percent-encoding in the path', get('/v1/%zz'), 400],
  ['percent-encoded bytes that are not UTF-8', get('/v1/products/%ED%A0%80'), 400],
  ['a path segment over the router limit', get(`/v1/products/${'a'.repeat(200)}`), 414],
  ['a request line longer than the header limit', get(`/v1/products?q=${'a'.repeat(20_000)}`), 414],
  ['request headers too large', get('/health/live', [`X-Big: ${'a'.repeat(20_000)}`]), 431],
  ['a raw NUL byte in the query', get('/v1/products?q=a\u0000b'), 400],
  ['a raw NUL byte in the path', get('/v1/prod\u0000ucts'), 400],
  ['a control character in the path', get('/v1/prod\u0001ucts'), 400],
  ['a malformed request line', request(['HELLO']), 400],
  [
    'an HTTP/1.1 request without Host',
    request(['GET /health/live HTTP/1.1', 'Connection: close']),
    400,
  ],
  ['an unknown HTTP version', request(['GET /health/live HTTP/7.1', 'Host: localhost']), 400],
  ['a header name with a space', get('/health/live', ['Bad Header: x']), 400],
  ['a header value with a raw NUL', get('/health/live', ['X-Note: a\u0000b']), 400],
  [
    'a non-numeric Content-Length',
    request(['POST /v1/auth/login HTTP/1.1', 'Host: localhost', 'Content-Length: abc']),
    400,
  ],
  [
    'both Transfer-Encoding and Content-Length',
    request(
      [
        'POST /v1/auth/login HTTP/1.1',
        'Host: localhost',
        'Content-Type: application/json',
        'Content-Length: 2',
        'Transfer-Encoding: chunked',
      ],
      '0\r\n\r\n',
    ),
    400,
  ],
  [
    'a body in a Content-Encoding the API does not speak',
    request(
      [
        'POST /v1/auth/login HTTP/1.1',
        'Host: localhost',
        'Connection: close',
        'Content-Type: application/json',
        'Content-Encoding: gzip',
        'Content-Length: 2',
      ],
      '{}',
    ),
    415,
  ],
] as const;

it('answers every request refused before routing as problem+json with the security headers and a request id', async () => {
  // All are sent; a failure lists every request answered wrongly, with why.
  const wrong: string[] = [];
  for (const [what, bytes, status] of REFUSED) {
    try {
      expectProblemWithHeaders(await sendRaw(port, bytes), status);
    } catch (error) {
      wrong.push(`${what} (expected ${status}): ${(error as Error).message}`);
    }
  }
  expect(wrong).toEqual([]);
});

it('a request that times out: 408 problem+json with the security headers and a request id', async () => {
  // The real timeout is 30 s; the server reports it as this clientError, which is what is
  // answered here, on a real connection.
  const accepted = new Promise<Socket>((resolve) => t.server.once('connection', resolve));
  const answer = sendRaw(port, 'GET /health/live HTTP/1.1\r\nHost: localhost\r\n');
  const socket = await accepted;
  const timeout = Object.assign(new Error('Request timeout'), { code: 'ERR_HTTP_REQUEST_TIMEOUT' });
  t.server.emit('clientError', timeout, socket);
  const res = await answer;
  expectProblemWithHeaders(res, 408);
});

it('an unsupported Content-Encoding names the one the API accepts', async () => {
  const res = await sendRaw(
    port,
    request(
      [
        'POST /v1/auth/login HTTP/1.1',
        'Host: localhost',
        'Connection: close',
        'Content-Type: application/json',
        'Content-Encoding: br',
        'Content-Length: 2',
      ],
      '{}',
    ),
  );
  expect(res.status).toBe(415);
  expect(res.headers['accept-encoding']).toBe('identity');
});
