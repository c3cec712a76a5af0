import { getContainerRuntimeClient } from 'testcontainers';
import { PostgreSqlContainer } from '@testcontainers/postgresql';
import { RedisContainer } from '@testcontainers/redis';
import { createConnection } from 'node:net';

/** Where the integration and e2e tests get PostgreSQL and Redis from. */
export interface TestServices {
  readonly source: 'env' | 'testcontainers' | 'local';
  /** A URL whose user may create databases; tests never write to this database itself. */
  readonly postgresUrl: string;
  readonly redisUrl: string;
  stop(): Promise<void>;
}

const LOCAL_POSTGRES = 'postgresql://postgres@127.0.0.1:5432/postgres';
const LOCAL_REDIS = 'redis://127.0.0.1:6379';
const RUNTIME_PROBE_TIMEOUT_MS = 5_000;

async function containerRuntimeAnswers(): Promise<boolean> {
  const probe = getContainerRuntimeClient().then(
    () => true,
    () => false,
  );
  const timeout = new Promise<boolean>((resolve) =>
    setTimeout(() => resolve(false), RUNTIME_PROBE_TIMEOUT_MS).unref(),
  );
  return Promise.race([probe, timeout]);
}

async function startContainers(env: NodeJS.ProcessEnv): Promise<TestServices> {
  const [postgresStart, redisStart] = await Promise.allSettled([
    new PostgreSqlContainer(env.TEST_POSTGRES_IMAGE ?? 'postgres:17-alpine')
      .withDatabase('postgres')
      // Test data is disposable: skip durability, keep the data directory in memory.
      .withCommand([
        'postgres',
        '-c',
        'fsync=off',
        '-c',
        'synchronous_commit=off',
        '-c',
        'full_page_writes=off',
      ])
      .withTmpFs({ '/var/lib/postgresql/data': 'rw' })
      .start(),
    new RedisContainer(env.TEST_REDIS_IMAGE ?? 'redis:8-alpine').start(),
  ]);
  if (postgresStart.status === 'rejected' || redisStart.status === 'rejected') {
    // Do not leave the one that did start running.
    const started = [postgresStart, redisStart].flatMap((result) =>
      result.status === 'fulfilled' ? [result.value] : [],
    );
    await Promise.allSettled(started.map((container) => container.stop()));
    const failed = postgresStart.status === 'rejected' ? postgresStart : redisStart;
    throw failed.status === 'rejected' ? failed.reason : new Error('container start failed');
  }
  const [postgres, redis] = [postgresStart.value, redisStart.value];
  return {
    source: 'testcontainers',
    postgresUrl: postgres.getConnectionUri(),
    redisUrl: redis.getConnectionUrl(),
    stop: async () => {
      await Promise.all([postgres.stop(), redis.stop()]);
    },
  };
}

function portAnswers(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port, timeout: 1_000 });
    socket.once('connect', () => resolve(true)).once('error', () => resolve(false));
    socket.once('timeout', () => resolve(false));
    socket.once('close', () => socket.destroy());
    socket.once('connect', () => socket.end());
  });
}

/**
 * PostgreSQL and Redis for tests, in this order of preference:
 * 1. TEST_DATABASE_URL / TEST_REDIS_URL when set;
 * 2. containers (official images, overridable by TEST_POSTGRES_IMAGE / TEST_REDIS_IMAGE) when a
 *    container runtime answers and they start;
 * 3. servers already listening on the default local ports.
 */
export async function startTestServices(
  env: NodeJS.ProcessEnv = process.env,
): Promise<TestServices> {
  if (env.TEST_DATABASE_URL && env.TEST_REDIS_URL) {
    return {
      source: 'env',
      postgresUrl: env.TEST_DATABASE_URL,
      redisUrl: env.TEST_REDIS_URL,
      stop: () => Promise.resolve(),
    };
  }
  if (env.TEST_SERVICES !== 'local' && (await containerRuntimeAnswers())) {
    try {
      return await startContainers(env);
    } catch (error) {
      // E.g. images that cannot be pulled on this network: local servers may still be there.
      process.stderr.write(
        `[test harness] containers did not start (${error instanceof Error ? error.message : String(error)}); trying local services\n`,
      );
    }
  }
  const [postgresUp, redisUp] = await Promise.all([
    portAnswers('127.0.0.1', 5432),
    portAnswers('127.0.0.1', 6379),
  ]);
  if (!postgresUp || !redisUp) {
    throw new Error(
      'No PostgreSQL/Redis for tests: set TEST_DATABASE_URL and TEST_REDIS_URL, start a container ' +
        'runtime (Docker), or run PostgreSQL on 127.0.0.1:5432 and Redis on 127.0.0.1:6379.',
    );
  }
  return {
    source: 'local',
    postgresUrl: LOCAL_POSTGRES,
    redisUrl: LOCAL_REDIS,
    stop: () => Promise.resolve(),
  };
}
