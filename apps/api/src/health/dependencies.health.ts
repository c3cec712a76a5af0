import { Injectable } from '@nestjs/common';
import {
  type HealthIndicatorFunction,
  type HealthIndicatorResult,
  HealthIndicatorService,
} from '@nestjs/terminus';
import { KeyValueStore } from '@libs/cache';
import { PrismaService } from '@libs/database';
import { withTimeout } from '../platform/with-timeout.js';

/** Within the readiness probe's own timeout (3 s in k8s/), whatever the dependency does; a
 * first connection on a busy node can take over a second. */
const CHECK_TIMEOUT_MS = 2_500;

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
    const database = (): Promise<HealthIndicatorResult> =>
      this.check('database', () => this.prisma.ping());
    const redis = (): Promise<HealthIndicatorResult> =>
      this.check('redis', () => this.store.ping());
    return this.store.kind === 'redis' ? [database, redis] : [database];
  }

  private async check(key: string, ping: () => Promise<void>): Promise<HealthIndicatorResult> {
    const indicator = this.health.check(key);
    try {
      await withTimeout(ping(), CHECK_TIMEOUT_MS, key);
      return indicator.up();
    } catch {
      return indicator.down();
    }
  }
}
