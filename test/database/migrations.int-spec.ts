import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  MigrationError,
  createMigration,
  deployMigrations,
  migrationStatus,
  repoRoot,
  schemaDrift,
} from '@libs/database/migrate';
import { createScratchDatabase, query, type ScratchDatabase } from '@libs/testing';

const migrationsDir = join(repoRoot(), 'prisma', 'migrations');
const schemaPath = join(repoRoot(), 'prisma', 'schema.prisma');

async function repoMigrations(): Promise<{ name: string; checksum: string }[]> {
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  const names = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  return Promise.all(
    names.sort().map(async (name) => ({
      name,
      checksum: createHash('sha256')
        .update(await readFile(join(migrationsDir, name, 'migration.sql')))
        .digest('hex'),
    })),
  );
}

interface MigrationRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  applied_steps_count: number;
  logs: string | null;
}

describe('deployMigrations on an empty database', () => {
  let db: ScratchDatabase;

  beforeAll(async () => {
    db = await createScratchDatabase();
  });

  afterAll(async () => {
    await db.drop();
  });

  it('applies every migration and records it like `prisma migrate deploy`', async () => {
    const expected = await repoMigrations();
    expect(expected.length).toBeGreaterThan(0);

    expect(await deployMigrations(db.url)).toEqual(expected.map(({ name }) => name));

    const rows = await query<MigrationRow>(
      db.url,
      'SELECT * FROM _prisma_migrations ORDER BY migration_name',
    );
    expect(rows).toEqual(
      expected.map(({ name, checksum }) =>
        expect.objectContaining({
          migration_name: name,
          checksum,
          finished_at: expect.any(Date),
          rolled_back_at: null,
          applied_steps_count: 1,
          logs: null,
        }),
      ),
    );
  });

  it('applies nothing the second time', async () => {
    expect(await deployMigrations(db.url)).toEqual([]);
  });

  it('then reports the database up to date, without drift', async () => {
    const names = (await repoMigrations()).map(({ name }) => name);
    expect(await migrationStatus(db.url, { drift: true })).toEqual({
      applied: names,
      pending: [],
      unknown: [],
      failed: [],
      edited: [],
      drift: '',
    });
  });

  it('reports a change made outside migrations as drift', async () => {
    await query(db.url, 'ALTER TABLE users ADD COLUMN nickname text');
    const { drift } = await migrationStatus(db.url, { drift: true });
    expect(drift).toContain('Added column `nickname`');
  });
});

describe('migrations of a working copy', () => {
  let db: ScratchDatabase;
  let dir: string;
  let copy: { migrationsDir: string; schemaPath: string };

  beforeEach(async () => {
    db = await createScratchDatabase();
    dir = await mkdtemp(join(tmpdir(), 'migrations-'));
    copy = { migrationsDir: join(dir, 'migrations'), schemaPath: join(dir, 'schema.prisma') };
    await cp(migrationsDir, copy.migrationsDir, { recursive: true });
    await cp(schemaPath, copy.schemaPath);
  });

  afterEach(async () => {
    await db.drop();
    await rm(dir, { recursive: true, force: true });
  });

  async function addMigration(name: string, sql: string): Promise<void> {
    await mkdir(join(copy.migrationsDir, name));
    await writeFile(join(copy.migrationsDir, name, 'migration.sql'), sql);
  }

  it('applies a script whose function body and strings contain semicolons', async () => {
    await addMigration(
      '29990101000000_touch',
      `CREATE FUNCTION touch() RETURNS trigger AS $$
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
INSERT INTO users (id, email, name, updated_at)
VALUES ('01900000-0000-7000-8000-000000000001', 'semi;colon@example.com', 'a;b', now());
`,
    );
    expect(await deployMigrations(db.url, copy)).toContain('29990101000000_touch');
    expect(await query(db.url, 'SELECT email, name FROM users')).toEqual([
      { email: 'semi;colon@example.com', name: 'a;b' },
    ]);
  });

  it('records a failing migration, then refuses to go on, like Prisma', async () => {
    await addMigration('29990101000000_broken', 'SELECT no_such_function();');
    await expect(deployMigrations(db.url, copy)).rejects.toThrow(
      'no_such_function() does not exist',
    );

    const [row] = await query<MigrationRow>(
      db.url,
      "SELECT * FROM _prisma_migrations WHERE migration_name = '29990101000000_broken'",
    );
    expect(row).toMatchObject({ finished_at: null, applied_steps_count: 0 });
    expect(row?.logs).toContain('no_such_function() does not exist');

    await expect(deployMigrations(db.url, copy)).rejects.toThrow('migrate found failed migrations');
    expect(await migrationStatus(db.url, copy)).toMatchObject({
      failed: ['29990101000000_broken'],
    });
  });

  it('reports pending and edited migrations', async () => {
    await deployMigrations(db.url, copy);
    const [first] = await repoMigrations();
    await writeFile(join(copy.migrationsDir, first?.name ?? '', 'migration.sql'), '-- edited\n', {
      flag: 'a',
    });
    await addMigration('29990101000000_next', 'SELECT 1;');
    expect(await migrationStatus(db.url, copy)).toMatchObject({
      pending: ['29990101000000_next'],
      edited: [first?.name],
    });
  });

  it('writes a migration for a schema change, and only when there is one', async () => {
    const schema = await readFile(copy.schemaPath, 'utf8');
    await writeFile(
      copy.schemaPath,
      schema.replace('disabled     Boolean', 'nickname     String?\n  disabled     Boolean'),
    );
    expect(await schemaDrift(db.url, copy)).toMatch(
      /ALTER TABLE "users" ADD COLUMN\s+"nickname" TEXT;/,
    );

    const created = await createMigration('Add nickname', db.url, copy);
    expect(created.name).toMatch(/^\d{14}_add_nickname$/);
    expect(await readFile(created.path, 'utf8')).toMatch(
      /^-- AlterTable\nALTER TABLE "users" ADD COLUMN\s+"nickname" TEXT;\n$/,
    );
    expect(await schemaDrift(db.url, copy)).toBe('');
    await expect(createMigration('again', db.url, copy)).rejects.toThrow(MigrationError);
    expect(await deployMigrations(db.url, copy)).toContain(created.name);
  });
});
