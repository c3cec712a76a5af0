import pg from 'pg';

/** Table name → row count and a hash of every row's content. */
export type Fingerprint = Readonly<Record<string, string>>;

const quote = (identifier: string): string => `"${identifier.replaceAll('"', '""')}"`;

/**
 * A cheap picture of everything in the database (each table's row count and a hash of its
 * rows), to show that a rejected request changed nothing. Meant for a test database that no
 * one else writes to meanwhile (each jest worker has its own).
 */
export class DatabaseFingerprint {
  private constructor(
    private readonly client: pg.Client,
    private readonly sql: string,
  ) {}

  static async open(url: string): Promise<DatabaseFingerprint> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
          AND table_name <> '_prisma_migrations'
        ORDER BY table_name`,
    );
    const sql = rows
      .map(
        ({ name }) =>
          `SELECT '${name}' AS name, count(*) || ':' || coalesce(md5(string_agg(md5(t::text), '' ORDER BY md5(t::text))), '') AS print FROM ${quote(name)} t`,
      )
      .join(' UNION ALL ');
    return new DatabaseFingerprint(client, sql);
  }

  async take(): Promise<Fingerprint> {
    const { rows } = await this.client.query<{ name: string; print: string }>(this.sql);
    return Object.fromEntries(rows.map(({ name, print }) => [name, print]));
  }

  async close(): Promise<void> {
    await this.client.end();
  }
}

/** Tables whose print differs. */
export function changedTables(before: Fingerprint, after: Fingerprint): string[] {
  return Object.keys({ ...before, ...after }).filter((table) => before[table] !== after[table]);
}
