import { Global, Module } from '@nestjs/common';
import { Clock } from './clock.js';
import { LifecycleService } from './lifecycle/lifecycle.service.js';
import { DatabasePoolObserver } from './metrics/database-pool.observer.js';
import { ProblemTypesController } from './problem/problem-types.controller.js';

/** Cross-cutting HTTP platform services shared by every feature module. */
@Global()
@Module({
  controllers: [ProblemTypesController],
  providers: [LifecycleService, Clock, DatabasePoolObserver],
  exports: [LifecycleService, Clock],
})
export class PlatformModule {}
