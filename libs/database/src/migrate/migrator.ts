import type { DiffTarget, MigrationList, SchemaContainer } from '@prisma/schema-engine-wasm';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { repoRoot } from '../repo-root.js';
import { MigrationError } from './migration-error.js';
import {
  lockfileContent,
  migrationDirectoryName,
  readMigrationList,
  writeMigration,
} from './migrations-directory.js';
import { NO_FILTERS, withSchemaEngine } from './schema-engine.js';

/** This project's migrations are PostgreSQL's (migration_lock.toml `provider`). */
const PROVIDER = 'postgresql';
const DEFAULT_CONNECT_TIMEOUT_MS = 5_000;

export interface MigrateOptions {
  /** Default: `<repo>/prisma/migrations`. */
  readonly migrationsDir?: string;
  /** Default: `<repo>/prisma/schema.prisma`. */
  readonly schemaPath?: string;
  /** Give up opening a connection after this long. Default: 5 s. */
  readonly connectTimeoutMs?: number;
}

export interface MigrationStatus {
  /** Migrations of the directory that the database has a record of, failed ones excepted. */
  readonly applied: readonly string[];
  /** Migrations of the directory not applied yet. */
  readonly pending: readonly string[];
  /** Migrations recorded in the database that the directory does not have. */
  readonly unknown: readonly string[];
  /** Migrations that started and did not finish (`prisma migrate resolve` territory). */
  readonly failed: readonly string[];
  /** Applied migrations whose migration.sql changed since (checksum mismatch). */
  readonly edited: readonly string[];
  /**
   * Summary of schema changes made outside migrations (empty: none). Only computed when asked
   * for, because it replays the migrations into a shadow database, which needs CREATEDB.
   */
  readonly drift?: string;
}

interface Resolved {
  readonly migrationsDir: string;
  readonly schemaPath: string;
  readonly connectTimeoutMs: number;
}

function resolve(options: MigrateOptions): Resolved {
  const root = repoRoot();
  return {
    migrationsDir: options.migrationsDir ?? join(root, 'prisma', 'migrations'),
    schemaPath: options.schemaPath ?? join(root, 'prisma', 'schema.prisma'),
    connectTimeoutMs: options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
  };
}

async function load(options: Resolved): Promise<[SchemaContainer, MigrationList]> {
  const schema = readFile(options.schemaPath, 'utf8').then((content) => ({
    path: options.schemaPath,
    content,
  }));
  return Promise.all([schema, readMigrationList(options.migrationsDir)]);
}

/** The directory as a diff source; before the first migration there is no lock file yet. */
function migrationsTarget(list: MigrationList): DiffTarget {
  const lockfile = list.lockfile.content
    ? list.lockfile
    : { ...list.lockfile, content: lockfileContent(PROVIDER) };
  return { tag: 'migrations', ...list, lockfile };
}

/**
 * Applies the pending migrations of the migrations directory, recording each in
 * `_prisma_migrations`, exactly as `prisma migrate deploy` does (it is the same engine code).
 * Returns the names of the migrations applied by this call, oldest first.
 */
export async function deployMigrations(
  databaseUrl: string,
  options: MigrateOptions = {},
): Promise<string[]> {
  const resolved = resolve(options);
  const [schema, migrationsList] = await load(resolved);
  return withSchemaEngine(databaseUrl, schema, resolved.connectTimeoutMs, async (engine) => {
    const output = await engine.applyMigrations({ migrationsList, filters: NO_FILTERS });
    return output.appliedMigrationNames;
  });
}

/** Compares the database's migration history with the migrations directory. */
export async function migrationStatus(
  databaseUrl: string,
  options: MigrateOptions & { readonly drift?: boolean } = {},
): Promise<MigrationStatus> {
  const resolved = resolve(options);
  const [schema, migrationsList] = await load(resolved);
  return withSchemaEngine(databaseUrl, schema, resolved.connectTimeoutMs, async (engine) => {
    const diagnostic = await engine.diagnoseMigrationHistory({
      migrationsList,
      optInToShadowDatabase: false,
      filters: NO_FILTERS,
    });
    const history = diagnostic.history;
    const pending =
      history && 'unappliedMigrationNames' in history ? history.unappliedMigrationNames : [];
    const unknown =
      history && 'unpersistedMigrationNames' in history ? history.unpersistedMigrationNames : [];
    const failed = diagnostic.failedMigrationNames;
    const applied = migrationsList.migrationDirectories
      .map((directory) => directory.path)
      .filter((name) => !pending.includes(name) && !failed.includes(name));
    const status = { applied, pending, unknown, failed, edited: diagnostic.editedMigrationNames };
    if (!options.drift) return status;

    // What the applied migrations build, compared with what the database really has.
    const appliedList = {
      ...migrationsList,
      migrationDirectories: migrationsList.migrationDirectories.filter((directory) =>
        applied.includes(directory.path),
      ),
    };
    const drift = await engine.diff({
      from: migrationsTarget(appliedList),
      to: { tag: 'schemaDatasource', files: [schema], configDir: dirname(resolved.schemaPath) },
      script: false,
      exitCode: true,
      filters: NO_FILTERS,
    });
    return { ...status, drift: drift.exitCode === 0 ? '' : (drift.stdout ?? '').trim() };
  });
}

/**
 * The SQL that would bring a database built by the migrations directory to prisma/schema.prisma;
 * empty when they agree. Replays the migrations into a temporary shadow database next to
 * `databaseUrl` (its user needs CREATEDB).
 */
export async function schemaDrift(
  databaseUrl: string,
  options: MigrateOptions = {},
): Promise<string> {
  const resolved = resolve(options);
  const [schema, migrationsList] = await load(resolved);
  return withSchemaEngine(databaseUrl, schema, resolved.connectTimeoutMs, async (engine) => {
    const diff = await engine.diff({
      from: migrationsTarget(migrationsList),
      to: { tag: 'schemaDatamodel', files: [schema] },
      script: true,
      exitCode: true,
      filters: NO_FILTERS,
    });
    return diff.exitCode === 0 ? '' : (diff.stdout ?? '');
  });
}

export interface CreatedMigration {
  /** Directory name, e.g. `20250101120000_add_orders`. */
  readonly name: string;
  /** Path of the new migration.sql. */
  readonly path: string;
}

/**
 * Writes `prisma/migrations/<UTC yyyymmddHHMMSS>_<name>/migration.sql` with the SQL that takes
 * the migrations directory to prisma/schema.prisma (see schemaDrift), and the lock file.
 * Refuses when there is nothing to migrate. Unlike `prisma migrate dev` it writes no data-loss
 * warnings: the WebAssembly engine's createMigration gets no shadow database, so the script comes
 * from `diff`, which renders none. Review drops and type changes yourself.
 */
export async function createMigration(
  name: string,
  databaseUrl: string,
  options: MigrateOptions = {},
): Promise<CreatedMigration> {
  const resolved = resolve(options);
  const directoryName = migrationDirectoryName(name, new Date());
  const script = await schemaDrift(databaseUrl, resolved);
  if (script === '') {
    throw new MigrationError(
      `No changes: ${resolved.schemaPath} and ${resolved.migrationsDir} already agree, so there is nothing to migrate.`,
    );
  }
  const path = await writeMigration(resolved.migrationsDir, directoryName, script, PROVIDER);
  return { name: directoryName, path };
}
