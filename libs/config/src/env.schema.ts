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
/** A JSON array in one variable (lists of keys or providers); elements are checked by the consumer. */
const jsonArray = z.string().transform((value, context) => {
  try {
    const parsed: unknown = JSON.parse(value);
    if (Array.isArray(parsed)) return parsed as unknown[];
  } catch {
    // reported below
  }
  context.addIssue({ code: 'custom', message: 'must be a JSON array' });
  return z.NEVER;
});

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
  HOST: z
    .string()
    .min(1)
    .default('0.0.0.0')
    .describe(
      'Interface the HTTP server binds to. `npm start` binds to 127.0.0.1 unless it is set.',
    ),
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
    .describe('Minimum level of log lines written to stdout.'),
  LOG_FORMAT: z
    .enum(['auto', 'json', 'pretty'])
    .default('auto')
    .describe(
      'json: one JSON object per line. pretty: human-readable lines (pino-pretty). auto: pretty when stdout is a terminal outside production, else json.',
    ),
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
  DATABASE_LOG_QUERIES: booleanFlag
    .default(false)
    .describe('Log every SQL statement with its duration at debug level (development only).'),
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
  JWT_ISSUER: z
    .url({ protocol: /^https?$/ })
    .optional()
    .describe('`iss` of access tokens. Default: PUBLIC_URL.'),
  JWT_AUDIENCE: z.string().min(1).max(200).default('api').describe('`aud` of access tokens.'),
  JWT_ACCESS_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(60)
    .max(900)
    .default(900)
    .describe('Lifetime of access tokens in seconds (at most 15 minutes).'),
  JWT_SIGNING_KEYS: jsonArray
    .optional()
    .describe(
      'JSON array of Ed25519 JWKs with a `kid`. The first (a private key) signs; all verify, so a retired key stays until its tokens expire. Required in production. Unset: `npm start` keeps a key in .cache/dev-signing-key.json, other processes generate one per process.',
    ),
  MFA_ENCRYPTION_KEYS: z
    .string()
    .optional()
    .describe(
      'Keys that encrypt TOTP secrets at rest (AES-256-GCM): comma-separated `kid:base64key`, each key 32 random bytes (`openssl rand -base64 32`). The first encrypts new secrets; all decrypt, so rotate by prepending. Required in production. Unset: `npm start` keeps a key in .cache/dev-mfa-key.txt, other processes generate one per process.',
    ),
  MFA_TOTP_ISSUER: z
    .string()
    .min(1)
    .max(64)
    .refine((value) => !value.includes(':'), 'must not contain ":"')
    .default('Example API')
    .describe('Issuer name authenticator apps show next to the account (the otpauth:// URI).'),
  REFRESH_TOKEN_TTL_DAYS: z.coerce
    .number()
    .int()
    .min(1)
    .max(365)
    .default(30)
    .describe('A session ends this many days after its last refresh.'),
  ARGON2_MEMORY_KIB: z.coerce
    .number()
    .int()
    .min(19_456)
    .max(1_048_576)
    .default(19_456)
    .describe('Argon2id memory cost in KiB (OWASP minimum 19456 = 19 MiB).'),
  ARGON2_TIME_COST: z.coerce
    .number()
    .int()
    .min(2)
    .max(20)
    .default(2)
    .describe('Argon2id iterations (OWASP minimum 2 at 19 MiB).'),
  ARGON2_PARALLELISM: z.coerce.number().int().min(1).max(8).default(1).describe('Argon2id lanes.'),
  ARGON2_MAX_CONCURRENCY: z.coerce
    .number()
    .int()
    .min(1)
    .max(64)
    .default(4)
    .describe(
      'Password hashes computed at once per process; more wait in line, so a login flood cannot exhaust memory.',
    ),
  OIDC_PROVIDERS: jsonArray
    .default([])
    .describe(
      'JSON array of OpenID Connect providers: [{"name":"corp","issuer":"https://id.example.com","clientId":"…","clientSecret":"…","scopes":"openid email profile"}].',
    ),
  FEATURE_FLAGS: z
    .string()
    .transform((value, context) => {
      try {
        const parsed: unknown = JSON.parse(value);
        if (
          typeof parsed === 'object' &&
          parsed !== null &&
          !Array.isArray(parsed) &&
          Object.values(parsed).every((flag) => typeof flag === 'boolean')
        )
          return parsed as Record<string, boolean>;
      } catch {
        // reported below
      }
      context.addIssue({ code: 'custom', message: 'must be a JSON object of booleans' });
      return z.NEVER;
    })
    .default({})
    .describe(
      'Feature flags of the built-in (in-process) provider, as JSON: {"catalog-cache":false}. Flags not named keep their defaults. Ignored when FLAGD_HOST is set.',
    ),
  FLAGD_HOST: z
    .string()
    .min(1)
    .optional()
    .describe(
      'Host of a flagd (OpenFeature) evaluation service; set, feature flags come from it (gRPC) instead of the built-in provider.',
    ),
  FLAGD_PORT: port.default(8013).describe('gRPC port of flagd.'),
  RATE_LIMIT_PER_MINUTE: z.coerce
    .number()
    .int()
    .min(1)
    .default(600)
    .describe('Requests per minute per client address on every route.'),
  RATE_LIMIT_AUTH_PER_MINUTE: z.coerce
    .number()
    .int()
    .min(1)
    .default(20)
    .describe('Register, login and refresh requests per minute per client address.'),
  RATE_LIMIT_ACCOUNT_PER_MINUTE: z.coerce
    .number()
    .int()
    .min(1)
    .default(5)
    .describe('Login and register attempts per minute per account (email).'),
  RATE_LIMIT_API_KEY_PER_MINUTE: z.coerce
    .number()
    .int()
    .min(1)
    .default(600)
    .describe('Requests per minute per API key, on top of the limit per client address.'),
  OUTBOX_POLL_INTERVAL_MS: z.coerce
    .number()
    .int()
    .min(10)
    .max(60_000)
    .default(500)
    .describe('Worker: how often the outbox relay looks for new events when it is idle.'),
  OUTBOX_BATCH_SIZE: z.coerce
    .number()
    .int()
    .min(1)
    .max(1000)
    .default(100)
    .describe('Worker: events the relay claims and publishes per transaction.'),
  OUTBOX_RETENTION_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 365)
    .default(168)
    .describe('Worker: published outbox events are deleted after this many hours.'),
  AUDIT_RETENTION_DAYS: z.coerce
    .number()
    .int()
    .min(30)
    .max(3650)
    .default(365)
    .describe(
      'Worker: audit events are deleted after this many days (at least 30: the database refuses younger deletes).',
    ),
  JOB_ATTEMPTS: z.coerce
    .number()
    .int()
    .min(1)
    .max(50)
    .default(8)
    .describe('Worker: tries per job before it is dead-lettered.'),
  JOB_BACKOFF_MS: z.coerce
    .number()
    .int()
    .min(1)
    .max(600_000)
    .default(1_000)
    .describe('Worker: delay before the first retry of a failed job; doubles on each retry.'),
  JOB_LOCK_DURATION_MS: z.coerce
    .number()
    .int()
    .min(1_000)
    .max(600_000)
    .default(30_000)
    .describe(
      'Worker: a job whose worker stopped renewing its lock (crashed) is retried after this long.',
    ),
  WORKER_CONCURRENCY: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .default(8)
    .describe('Worker: jobs processed at once per queue and process.'),
  PENDING_ORDER_TIMEOUT_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(60 * 24 * 30)
    .default(30)
    .describe('Worker: pending orders older than this are cancelled and their stock released.'),
  MAINTENANCE_INTERVAL_MS: z.coerce
    .number()
    .int()
    .min(1_000)
    .max(86_400_000)
    .default(60_000)
    .describe('Worker: how often stale orders are released and old outbox events purged.'),
  MAIL_FROM: z
    .email()
    .default('orders@example.com')
    .describe('Worker: sender address of every mail (order notifications, account mails).'),
  SMTP_URL: z
    .url({ protocol: /^smtps?$/ })
    .optional()
    .describe(
      'Worker: the SMTP server mail leaves through, smtp://user:password@host:587 (STARTTLS when offered) or smtps://…:465. Unset: mail is only written to the log (development). Mailpit in docker-compose.yml: smtp://mailpit:1025.',
    ),
  AUTH_REQUIRE_VERIFIED_EMAIL: booleanFlag
    .default(false)
    .describe(
      'Accounts must verify their email (POST /v1/auth/email/verify with the token mailed at sign-up) before they can place orders.',
    ),
  LOCAL_WORKER: booleanFlag
    .default(false)
    .describe(
      '`npm start` only: also run the worker (outbox delivery, notifications, maintenance) in the same process. Needs REDIS_URL.',
    ),
  SHUTDOWN_TIMEOUT_MS: milliseconds
    .default(15_000)
    .describe('On SIGTERM, force exit if in-flight work has not finished after this long.'),
});

export type Env = z.output<typeof envSchema>;
