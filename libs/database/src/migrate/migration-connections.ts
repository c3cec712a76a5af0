import { PrismaPg } from '@prisma/adapter-pg';
import {
  ColumnTypeEnum,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import pg from 'pg';

const CHAR_OID = 18;
const TEXT_OID = 25;

const quoteIdentifier = (name: string): string => `"${name.replaceAll('"', '""')}"`;

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

/** Names of the "char" columns of the query running in this async context. */
const charColumns = new AsyncLocalStorage<Set<string>>();

/**
 * adapter-pg 7.10 rejects result columns of PostgreSQL's one-byte "char" type, which the schema
 * engine's catalog queries return (pg_constraint.contype, …), so describing a database fails.
 * pg hands their values over as strings already: let adapter-pg read them as text, and remember
 * which they were so `reportCharColumns` can give the engine the type it expects.
 */
function readCharAsText(pool: pg.Pool): void {
  const query = pool.query.bind(pool) as (
    ...args: unknown[]
  ) => Promise<pg.QueryResult | pg.QueryResult[]>;
  const patched = async (...args: unknown[]): Promise<pg.QueryResult | pg.QueryResult[]> => {
    const result = await query(...args);
    for (const { fields } of [result].flat()) {
      for (const field of fields) {
        if (field.dataTypeID !== CHAR_OID) continue;
        field.dataTypeID = TEXT_OID;
        charColumns.getStore()?.add(field.name);
      }
    }
    return result;
  };
  pool.query = patched as typeof pool.query;
}

/** Declares the "char" columns of each result as Character, as the engine reads them (get_char). */
function reportCharColumns(adapter: SqlDriverAdapter): void {
  const queryRaw = adapter.queryRaw.bind(adapter);
  adapter.queryRaw = async (query) => {
    const columns = new Set<string>();
    const result = await charColumns.run(columns, () => queryRaw(query));
    if (columns.size === 0) return result;
    return {
      ...result,
      columnTypes: result.columnTypes.map((type, index) =>
        columns.has(result.columnNames[index] ?? '') ? ColumnTypeEnum.Character : type,
      ),
    };
  };
}

/**
 * The connections the schema engine asks for: the target database and, to replay the migrations
 * directory, a throwaway shadow database next to it.
 *
 * It replaces PrismaPg's own connectToShadowDb, which (7.10) is unsafe with a connection string:
 * pg lets the string's database win over the `database` field, so the "shadow" connection lands
 * on the target database; and it drops the shadow database before closing its pool, which
 * PostgreSQL refuses. Every pool is owned here and ended by close(), because the engine never
 * disposes its main connection.
 */
export class MigrationConnections implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = 'postgres';
  readonly adapterName = '@prisma/adapter-pg';
  private readonly pools: pg.Pool[] = [];
  private readonly shadowDatabases: string[] = [];

  constructor(
    private readonly databaseUrl: string,
    private readonly connectTimeoutMs: number,
  ) {}

  connect(): Promise<SqlDriverAdapter> {
    return this.adapter(this.databaseUrl);
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    const database = `prisma_migrate_shadow_db_${randomUUID()}`;
    await this.admin(`CREATE DATABASE ${quoteIdentifier(database)}`);
    this.shadowDatabases.push(database);
    const adapter = await this.adapter(withDatabase(this.databaseUrl, database));
    // A server that ignores the requested database (PGlite behind a socket) would hand the engine
    // the target database to reset as if it were the shadow one.
    const { rows } = await adapter.queryRaw({
      sql: 'SELECT current_database()',
      args: [],
      argTypes: [],
    });
    const connectedTo = rows[0]?.[0];
    if (connectedTo !== database) {
      throw new Error(
        `This server cannot host a shadow database (asked for "${database}", got "${String(connectedTo)}")`,
      );
    }
    return adapter;
  }

  /** Ends every pool, then drops the shadow databases (PostgreSQL refuses while connected). */
  async close(): Promise<void> {
    await Promise.all(this.pools.splice(0).map((pool) => pool.end()));
    for (const database of this.shadowDatabases.splice(0)) {
      await this.admin(`DROP DATABASE IF EXISTS ${quoteIdentifier(database)}`);
    }
  }

  private async adapter(url: string): Promise<SqlDriverAdapter> {
    // One connection, like Prisma's native engine: the migration advisory lock and the
    // statements of a migration must share a session.
    const pool = new pg.Pool({
      connectionString: url,
      max: 1,
      connectionTimeoutMillis: this.connectTimeoutMs,
    });
    // pg drops an idle connection that dies; the engine's next statement then fails or reconnects.
    pool.on('error', () => undefined);
    readCharAsText(pool);
    this.pools.push(pool);
    const adapter = await new PrismaPg(pool).connect();
    reportCharColumns(adapter);
    // adapter-pg splits scripts at every ";", which breaks function bodies and string literals.
    // Without parameters pg sends the whole migration as one simple query, as the native engine
    // does (one implicit transaction), and adapter-pg still maps its errors.
    adapter.executeScript = async (script) => {
      await adapter.executeRaw({ sql: script, args: [], argTypes: [] });
    };
    return adapter;
  }

  private async admin(sql: string): Promise<void> {
    const client = new pg.Client({
      connectionString: this.databaseUrl,
      connectionTimeoutMillis: this.connectTimeoutMs,
    });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  }
}
