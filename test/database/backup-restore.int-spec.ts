import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deployMigrations, migrationStatus, repoRoot } from '@libs/database/migrate';
import { seedBulkData } from '@libs/database/seed';
import { createScratchDatabase, query, type ScratchDatabase } from '@libs/testing';
import { pgClientTools } from './pg-client-tools.js';

/** Row count of every table of the public schema (the migration history included). */
async function rowCounts(url: string): Promise<Record<string, number>> {
  const tables = await query<{ name: string }>(
    url,
    `SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const [row] = await query<{ count: string }>(url, `SELECT count(*) AS count FROM "${name}"`);
    counts[name] = Number(row!.count);
  }
  return counts;
}

/** One order as stored: its row and its lines, every column. */
async function orderContent(url: string, id: string): Promise<unknown> {
  const [order] = await query(url, 'SELECT * FROM orders WHERE id = $1', [id]);
  const lines = await query(url, 'SELECT * FROM order_lines WHERE order_id = $1 ORDER BY line_no', [
    id,
  ]);
  return { order, lines };
}

/**
 * The backup runbook of docs/operations.md, end to end: a logical dump (`pg_dump --format=custom`)
 * of a migrated, seeded database restored with `pg_restore` into a fresh one, which then has every
 * migration applied, the same rows, and the same orders, byte for byte.
 */
describe('backup and restore (pg_dump / pg_restore)', () => {
  let source: ScratchDatabase;
  let target: ScratchDatabase;
  let dir: string;
  let tools: { pgDump: string; pgRestore: string };

  beforeAll(async () => {
    source = await createScratchDatabase();
    target = await createScratchDatabase();
    dir = mkdtempSync(join(tmpdir(), 'backup-'));
    const [server] = await query<{ version: string }>(
      source.url,
      "SELECT current_setting('server_version_num') AS version",
    );
    tools = pgClientTools(Math.floor(Number(server!.version) / 10_000));
    await deployMigrations(source.url);
    await seedBulkData(source.url, { products: 50, users: 20, orders: 300 });
  });

  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await Promise.all([source.drop(), target.drop()]);
  });

  it('restores into a fresh database with every migration, row and order', async () => {
    const dump = join(dir, 'app.dump');
    execFileSync(tools.pgDump, [
      '--format=custom',
      '--no-owner',
      '--no-privileges',
      `--file=${dump}`,
      `--dbname=${source.url}`,
    ]);
    expect(statSync(dump).size).toBeGreaterThan(0);
    execFileSync(tools.pgRestore, [
      '--no-owner',
      '--no-privileges',
      '--exit-on-error',
      `--dbname=${target.url}`,
      dump,
    ]);

    const status = await migrationStatus(target.url);
    expect(status).toMatchObject({ pending: [], failed: [], edited: [], unknown: [] });
    expect(status.applied.length).toBeGreaterThan(0);
    // The runbook's check, `pnpm db:migrate:status`, with the URL in a file as the Job gets it.
    const urlFile = join(dir, 'DATABASE_URL');
    writeFileSync(urlFile, `${target.url}\n`);
    const cli = execFileSync(
      process.execPath,
      [join(repoRoot(), 'libs', 'database', 'dist', 'migrate', 'cli.js'), 'status'],
      { env: { PATH: process.env.PATH, DATABASE_URL_FILE: urlFile }, encoding: 'utf8' },
    );
    expect(cli).toContain('Database is up to date.');

    const counts = await rowCounts(source.url);
    expect(counts.orders).toBe(300);
    expect(counts.order_lines).toBeGreaterThanOrEqual(300);
    expect(await rowCounts(target.url)).toEqual(counts);

    const [order] = await query<{ id: string }>(
      source.url,
      'SELECT id FROM orders ORDER BY (SELECT count(*) FROM order_lines WHERE order_id = orders.id) DESC, id LIMIT 1',
    );
    const restored = await orderContent(target.url, order!.id);
    expect(restored).toEqual(await orderContent(source.url, order!.id));
    expect((restored as { lines: unknown[] }).lines.length).toBeGreaterThan(1);
  });

  it('a restore into a database that is not empty fails loudly (never merges)', () => {
    const dump = join(dir, 'again.dump');
    execFileSync(tools.pgDump, ['--format=custom', `--file=${dump}`, `--dbname=${source.url}`]);
    expect(() =>
      execFileSync(
        tools.pgRestore,
        ['--no-owner', '--exit-on-error', `--dbname=${target.url}`, dump],
        {
          stdio: 'pipe',
        },
      ),
    ).toThrow(/already exists/);
  });
});
