import { z } from 'zod';

/**
 * Every environment variable the apps read, declared once: name, type, default and description.
 * `.env.example` documents the same list (a unit test keeps the two in sync).
 */

const booleanFlag = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1');

const csv = z.string().transform((value) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0),
);

/** 0 lets the system pick a free port (tests). */
const port = z.coerce.number().int().min(0).max(65_535);
const milliseconds = z.coerce.number().int().min(0).max(600_000);

const postgresUrl = z
  .url({ protocol: /^postgres(ql)?$/ })
  .describe('PostgreSQL connection URL (postgresql://user:password@host:5432/db)');

export const envSchema = z.object({
  NODE_ENV: z
    .enum(['development', 'test', 'production'])
    .default('development')
    .describe('Runtime mode. production requires DATABASE_URL and REDIS_URL.'),
  HOST: z.string().min(1).default('0.0.0.0').describe('Interface the HTTP server binds to.'),
  PORT: port.default(3000).describe('HTTP port of the API.'),
  METRICS_PORT: port.default(9464).describe('Port of the Prometheus /metrics endpoint.'),
  PUBLIC_URL: z
    .url({ protocol: /^https?$/ })
    .optional()
    .describe(
      'Public base URL of the API (used in links and OIDC redirects). Default: http://localhost:PORT',
    ),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info')
    .describe('Minimum level of log lines written to stdout (JSON).'),
  CORS_ORIGINS: csv
    .default([])
    .describe(
      'Comma-separated origins allowed by CORS, e.g. https://app.example.com. Empty: CORS off.',
    ),
  TRUST_PROXY: z
    .string()
    .default('false')
    .describe(
      'Whether to trust X-Forwarded-* headers: false, true, a hop count, or comma-separated proxy addresses/CIDRs.',
    ),
  OPENAPI_ENABLED: booleanFlag.default(true).describe('Serve /openapi.json and the /docs UI.'),
  DATABASE_URL: postgresUrl
    .optional()
    .describe(
      'PostgreSQL connection URL. Unset outside production: `npm start` runs an embedded PostgreSQL.',
    ),
  DATABASE_POOL_SIZE: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .default(10)
    .describe('Maximum connections in the pool of each process.'),
  DATABASE_CONNECT_TIMEOUT_MS: milliseconds
    .default(5_000)
    .describe('Give up opening a database connection after this long.'),
  DATABASE_POOL_TIMEOUT_MS: milliseconds
    .default(2_000)
    .describe('Give up waiting for a free pooled connection after this long (answered with 503).'),
  DATABASE_STATEMENT_TIMEOUT_MS: milliseconds
    .default(10_000)
    .describe('PostgreSQL statement_timeout for every connection of the pool.'),
  REDIS_URL: z
    .url({ protocol: /^rediss?$/ })
    .optional()
    .describe(
      'Redis URL (redis://host:6379/0). Unset outside production: state is kept in process.',
    ),
  REDIS_KEY_PREFIX: z
    .string()
    .max(64)
    .default('api:')
    .describe('Prefix of every Redis key this service writes.'),
  SHUTDOWN_TIMEOUT_MS: milliseconds
    .default(15_000)
    .describe('On SIGTERM, force exit if in-flight work has not finished after this long.'),
});

export type Env = z.output<typeof envSchema>;
