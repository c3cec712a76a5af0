import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { requireHarnessEnv } from './harness-env.js';
import { databaseUrl, quoteIdentifier } from './test-databases.js';

export interface ScratchDatabase {
  readonly url: string;
  drop(): Promise<void>;
}

/** Runs one statement on its own connection and returns the rows (for assertions on raw tables). */
export async function query<Row extends object = Record<string, unknown>>(
  url: string,
  sql: string,
  values: unknown[] = [],
): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<Row>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

/**
 * A new, empty database on the test server, for tests of migrations themselves. Named after the
 * run, so global teardown drops it even if the test does not.
 */
export async function createScratchDatabase(): Promise<ScratchDatabase> {
  const { runId, postgresUrl } = requireHarnessEnv();
  const name = `test_${runId}_scratch_${randomBytes(6).toString('hex')}`;
  await query(postgresUrl, `CREATE DATABASE ${quoteIdentifier(name)}`);
  return {
    url: databaseUrl(postgresUrl, name),
    drop: async () => {
      await query(postgresUrl, `DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`);
    },
  };
}
