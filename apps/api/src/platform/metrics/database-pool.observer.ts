import { PrismaService } from '@libs/database';
import { DatabasePoolMetrics } from '@libs/observability';
import { Injectable, type OnModuleInit } from '@nestjs/common';

/** Reports the Prisma pool's usage through the pool metrics, read at each scrape. */
@Injectable()
export class DatabasePoolObserver implements OnModuleInit {
  constructor(
    private readonly prisma: PrismaService,
    private readonly metrics: DatabasePoolMetrics,
  ) {}

  onModuleInit(): void {
    this.metrics.observe(() => this.prisma.poolStats());
  }
}
