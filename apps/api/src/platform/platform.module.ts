import { Global, Module } from '@nestjs/common';
import { LifecycleService } from './lifecycle/lifecycle.service.js';

/** Cross-cutting HTTP platform services shared by every feature module. */
@Global()
@Module({
  providers: [LifecycleService],
  exports: [LifecycleService],
})
export class PlatformModule {}
