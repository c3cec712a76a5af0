import type { Config } from '@libs/config';
import pg from 'pg';

export type PoolSettings = Omit<Config['database'], 'url' | 'logQueries'>;

/** Idle pooled connections are closed after this long (pg's default, stated explicitly). */
const IDLE_TIMEOUT_MS = 10_000;
/**
 * PostgreSQL cancels a statement at statement_timeout; an answer this much later means the server
 * or the network is gone, and the client stops waiting.
 */
const QUERY_TIMEOUT_MARGIN_MS = 1_000;

/**
 * pg options for the application pool. pg-pool applies its `connectionTimeoutMillis` both to
 * waiting for a free connection and to opening a new one; the client class carries the connect
 * timeout, so a caller waits at most poolTimeoutMs in every case and a connection attempt also
 * stops after connectTimeoutMs. 0 disables a timeout, as in pg.
 */
export function poolConfig(url: string, settings: PoolSettings): pg.PoolConfig {
  const { poolSize, connectTimeoutMs, poolTimeoutMs, statementTimeoutMs } = settings;
  class Client extends pg.Client {
    constructor(config?: pg.ClientConfig) {
      super({ ...config, connectionTimeoutMillis: connectTimeoutMs });
    }
  }
  return {
    connectionString: url,
    max: poolSize,
    connectionTimeoutMillis: poolTimeoutMs,
    Client,
    statement_timeout: statementTimeoutMs,
    query_timeout:
      statementTimeoutMs > 0 ? statementTimeoutMs + QUERY_TIMEOUT_MARGIN_MS : undefined,
    idleTimeoutMillis: IDLE_TIMEOUT_MS,
    // Notices peers that vanished without closing the connection (network partition, VM gone).
    keepAlive: true,
  };
}
