import { type DynamicModule, Module } from '@nestjs/common';
import { type Config, APP_CONFIG } from '@libs/config';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { LoggerModule as PinoLoggerModule, type Params } from 'nestjs-pino';
import type { Options as PinoHttpOptions } from 'pino-http';
import { prettyLogStream, stdoutIsTerminal, usesPrettyLogs } from './log-format.js';
import { REDACTED_PATHS } from './redaction.js';
import { requestIdMixin } from './request-context.js';
import { REDACTED, redactQueryObject, redactUrl } from './url-redaction.js';

/**
 * Structured logs (pino): JSON, or human-readable lines when a person reads them (see
 * log-format.ts). Every line written while serving a request carries its id (`reqId`, from
 * request-context.ts); the HTTP layer writes one line per request through `requestLine`.
 * pino-http is only the factory of the root logger and the request serializers here: it is
 * mounted on no route, so a request costs no child logger and no serialization unless its line
 * is written at the configured level.
 */
export function loggerParams(config: Config, terminal = stdoutIsTerminal()): Params {
  const { log } = config;
  const options = {
    level: log.level,
    redact: { paths: [...REDACTED_PATHS], censor: REDACTED },
    mixin: requestIdMixin,
    autoLogging: false,
    serializers: {
      // Query values can be credentials (the OIDC callback's authorization code).
      req: (req: { url?: string; query?: unknown }) => ({
        ...req,
        url: req.url && redactUrl(req.url),
        query: redactQueryObject(req.query),
      }),
      // The status is what matters in a request line; response headers are noise.
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  } satisfies PinoHttpOptions;
  return {
    // No Nest middleware: the API logs requests from Fastify hooks (see requestLine).
    forRoutes: [],
    pinoHttp: usesPrettyLogs(config, terminal) ? [options, prettyLogStream(terminal)] : options,
  };
}

/** The level of a request's line: errors for 5xx, warnings for 4xx, info for the rest. */
export function requestLogLevel(statusCode: number): 'error' | 'warn' | 'info' {
  return statusCode >= 500 ? 'error' : statusCode >= 400 ? 'warn' : 'info';
}

/**
 * Writes the line of an answered request (`request completed`, the shape pino-http writes) when
 * its level is enabled; nothing is built otherwise. Probes run every few seconds and are never
 * logged: their lines would drown the rest.
 */
export function requestLine(
  logger: Logger,
  request: IncomingMessage,
  response: ServerResponse,
  responseTimeMs: number,
  reqId: string,
): void {
  const level = requestLogLevel(response.statusCode);
  if (!logger.isLevelEnabled(level) || (request.url ?? '').startsWith('/health/')) return;
  logger[level](
    { reqId, req: request, res: response, responseTime: Math.round(responseTimeMs) },
    'request completed',
  );
}

@Module({})
export class LoggerModule {
  static forRoot(): DynamicModule {
    return {
      module: LoggerModule,
      imports: [PinoLoggerModule.forRootAsync({ inject: [APP_CONFIG], useFactory: loggerParams })],
      exports: [PinoLoggerModule],
    };
  }
}
