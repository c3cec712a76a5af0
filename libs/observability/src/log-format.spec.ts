import { describe, expect, it } from '@jest/globals';
import { type Config, loadConfig } from '@libs/config';
import pino from 'pino';
import { Writable } from 'node:stream';
import { prettyLogStream, usesPrettyLogs } from './log-format.js';
import { loggerParams } from './logger.module.js';

describe('usesPrettyLogs', () => {
  type Format = Config['log']['format'];
  const decide = (env: Config['env'], format: Format, terminal: boolean): boolean =>
    usesPrettyLogs({ env, log: { level: 'info', format } }, terminal);

  it('is pretty for a person at a terminal, JSON for pipes and in production', () => {
    expect(decide('development', 'auto', true)).toBe(true);
    expect(decide('development', 'auto', false)).toBe(false);
    expect(decide('production', 'auto', true)).toBe(false);
  });

  it('does what LOG_FORMAT says when it is not auto', () => {
    expect(decide('development', 'json', true)).toBe(false);
    expect(decide('production', 'pretty', false)).toBe(true);
  });

  it('gives pino-http a pretty stream only when pretty', () => {
    expect(Array.isArray(loggerParams(loadConfig({}), true).pinoHttp)).toBe(true);
    expect(Array.isArray(loggerParams(loadConfig({}), false).pinoHttp)).toBe(false);
  });
});

describe('prettyLogStream', () => {
  function capture(): { logger: pino.Logger; text: () => string } {
    const chunks: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk.toString());
        done();
      },
    });
    const { pinoHttp } = loggerParams(loadConfig({ LOG_FORMAT: 'json' }), false);
    const { redact } = pinoHttp as pino.LoggerOptions;
    return {
      logger: pino({ redact, level: 'info' }, prettyLogStream(false, sink)),
      text: () => chunks.join(''),
    };
  }

  it('writes a request as one readable line, not JSON', () => {
    const { logger, text } = capture();
    logger.info(
      {
        reqId: 'req-1',
        req: { id: 'req-1', method: 'GET', url: '/v1/users/me' },
        res: { statusCode: 200 },
        responseTime: 3,
      },
      'request completed',
    );
    expect(text()).toMatch(
      /^\[\d\d:\d\d:\d\d\.\d{3}\] INFO: GET \/v1\/users\/me 200 \(3 ms\) request completed \[req-1\]\n$/,
    );
  });

  it('names the context of application lines and still redacts secrets', () => {
    const { logger, text } = capture();
    logger.info({ context: 'Mail', body: { password: 'hunter2hunter2' } }, 'to a@example.com');
    expect(text()).toContain('INFO: [Mail] to a@example.com');
    expect(text()).not.toContain('hunter2');
  });
});
