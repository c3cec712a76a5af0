import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { Clock } from './clock.js';
import { UnitOfWork } from './database/unit-of-work.js';
import { LifecycleService } from './lifecycle/lifecycle.service.js';
import { DatabasePoolObserver } from './metrics/database-pool.observer.js';
import { ProblemTypesController } from './problem/problem-types.controller.js';
import { RequestContextInterceptor } from './request-context/request-context.interceptor.js';

/** Cross-cutting HTTP platform services shared by every feature module. */
@Global()
@Module({
  controllers: [ProblemTypesController],
  providers: [
    LifecycleService,
    Clock,
    DatabasePoolObserver,
    UnitOfWork,
    { provide: APP_INTERCEPTOR, useClass: RequestContextInterceptor },
  ],
  exports: [LifecycleService, Clock, UnitOfWork],
})
export class PlatformModule {}
