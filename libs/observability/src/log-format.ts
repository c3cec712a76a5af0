import type { Config } from '@libs/config';
import pretty from 'pino-pretty';
import type { DestinationStream } from 'pino';

/**
 * Human-readable lines for a person at a terminal, JSON for everything else (log collectors,
 * pipes, files). `auto` never chooses pretty in production, where a terminal is an accident.
 */
export function usesPrettyLogs(
  { env, log }: Pick<Config, 'env' | 'log'>,
  stdoutIsTerminal: boolean,
): boolean {
  if (log.format !== 'auto') return log.format === 'pretty';
  return stdoutIsTerminal && env !== 'production';
}

/** Typed as a boolean, `process.stdout.isTTY` is undefined for a pipe or a file. */
export function stdoutIsTerminal(): boolean {
  const { isTTY } = process.stdout as { isTTY?: boolean };
  return isTTY ?? false;
}

/**
 * pino-pretty in this thread, writing synchronously: a line logged right before exit is never
 * lost. A request line reads `GET /v1/products 200 (3 ms) request completed [<request id>]`.
 */
export function prettyLogStream(
  colorize: boolean,
  destination: NodeJS.WritableStream | number = 1,
): DestinationStream {
  return pretty({
    colorize,
    sync: true,
    destination,
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: 'pid,hostname,context,req,res,responseTime,reqId',
    messageFormat:
      '{if context}[{context}] {end}{if req.method}{req.method} {req.url} {res.statusCode} ({responseTime} ms) {end}{msg}{if reqId} [{reqId}]{end}',
  });
}
