import { Injectable } from '@nestjs/common';
import { type HealthIndicatorFunction, HealthIndicatorService } from '@nestjs/terminus';
import { KeyValueStore } from '@libs/cache';
import { PrismaService } from '@libs/database';
import { pingIndicator } from '@libs/observability';

/** Readiness checks of the dependencies a request may need: PostgreSQL and (when configured) Redis. */
@Injectable()
export class DependenciesHealth {
  constructor(
    private readonly health: HealthIndicatorService,
    private readonly prisma: PrismaService,
    private readonly store: KeyValueStore,
  ) {}

  /** Redis is checked only when configured: the in-process store cannot be down. */
  indicators(): HealthIndicatorFunction[] {
    const database = pingIndicator(this.health, 'database', () => this.prisma.ping());
    const redis = pingIndicator(this.health, 'redis', () => this.store.ping());
    return this.store.kind === 'redis' ? [database, redis] : [database];
  }
}
