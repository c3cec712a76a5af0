import { describe, expect, it } from '@jest/globals';
import type { FastifyRequest } from 'fastify';
import { refusalOf } from './request-checks.js';

const request = (httpVersion: string, headers: Record<string, string>): FastifyRequest =>
  ({ raw: { httpVersion }, headers }) as unknown as FastifyRequest;

describe('refusalOf (checks before routing)', () => {
  it('lets a well-formed request through', () => {
    expect(refusalOf(request('1.1', { host: 'api.example.com' }))).toBeUndefined();
    expect(
      refusalOf(request('1.1', { host: 'a', 'content-encoding': ' Identity ' })),
    ).toBeUndefined();
  });

  it('refuses an HTTP/1.1 request without Host with 400; HTTP/1.0 needs none', () => {
    expect(refusalOf(request('1.1', {}))?.problem).toMatchObject({
      status: 400,
      detail: expect.stringContaining('Host'),
    });
    expect(refusalOf(request('1.0', {}))).toBeUndefined();
  });

  it.each(['gzip', 'br', 'deflate, gzip'])(
    'refuses a body in Content-Encoding %s with 415, naming identity as what is accepted',
    (encoding) => {
      const refusal = refusalOf(request('1.1', { host: 'a', 'content-encoding': encoding }));
      expect({ status: refusal?.problem.status, headers: refusal?.headers }).toEqual({
        status: 415,
        headers: { 'accept-encoding': 'identity' },
      });
    },
  );
});
