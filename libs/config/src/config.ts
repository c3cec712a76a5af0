import { z } from 'zod';
import { envSchema, type Env } from './env.schema.js';
import { type ReadSecretFile, resolveSecretFiles, SECRET_VARIABLES } from './secret-files.js';

const ed25519Jwk = z.looseObject({
  kty: z.literal('OKP'),
  crv: z.literal('Ed25519'),
  kid: z.string().min(1).max(100),
  x: z.string().min(1),
  d: z.string().min(1).optional(),
});
export type Ed25519Jwk = z.infer<typeof ed25519Jwk>;

const signingKeys = z
  .array(ed25519Jwk)
  .min(1)
  .refine((keys) => keys[0]?.d !== undefined, 'the first key signs, so it must be a private key')
  .refine(
    (keys) => new Set(keys.map((key) => key.kid)).size === keys.length,
    'kids must be unique',
  );

/** One key of MFA_ENCRYPTION_KEYS: an id and 32 bytes of AES-256 key. */
export interface EncryptionKey {
  readonly kid: string;
  readonly key: Buffer;
}

const KID = /^[A-Za-z0-9._-]{1,64}$/;
/** 32 bytes in standard base64: 43 characters and one `=` (which may be left off). */
const BASE64_32_BYTES = /^[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=?$/;

/** `kid:base64key,...`: problems name the position and kid, never a key. */
export function parseEncryptionKeys(value: string): { keys: EncryptionKey[]; problems: string[] } {
  const keys: EncryptionKey[] = [];
  const problems: string[] = [];
  const entries = value
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  if (entries.length === 0) problems.push('MFA_ENCRYPTION_KEYS: must hold at least one key');
  entries.forEach((entry, index) => {
    const at = entry.indexOf(':');
    const kid = at > 0 ? entry.slice(0, at) : '';
    const encoded = at > 0 ? entry.slice(at + 1) : '';
    const key = Buffer.from(encoded, 'base64');
    if (!KID.test(kid)) {
      problems.push(
        `MFA_ENCRYPTION_KEYS.${index}: must be kid:base64key, the kid of letters, digits, ".", "_" or "-"`,
      );
    } else if (!BASE64_32_BYTES.test(encoded) || key.length !== 32) {
      problems.push(`MFA_ENCRYPTION_KEYS.${kid}: the key must be 32 bytes in base64`);
    } else if (keys.some((other) => other.kid === kid)) {
      problems.push(`MFA_ENCRYPTION_KEYS.${kid}: kids must be unique`);
    } else {
      keys.push({ kid, key });
    }
  });
  return { keys, problems };
}

const oidcProvider = z.strictObject({
  name: z.string().regex(/^[a-z0-9-]{1,32}$/, 'lower-case letters, digits and dashes'),
  issuer: z.url({ protocol: /^https?$/ }),
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
  scopes: z.string().default('openid email profile'),
});
export type OidcProviderConfig = z.infer<typeof oidcProvider>;

const oidcProviders = z
  .array(oidcProvider)
  .refine((list) => new Set(list.map((p) => p.name)).size === list.length, 'names must be unique');

/** The whole configuration of a process, parsed and validated once at startup. */
export interface Config {
  readonly env: Env['NODE_ENV'];
  readonly http: {
    readonly host: string;
    readonly port: number;
    readonly publicUrl: string;
    readonly corsOrigins: readonly string[];
    readonly trustProxy: boolean | number | string;
    /** Largest accepted request body, in bytes (docs/api.md: 100 KiB). */
    readonly bodyLimit: number;
  };
  readonly openApiEnabled: boolean;
  readonly metricsPort: number;
  readonly log: { readonly level: Env['LOG_LEVEL']; readonly format: Env['LOG_FORMAT'] };
  readonly database: {
    /** Undefined only outside production, where the embedded database is started instead. */
    readonly url: string | undefined;
    readonly poolSize: number;
    readonly connectTimeoutMs: number;
    readonly poolTimeoutMs: number;
    readonly statementTimeoutMs: number;
    readonly logQueries: boolean;
  };
  readonly redis: { readonly url: string | undefined; readonly keyPrefix: string };
  readonly auth: {
    readonly issuer: string;
    readonly audience: string;
    readonly accessTtlSeconds: number;
    /** Undefined outside production when not configured: a key is generated per process. */
    readonly signingKeys: readonly Ed25519Jwk[] | undefined;
    readonly refreshTtlDays: number;
    readonly argon2: {
      readonly memoryKib: number;
      readonly timeCost: number;
      readonly parallelism: number;
      readonly maxConcurrency: number;
    };
    readonly oidcProviders: readonly OidcProviderConfig[];
    /** Unverified accounts may not place orders. */
    readonly requireVerifiedEmail: boolean;
  };
  readonly mfa: {
    /** The first encrypts; all decrypt. Undefined outside production when not configured. */
    readonly encryptionKeys: readonly EncryptionKey[] | undefined;
    readonly totpIssuer: string;
  };
  readonly rateLimit: {
    readonly perMinute: number;
    readonly authPerMinute: number;
    readonly accountPerMinute: number;
    readonly apiKeyPerMinute: number;
  };
  /** The worker app: outbox relay, job retries, scheduled maintenance, notifications. */
  readonly worker: {
    readonly outboxPollIntervalMs: number;
    readonly outboxBatchSize: number;
    readonly outboxRetentionMs: number;
    /** Audit events older than this are purged (docs/security.md#audit-log). */
    readonly auditRetentionDays: number;
    readonly jobAttempts: number;
    readonly jobBackoffMs: number;
    readonly jobLockDurationMs: number;
    readonly concurrency: number;
    readonly pendingOrderTimeoutMs: number;
    readonly maintenanceIntervalMs: number;
    readonly mailFrom: string;
    /** The SMTP server mail leaves through; undefined: mail is written to the log. */
    readonly smtpUrl: string | undefined;
    /** `npm start` runs the worker in its own process too (needs Redis). */
    readonly inProcess: boolean;
  };
  /** OpenFeature: flagd when configured, otherwise the built-in provider with these values. */
  readonly featureFlags: {
    readonly flagd: { readonly host: string; readonly port: number } | undefined;
    readonly overrides: Readonly<Record<string, boolean>>;
  };
  readonly shutdownTimeoutMs: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Problems of a nested value, named after the variable and the path inside it (never its value). */
function describe(variable: string, error: z.ZodError): string[] {
  return error.issues.map((issue) => `${[variable, ...issue.path].join('.')}: ${issue.message}`);
}

function parseTrustProxy(value: string): boolean | number | string {
  if (value === 'true' || value === 'false') return value === 'true';
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}

/**
 * Validates the environment and returns the typed configuration, or throws a ConfigError that
 * names every missing or invalid variable at once. A process that signs nobody in (the worker)
 * passes `signingKeys: false`: production then requires neither JWT_SIGNING_KEYS nor
 * MFA_ENCRYPTION_KEYS.
 */
export function loadConfig(
  source: NodeJS.ProcessEnv = process.env,
  {
    signingKeys: needsSigningKeys = true,
    readFile,
  }: { signingKeys?: boolean; readFile?: ReadSecretFile } = {},
): Config {
  const secrets = resolveSecretFiles(source, readFile);
  if (secrets.problems.length > 0) throw new ConfigError(secrets.problems);
  // Empty strings mean "unset", as in most deployment tools.
  const raw = Object.fromEntries(
    Object.keys(envSchema.shape).map((key) => {
      const value = secrets.env[key];
      return [key, value === '' ? undefined : value];
    }),
  );
  const parsed = envSchema.safeParse(raw);
  const problems: string[] = parsed.success
    ? []
    : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  if (!parsed.success) throw new ConfigError(problems);
  const env = parsed.data;
  const required = (name: string): string =>
    `${name}: required when NODE_ENV=production (set ${name} or ${name}_FILE)`;
  if (env.NODE_ENV === 'production') {
    if (!env.DATABASE_URL) problems.push(required('DATABASE_URL'));
    if (!env.REDIS_URL) problems.push(required('REDIS_URL'));
    if (needsSigningKeys && !env.JWT_SIGNING_KEYS) problems.push(required('JWT_SIGNING_KEYS'));
    if (needsSigningKeys && !env.MFA_ENCRYPTION_KEYS) {
      problems.push(required('MFA_ENCRYPTION_KEYS'));
    }
  }
  if (env.LOCAL_WORKER && !env.REDIS_URL) {
    problems.push('LOCAL_WORKER: needs REDIS_URL (the worker queues its jobs in Redis)');
  }
  const keys = env.JWT_SIGNING_KEYS ? signingKeys.safeParse(env.JWT_SIGNING_KEYS) : undefined;
  if (keys && !keys.success) problems.push(...describe('JWT_SIGNING_KEYS', keys.error));
  const mfaKeys = env.MFA_ENCRYPTION_KEYS
    ? parseEncryptionKeys(env.MFA_ENCRYPTION_KEYS)
    : undefined;
  if (mfaKeys) problems.push(...mfaKeys.problems);
  const providers = oidcProviders.safeParse(env.OIDC_PROVIDERS);
  if (!providers.success) problems.push(...describe('OIDC_PROVIDERS', providers.error));
  if (problems.length > 0 || !providers.success) throw new ConfigError(problems);

  const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, '');
  return {
    env: env.NODE_ENV,
    http: {
      host: env.HOST,
      port: env.PORT,
      publicUrl,
      corsOrigins: env.CORS_ORIGINS,
      trustProxy: parseTrustProxy(env.TRUST_PROXY),
      bodyLimit: 100 * 1024,
    },
    openApiEnabled: env.OPENAPI_ENABLED,
    metricsPort: env.METRICS_PORT,
    log: { level: env.LOG_LEVEL, format: env.LOG_FORMAT },
    database: {
      url: env.DATABASE_URL,
      poolSize: env.DATABASE_POOL_SIZE,
      connectTimeoutMs: env.DATABASE_CONNECT_TIMEOUT_MS,
      poolTimeoutMs: env.DATABASE_POOL_TIMEOUT_MS,
      statementTimeoutMs: env.DATABASE_STATEMENT_TIMEOUT_MS,
      logQueries: env.DATABASE_LOG_QUERIES,
    },
    redis: { url: env.REDIS_URL, keyPrefix: env.REDIS_KEY_PREFIX },
    auth: {
      issuer: env.JWT_ISSUER ?? publicUrl,
      audience: env.JWT_AUDIENCE,
      accessTtlSeconds: env.JWT_ACCESS_TTL_SECONDS,
      signingKeys: keys?.data,
      refreshTtlDays: env.REFRESH_TOKEN_TTL_DAYS,
      argon2: {
        memoryKib: env.ARGON2_MEMORY_KIB,
        timeCost: env.ARGON2_TIME_COST,
        parallelism: env.ARGON2_PARALLELISM,
        maxConcurrency: env.ARGON2_MAX_CONCURRENCY,
      },
      oidcProviders: providers.data,
      requireVerifiedEmail: env.AUTH_REQUIRE_VERIFIED_EMAIL,
    },
    mfa: { encryptionKeys: mfaKeys?.keys, totpIssuer: env.MFA_TOTP_ISSUER },
    rateLimit: {
      perMinute: env.RATE_LIMIT_PER_MINUTE,
      authPerMinute: env.RATE_LIMIT_AUTH_PER_MINUTE,
      accountPerMinute: env.RATE_LIMIT_ACCOUNT_PER_MINUTE,
      apiKeyPerMinute: env.RATE_LIMIT_API_KEY_PER_MINUTE,
    },
    worker: {
      outboxPollIntervalMs: env.OUTBOX_POLL_INTERVAL_MS,
      outboxBatchSize: env.OUTBOX_BATCH_SIZE,
      outboxRetentionMs: env.OUTBOX_RETENTION_HOURS * 3_600_000,
      auditRetentionDays: env.AUDIT_RETENTION_DAYS,
      jobAttempts: env.JOB_ATTEMPTS,
      jobBackoffMs: env.JOB_BACKOFF_MS,
      jobLockDurationMs: env.JOB_LOCK_DURATION_MS,
      concurrency: env.WORKER_CONCURRENCY,
      pendingOrderTimeoutMs: env.PENDING_ORDER_TIMEOUT_MINUTES * 60_000,
      maintenanceIntervalMs: env.MAINTENANCE_INTERVAL_MS,
      mailFrom: env.MAIL_FROM,
      smtpUrl: env.SMTP_URL,
      inProcess: env.LOCAL_WORKER,
    },
    featureFlags: {
      flagd: env.FLAGD_HOST ? { host: env.FLAGD_HOST, port: env.FLAGD_PORT } : undefined,
      overrides: env.FEATURE_FLAGS,
    },
    shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
  };
}

/** Variable names with their descriptions and defaults, for `.env.example` and docs. */
export function describeEnv(): { name: string; description: string; defaultValue?: unknown }[] {
  const secrets = new Set<string>(SECRET_VARIABLES);
  return Object.entries(envSchema.shape).flatMap(([name, schema]) => {
    const parsedDefault = (schema as z.ZodType).safeParse(undefined);
    const variable = {
      name,
      description: (schema as z.ZodType).description ?? '',
      ...(parsedDefault.success && parsedDefault.data !== undefined
        ? { defaultValue: parsedDefault.data }
        : {}),
    };
    if (!secrets.has(name)) return [variable];
    const file = {
      name: `${name}_FILE`,
      description: `Path of a file holding ${name} (e.g. a mounted secret), read once at startup; set this or ${name}, not both.`,
    };
    return [variable, file];
  });
}
