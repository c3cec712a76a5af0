import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { mkdir } from 'node:fs/promises';

export interface EmbeddedPostgresOptions {
  /** Where the data lives between runs, e.g. `<repo>/.cache/pglite`. */
  readonly dataDir: string;
  /** TCP port on 127.0.0.1; 0 (default) lets the system pick a free one. */
  readonly port?: number;
  /**
   * Client connections accepted at once. They are multiplexed onto PGlite's single session,
   * so they cost little; the default covers the largest pool the configuration allows.
   */
  readonly maxConnections?: number;
}

export interface EmbeddedPostgres {
  /** postgresql:// URL for pg, Prisma and the migration runner. */
  readonly url: string;
  stop(): Promise<void>;
}

const DEFAULT_MAX_CONNECTIONS = 100;

/**
 * PostgreSQL for a laptop without one: PGlite (PostgreSQL compiled to WebAssembly, in this
 * process) keeping its data in `dataDir`, served over the PostgreSQL protocol on 127.0.0.1 so
 * the application talks to it exactly as to a real server. Not for production: one process, one
 * session underneath (queries are serialised, an open transaction holds the others back).
 */
export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
): Promise<EmbeddedPostgres> {
  await mkdir(options.dataDir, { recursive: true });
  const db = await PGlite.create({ dataDir: options.dataDir, extensions: { pg_trgm } });
  const server = new PGLiteSocketServer({
    db,
    host: '127.0.0.1',
    port: options.port ?? 0,
    maxConnections: options.maxConnections ?? DEFAULT_MAX_CONNECTIONS,
  });
  try {
    await server.start();
  } catch (error) {
    await db.close();
    throw error;
  }
  return {
    // PGlite has one database and one superuser, whatever a client asks for.
    url: `postgresql://postgres@${server.getServerConn()}/postgres`,
    stop: async () => {
      try {
        await server.stop();
      } finally {
        await db.close();
      }
    },
  };
}
