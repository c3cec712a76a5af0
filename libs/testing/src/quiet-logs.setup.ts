/**
 * Unit tests: Nest's loggers write into the buffer that `quiet-logs-environment.ts` prints when a
 * test fails, instead of the terminal. Services log warnings on purpose (a cache down, a spent
 * refresh token); in a passing test that is noise.
 */
import { Logger, type LoggerService } from '@nestjs/common';
import { inspect } from 'node:util';

const LOG_BUFFER = '__heldLogLines';

function hold(level: string, message: unknown, params: unknown[]): void {
  const global = globalThis as unknown as Record<string, string[] | undefined>;
  // A Logger instance passes its context last.
  const context = typeof params.at(-1) === 'string' ? ` [${String(params.at(-1))}]` : '';
  const rest = context === '' ? params : params.slice(0, -1);
  const text = [message, ...rest]
    .map((part) => (typeof part === 'string' ? part : inspect(part, { depth: 4 })))
    .join(' ');
  (global[LOG_BUFFER] ??= []).push(`${level.toUpperCase()}${context} ${text}`);
}

const held: LoggerService = {
  log: (message: unknown, ...params: unknown[]) => hold('log', message, params),
  error: (message: unknown, ...params: unknown[]) => hold('error', message, params),
  warn: (message: unknown, ...params: unknown[]) => hold('warn', message, params),
  debug: (message: unknown, ...params: unknown[]) => hold('debug', message, params),
  verbose: (message: unknown, ...params: unknown[]) => hold('verbose', message, params),
  fatal: (message: unknown, ...params: unknown[]) => hold('fatal', message, params),
};

Logger.overrideLogger(held);
