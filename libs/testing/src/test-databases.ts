import { deployMigrations } from '@libs/database/migrate';
import pg from 'pg';

/** Names of every database the harness creates contain this, and nothing else is touched. */
const TEST_MARKER = 'test';

export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}

/** Refuses any database whose name does not say it is a test database. */
export function assertTestDatabase(url: string): void {
  if (!databaseName(url).toLowerCase().includes(TEST_MARKER)) {
    throw new Error(
      `Refusing to run tests against database "${databaseName(url)}": its name must contain "${TEST_MARKER}".`,
    );
  }
}

export const templateName = (runId: string): string => `${TEST_MARKER}_${runId}_template`;
export const workerName = (runId: string, workerId: number | string): string =>
  `${TEST_MARKER}_${runId}_w${workerId}`;

async function withAdmin<T>(
  serverUrl: string,
  work: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export const quoteIdentifier = (identifier: string): string =>
  `"${identifier.replaceAll('"', '""')}"`;

/**
 * Migrates once into a template database, then clones it for each jest worker (cloning is a
 * file copy: much faster than migrating every worker's database).
 */
export async function createTestDatabases(
  serverUrl: string,
  runId: string,
  workers: number,
): Promise<void> {
  const template = templateName(runId);
  await withAdmin(serverUrl, (admin) =>
    admin.query(`CREATE DATABASE ${quoteIdentifier(template)}`),
  );
  await deployMigrations(databaseUrl(serverUrl, template));
  await withAdmin(serverUrl, async (admin) => {
    for (let worker = 1; worker <= workers; worker++) {
      await admin.query(
        `CREATE DATABASE ${quoteIdentifier(workerName(runId, worker))} TEMPLATE ${quoteIdentifier(template)}`,
      );
    }
  });
}

/** Drops every database of this run. */
export async function dropTestDatabases(serverUrl: string, runId: string): Promise<void> {
  await withAdmin(serverUrl, async (admin) => {
    const { rows } = await admin.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE datname LIKE $1',
      [`${TEST_MARKER}\\_${runId}\\_%`],
    );
    for (const { datname } of rows) {
      await admin.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(datname)} WITH (FORCE)`);
    }
  });
}
