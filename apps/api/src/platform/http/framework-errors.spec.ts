import { describe, expect, it } from '@jest/globals';
import type { FastifyInstance } from 'fastify';
import { maxHeaderSize } from 'node:http';
import type { Socket } from 'node:net';
import { answerClientError } from './framework-errors.js';

/** A socket that keeps what was written to it. */
function socket(state: { destroyed?: boolean; writable?: boolean } = {}) {
  const written: string[] = [];
  const fake = {
    destroyed: state.destroyed ?? false,
    writable: state.writable ?? true,
    end(data: string) {
      written.push(data);
    },
    destroy() {
      fake.destroyed = true;
    },
  };
  return { fake, written };
}

const server = { log: { debug: () => undefined } } as unknown as FastifyInstance;

/** Status line, headers and problem body of what the server wrote after `error`. */
function answerTo(error: Error & { code?: string; rawPacket?: Buffer }) {
  const { fake, written } = socket();
  answerClientError.call(server, error, fake as unknown as Socket);
  const [head = '', body = ''] = (written[0] ?? '').split('\r\n\r\n');
  const [statusLine, ...headerLines] = head.split('\r\n');
  const headers = Object.fromEntries(
    headerLines.map((line) => [
      line.slice(0, line.indexOf(':')),
      line.slice(line.indexOf(':') + 2),
    ]),
  );
  return { statusLine, headers, body: JSON.parse(body) as Record<string, unknown> };
}

const withCode = (code: string, rawPacket?: Buffer) =>
  Object.assign(new Error(code), { code, ...(rawPacket ? { rawPacket } : {}) });

describe('answerClientError (what Node could not parse)', () => {
  it('answers a problem with the security headers and a request id, then closes', () => {
    const { statusLine, headers, body } = answerTo(withCode('HPE_INVALID_METHOD'));
    expect(statusLine).toBe('HTTP/1.1 400 Bad Request');
    expect(headers).toMatchObject({
      'content-type': 'application/problem+json; charset=utf-8',
      'x-content-type-options': 'nosniff',
      'x-request-id': expect.stringMatching(/^[0-9a-f-]{36}$/),
      connection: 'close',
      'content-length': String(Buffer.byteLength(JSON.stringify(body))),
    });
    expect(body).toMatchObject({ status: 400, detail: 'The request is not valid HTTP/1.1.' });
  });

  it.each([
    ['a request that timed out', 408, withCode('ERR_HTTP_REQUEST_TIMEOUT')],
    [
      'a request line that alone fills the header limit',
      414,
      withCode('HPE_HEADER_OVERFLOW', Buffer.from(`GET /${'a'.repeat(maxHeaderSize)}`)),
    ],
    [
      'headers over the limit',
      431,
      withCode('HPE_HEADER_OVERFLOW', Buffer.from(`GET / HTTP/1.1\r\nX-Big: ${'a'.repeat(100)}`)),
    ],
  ])('answers %s with %i', (_case, status, error) => {
    expect(answerTo(error).body.status).toBe(status);
  });

  it('writes nothing to a reset or destroyed connection, and destroys one it cannot write to', () => {
    const reset = socket();
    answerClientError.call(server, withCode('ECONNRESET'), reset.fake as unknown as Socket);
    const gone = socket({ destroyed: true });
    answerClientError.call(server, withCode('HPE_INVALID_METHOD'), gone.fake as unknown as Socket);
    const closing = socket({ writable: false });
    answerClientError.call(
      server,
      withCode('HPE_INVALID_METHOD'),
      closing.fake as unknown as Socket,
    );
    expect([reset.written, gone.written, closing.written]).toEqual([[], [], []]);
    expect(closing.fake.destroyed).toBe(true);
  });
});
