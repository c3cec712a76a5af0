import { Module } from '@nestjs/common';
import { APP_GUARD, Reflector } from '@nestjs/core';
import type { ThrottlerModuleOptions } from '@nestjs/throttler';
import { KeyValueStore } from '@libs/cache';
import { APP_CONFIG, type Config } from '@libs/config';
import { RateLimitGuard } from './rate-limit.guard.js';
import { RateLimitStorage } from './rate-limit.storage.js';
import { rateLimitThrottlers } from './rate-limit.throttlers.js';
import { ThrottlerModule } from './throttler.loader.js';

/**
 * Rate limits on every route (RateLimitGuard is an app-wide guard), counted in Redis when it is
 * configured so they hold across replicas. Import it before feature modules: global guards run
 * in registration order, and limiting should come before authentication work.
 */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG, KeyValueStore, Reflector],
      useFactory: (
        config: Config,
        store: KeyValueStore,
        reflector: Reflector,
      ): ThrottlerModuleOptions => ({
        throttlers: rateLimitThrottlers(config.rateLimit, reflector),
        storage: new RateLimitStorage(store),
      }),
    }),
  ],
  providers: [{ provide: APP_GUARD, useClass: RateLimitGuard }],
})
export class RateLimitModule {}
