import { type Config, InjectConfig } from '@libs/config';
import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client.js';
import { poolConfig } from './pool-config.js';

/**
 * The Prisma client of the process, on a pg pool sized and timed from the configuration so that
 * an unreachable database produces fast errors instead of waiting requests. Connects lazily, on
 * the first query; the pool is closed when the Nest application shuts down.
 */
@Injectable()
export class PrismaService extends PrismaClient implements OnModuleDestroy {
  constructor(@InjectConfig() config: Config) {
    const { url, ...settings } = config.database;
    if (!url) throw new Error('DATABASE_URL is not set');
    const logger = new Logger(PrismaService.name);
    super({
      adapter: new PrismaPg(poolConfig(url, settings), {
        // pg drops the dead connection itself; this only makes the event visible.
        onPoolError: (error) => logger.warn(`idle database connection failed: ${error.message}`),
      }),
    });
  }

  /** Readiness: one round trip to PostgreSQL, bounded by the pool's timeouts. */
  async ping(): Promise<void> {
    await this.$queryRaw`SELECT 1`;
  }

  async onModuleDestroy(): Promise<void> {
    await this.$disconnect();
  }
}
