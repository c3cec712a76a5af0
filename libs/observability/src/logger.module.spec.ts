import { describe, expect, it } from '@jest/globals';
import { loadConfig } from '@libs/config';
import pino from 'pino';
import { Writable } from 'node:stream';
import { loggerParams } from './logger.module.js';

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
