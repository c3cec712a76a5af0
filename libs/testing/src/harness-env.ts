/**
 * What global setup hands to the jest workers, through environment variables (workers are
 * started after global setup and inherit its environment).
 */
export interface HarnessEnv {
  readonly runId: string;
  readonly postgresUrl: string;
  readonly redisUrl: string;
}

const KEYS = {
  runId: 'TEST_HARNESS_RUN_ID',
  postgresUrl: 'TEST_HARNESS_POSTGRES_URL',
  redisUrl: 'TEST_HARNESS_REDIS_URL',
} as const;

export function writeHarnessEnv(values: HarnessEnv): void {
  for (const [field, key] of Object.entries(KEYS)) {
    process.env[key] = values[field as keyof HarnessEnv];
  }
}

export function readHarnessEnv(): HarnessEnv | undefined {
  const runId = process.env[KEYS.runId];
  const postgresUrl = process.env[KEYS.postgresUrl];
  const redisUrl = process.env[KEYS.redisUrl];
  return runId && postgresUrl && redisUrl ? { runId, postgresUrl, redisUrl } : undefined;
}

export function requireHarnessEnv(): HarnessEnv {
  const values = readHarnessEnv();
  if (!values) {
    throw new Error(
      'Test services are not set up: run integration and e2e tests through jest (npm test).',
    );
  }
  return values;
}
