import { type DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { type Config, APP_CONFIG } from '@libs/config';
import type { IncomingMessage } from 'node:http';
import { LoggerModule as PinoLoggerModule, type Params } from 'nestjs-pino';
import type { Options as PinoHttpOptions } from 'pino-http';
import { prettyLogStream, stdoutIsTerminal, usesPrettyLogs } from './log-format.js';
import { REDACTED_PATHS } from './redaction.js';
import { REDACTED, redactQueryObject, redactUrl } from './url-redaction.js';

/**
 * Structured logs (pino) with one line per request, keyed by the request id: JSON, or
 * human-readable lines when a person reads them (see log-format.ts).
 */
export function loggerParams(config: Config, terminal = stdoutIsTerminal()): Params {
  const { log } = config;
  const options = {
    level: log.level,
    redact: { paths: [...REDACTED_PATHS], censor: REDACTED },
    // The HTTP layer sets the id (echoed X-Request-Id or a new UUID) before logging starts.
    genReqId: (req: IncomingMessage & { id?: unknown }) =>
      typeof req.id === 'string' ? req.id : 'unknown',
    customLogLevel: (_req, res, error) =>
      error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
    // Probes run every few seconds; their lines would drown the rest.
    autoLogging: {
      ignore: (req) =>
        (
          (req as IncomingMessage & { originalUrl?: string }).originalUrl ??
          req.url ??
          ''
        ).startsWith('/health/'),
    },
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
    quietReqLogger: true,
  } satisfies PinoHttpOptions;
  return {
    // Every route. nestjs-pino's own default pattern does not match under Nest 12's Fastify adapter.
    forRoutes: [{ path: '*path', method: RequestMethod.ALL }],
    pinoHttp: usesPrettyLogs(config, terminal) ? [options, prettyLogStream(terminal)] : options,
  };
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
