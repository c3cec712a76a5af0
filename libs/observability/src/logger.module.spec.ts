import { describe, expect, it } from '@jest/globals';
import { loadConfig } from '@libs/config';
import pino from 'pino';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Writable } from 'node:stream';
import { loggerParams, requestLine } from './logger.module.js';
import { requestIdMixin, requestIds } from './request-context.js';

/** A pino logger with the app's redaction, writing JSON lines into `lines`. */
function capture(): { logger: pino.Logger; lines: string[] } {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  const options = loggerParams(loadConfig({ LOG_LEVEL: 'info' }), false)
    .pinoHttp as pino.LoggerOptions;
  return { logger: pino({ redact: options.redact, level: 'info' }, sink), lines };
}

describe('log redaction', () => {
  it('never writes credentials from request headers', () => {
    const { logger, lines } = capture();
    logger.info({
      req: { headers: { authorization: 'Bearer eyJhbGciOi.secret', cookie: 'sid=s3cret' } },
    });
    expect(lines.join('')).not.toMatch(/eyJhbGciOi|s3cret/);
    expect(lines.join('')).toContain('[redacted]');
  });

  it('never writes passwords or tokens logged as fields', () => {
    const { logger, lines } = capture();
    logger.info({
      body: { email: 'a@example.com', password: 'hunter2hunter2', refreshToken: 'rt-123' },
    });
    const line = lines.join('');
    expect(line).not.toMatch(/hunter2|rt-123/);
    expect(line).toContain('a@example.com');
  });
});

describe('request lines', () => {
  const lineOf = (statusCode: number, url = '/v1/users/me', level = 'info'): string[] => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const logger = pino({ level, mixin: requestIdMixin }, sink);
    const request = { method: 'GET', url, headers: {} } as IncomingMessage;
    const response = { statusCode } as ServerResponse;
    requestLine(logger, request, response, 2.6, 'rid-1');
    return lines;
  };

  it('writes one line per request at the level its status calls for', () => {
    expect(lineOf(200).map((line) => JSON.parse(line) as Record<string, unknown>)).toEqual([
      expect.objectContaining({
        level: 30,
        msg: 'request completed',
        reqId: 'rid-1',
        responseTime: 3,
        res: { statusCode: 200 },
      }),
    ]);
    expect(JSON.parse(lineOf(404)[0] ?? '{}')).toMatchObject({ level: 40 });
    expect(JSON.parse(lineOf(503)[0] ?? '{}')).toMatchObject({ level: 50 });
  });

  it('writes nothing below the configured level, nor for health probes', () => {
    expect(lineOf(200, '/v1/users/me', 'warn')).toEqual([]);
    expect(lineOf(404, '/v1/users/me', 'warn')).toHaveLength(1);
    expect(lineOf(200, '/health/live')).toEqual([]);
  });

  it('stamps every line written while serving a request with its id', () => {
    expect(requestIdMixin()).toEqual({});
    expect(requestIds.run('rid-2', () => requestIdMixin())).toEqual({ reqId: 'rid-2' });
  });
});
