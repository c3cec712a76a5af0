import { ConfigError, loadConfig } from '@libs/config';
import { relative } from 'node:path';
import { isDatabaseUnavailableError } from '../database-errors.js';
import { repoRoot } from '../repo-root.js';
import { MigrationError } from './migration-error.js';
import {
  createMigration,
  deployMigrations,
  migrationStatus,
  type MigrationStatus,
} from './migrator.js';

const USAGE = `Usage: node libs/database/dist/migrate/cli.js <command>

  deploy            apply the pending migrations of prisma/migrations to DATABASE_URL
  status [--drift]  compare DATABASE_URL's migration history with prisma/migrations (exit
                    code 1 unless up to date); --drift also compares its schema, through a
                    shadow database (needs CREATEDB)
  new <name>        write a migration for the changes in prisma/schema.prisma, diffed against
                    prisma/migrations in a shadow database on DATABASE_URL's server`;

class UsageError extends Error {}

function print(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** Only the database variables: the migration job needs neither Redis nor anything else. */
function database(): { url: string; connectTimeoutMs: number } {
  const { url, connectTimeoutMs } = loadConfig({
    DATABASE_URL: process.env.DATABASE_URL,
    DATABASE_URL_FILE: process.env.DATABASE_URL_FILE,
    DATABASE_CONNECT_TIMEOUT_MS: process.env.DATABASE_CONNECT_TIMEOUT_MS,
  }).database;
  if (!url) throw new UsageError('DATABASE_URL is not set');
  return { url, connectTimeoutMs };
}

/** One line per migration; true when the database matches the directory. */
function report(status: MigrationStatus): boolean {
  const problems: [string, readonly string[]][] = [
    ['pending', status.pending],
    ['failed', status.failed],
    ['edited', status.edited],
    ['unknown', status.unknown],
  ];
  for (const [label, names] of [['applied', status.applied] as const, ...problems]) {
    for (const name of names) print(`${label.padEnd(8)} ${name}`);
  }
  if (status.drift) print(`drift    the schema differs from the migrations:\n${status.drift}`);
  const upToDate = problems.every(([, names]) => names.length === 0) && !status.drift;
  print(upToDate ? 'Database is up to date.' : 'Database is not up to date.');
  return upToDate;
}

async function run(args: readonly string[]): Promise<number> {
  const [command, ...rest] = args;
  if (!command) throw new UsageError('Missing command');
  switch (command) {
    case 'deploy': {
      const { url, connectTimeoutMs } = database();
      const applied = await deployMigrations(url, { connectTimeoutMs });
      for (const name of applied) print(`applied  ${name}`);
      if (applied.length === 0) print('No pending migrations.');
      return 0;
    }
    case 'status': {
      const { url, connectTimeoutMs } = database();
      const status = await migrationStatus(url, {
        connectTimeoutMs,
        drift: rest.includes('--drift'),
      });
      return report(status) ? 0 : 1;
    }
    case 'new': {
      const [name] = rest;
      if (!name) throw new UsageError('new: missing migration name');
      const { url, connectTimeoutMs } = database();
      const created = await createMigration(name, url, { connectTimeoutMs });
      print(`created  ${relative(repoRoot(), created.path)}`);
      return 0;
    }
    default:
      throw new UsageError(`Unknown command "${command}"`);
  }
}

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Expected failures are explained by their message; anything else keeps its stack.
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n\n${USAGE}\n`);
      process.exitCode = 2;
      return;
    }
    const expected =
      error instanceof MigrationError ||
      error instanceof ConfigError ||
      isDatabaseUnavailableError(error);
    const detail =
      error instanceof Error ? (expected ? error.message : error.stack) : String(error);
    process.stderr.write(`Migration command failed: ${detail ?? String(error)}\n`);
    process.exitCode = 1;
  },
);
