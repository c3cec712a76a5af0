import type { z } from 'zod';
import { envSchema, type Env } from './env.schema.js';

/** The whole configuration of a process, parsed and validated once at startup. */
export interface Config {
  readonly env: Env['NODE_ENV'];
  readonly http: {
    readonly host: string;
    readonly port: number;
    readonly publicUrl: string;
    readonly corsOrigins: readonly string[];
    readonly trustProxy: boolean | number | string;
    /** Largest accepted request body, in bytes (API.md: 100 KiB). */
    readonly bodyLimit: number;
  };
  readonly openApiEnabled: boolean;
  readonly metricsPort: number;
  readonly log: { readonly level: Env['LOG_LEVEL'] };
  readonly database: {
    /** Undefined only outside production, where the embedded database is started instead. */
    readonly url: string | undefined;
    readonly poolSize: number;
    readonly connectTimeoutMs: number;
    readonly poolTimeoutMs: number;
    readonly statementTimeoutMs: number;
  };
  readonly redis: { readonly url: string | undefined; readonly keyPrefix: string };
  readonly shutdownTimeoutMs: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

function parseTrustProxy(value: string): boolean | number | string {
  if (value === 'true' || value === 'false') return value === 'true';
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}

/**
 * Validates the environment and returns the typed configuration, or throws a ConfigError that
 * names every missing or invalid variable at once.
 */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings mean "unset", as in most deployment tools.
  const raw = Object.fromEntries(
    Object.keys(envSchema.shape).map((key) => [key, source[key] === '' ? undefined : source[key]]),
  );
  const parsed = envSchema.safeParse(raw);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  if (parsed.success && parsed.data.NODE_ENV === 'production') {
    if (!parsed.data.DATABASE_URL) problems.push('DATABASE_URL: required when NODE_ENV=production');
    if (!parsed.data.REDIS_URL) problems.push('REDIS_URL: required when NODE_ENV=production');
  }
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);

  const env = parsed.data;
  return {
    env: env.NODE_ENV,
    http: {
      host: env.HOST,
      port: env.PORT,
      publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ''),
      corsOrigins: env.CORS_ORIGINS,
      trustProxy: parseTrustProxy(env.TRUST_PROXY),
      bodyLimit: 100 * 1024,
    },
    openApiEnabled: env.OPENAPI_ENABLED,
    metricsPort: env.METRICS_PORT,
    log: { level: env.LOG_LEVEL },
    database: {
      url: env.DATABASE_URL,
      poolSize: env.DATABASE_POOL_SIZE,
      connectTimeoutMs: env.DATABASE_CONNECT_TIMEOUT_MS,
      poolTimeoutMs: env.DATABASE_POOL_TIMEOUT_MS,
      statementTimeoutMs: env.DATABASE_STATEMENT_TIMEOUT_MS,
    },
    redis: { url: env.REDIS_URL, keyPrefix: env.REDIS_KEY_PREFIX },
    shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
  };
}

/** Variable names with their descriptions and defaults, for `.env.example` and docs. */
export function describeEnv(): { name: string; description: string; defaultValue?: unknown }[] {
  return Object.entries(envSchema.shape).map(([name, schema]) => {
    const parsedDefault = (schema as z.ZodType).safeParse(undefined);
    return {
      name,
      description: (schema as z.ZodType).description ?? '',
      ...(parsedDefault.success && parsedDefault.data !== undefined
        ? { defaultValue: parsedDefault.data }
        : {}),
    };
  });
}
