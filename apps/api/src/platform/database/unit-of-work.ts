import { Injectable } from '@nestjs/common';
import { type Config, InjectConfig } from '@libs/config';
import { PrismaService, type Transaction } from '@libs/database';

/**
 * Runs work in one database transaction, so a change and its audit row (or any two writes of
 * different features) commit or roll back together. Services get a `Transaction` to hand to
 * repositories; they never see the client. Waiting for a connection and the work itself are
 * bounded like any other query, so an overloaded database fails fast (503).
 */
@Injectable()
export class UnitOfWork {
  private readonly limits: { maxWait: number; timeout: number };

  constructor(
    private readonly prisma: PrismaService,
    @InjectConfig() config: Config,
  ) {
    this.limits = {
      maxWait: config.database.poolTimeoutMs || 2_000,
      timeout: config.database.statementTimeoutMs || 10_000,
    };
  }

  run<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(work, this.limits);
  }
}
