import { type Config, InjectConfig } from '@libs/config';
import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from './generated/prisma/client.js';
import { poolConfig } from './pool-config.js';

/**
 * The Prisma client of the process, on a pg pool sized and timed from the configuration so that
 * an unreachable database produces fast errors instead of waiting requests. Connects lazily, on
 * the first query; the pool is closed when the Nest application shuts down.
 */
/** A statement sent to PostgreSQL: its SQL, its parameters as a JSON array, its duration in ms. */
interface QueryEvent {
  readonly query: string;
  readonly params: string;
  readonly duration: number;
}

/** `$on('query')` exists on the client only when its type knows query logging is configured. */
interface QueryEvents {
  $on(event: 'query', listener: (event: QueryEvent) => void): void;
}

@Injectable()
export class PrismaService extends PrismaClient implements OnModuleDestroy {
  private readonly pool: pg.Pool;

  constructor(@InjectConfig() config: Config) {
    const { url, logQueries, ...settings } = config.database;
    if (!url) throw new Error('DATABASE_URL is not set');
    const logger = new Logger(PrismaService.name);
    // Our pool rather than one the adapter creates, so its usage can be reported (metrics).
    const pool = new pg.Pool(poolConfig(url, settings));
    super({
      adapter: new PrismaPg(pool, {
        // $disconnect ends it, as it ends a pool the adapter made itself.
        disposeExternalPool: true,
        // pg drops the dead connection itself; this only makes the event visible.
        onPoolError: (error) => logger.warn(`idle database connection failed: ${error.message}`),
      }),
      ...(logQueries ? { log: [{ emit: 'event', level: 'query' }] as const } : {}),
    });
    this.pool = pool;
    if (logQueries) {
      this.onQuery(({ query, duration }) => logger.debug(`${duration} ms: ${query}`));
    }
  }

  /**
   * Calls `listener` with every SQL statement sent, when DATABASE_LOG_QUERIES is on (otherwise
   * Prisma emits no query events). Tests use it to count the queries of a request.
   */
  onQuery(listener: (event: QueryEvent) => void): void {
    (this as unknown as QueryEvents).$on('query', listener);
  }

  /** Connections open, idle and waited for, read by the pool metrics. */
  poolStats(): { total: number; idle: number; waiting: number; max: number } {
    const { totalCount, idleCount, waitingCount, options } = this.pool;
    return { total: totalCount, idle: idleCount, waiting: waitingCount, max: options.max };
  }

  /** Readiness: one round trip to PostgreSQL, bounded by the pool's timeouts. */
  async ping(): Promise<void> {
    await this.$queryRaw`SELECT 1`;
  }

  async onModuleDestroy(): Promise<void> {
    await this.$disconnect();
  }
}
