import { Redis } from 'ioredis';
import { readHarnessEnv } from './harness-env.js';
import { harnessState } from './harness-state.js';
import { dropTestDatabases } from './test-databases.js';
import { redisKeyPrefix } from './test-config.js';

async function deleteRunKeys(redisUrl: string, runId: string): Promise<void> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    const stream = redis.scanStream({ match: `${redisKeyPrefix(runId)}*`, count: 500 });
    for await (const keys of stream as AsyncIterable<string[]>) {
      if (keys.length > 0) await redis.del(...keys);
    }
  } finally {
    redis.disconnect();
  }
}

/** The last project to finish drops this run's databases and keys and stops the containers. */
export default async function globalTeardown(): Promise<void> {
  const state = harnessState();
  state.users -= 1;
  const env = readHarnessEnv();
  if (state.users > 0 || !env || !state.services) return;
  if (state.services.source !== 'testcontainers') {
    await dropTestDatabases(env.postgresUrl, env.runId);
    await deleteRunKeys(env.redisUrl, env.runId);
  }
  await state.services.stop();
  state.services = undefined;
}
