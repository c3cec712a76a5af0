import { Global, Module, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type Config } from '@libs/config';
import { FeatureFlags } from './feature-flags.js';
import { createFlagProvider } from './flag-provider.js';

/** Provides FeatureFlags, started with the app and closed (flagd connection) at shutdown. */
@Global()
@Module({
  providers: [
    {
      provide: FeatureFlags,
      inject: [APP_CONFIG],
      useFactory: (config: Config) => new FeatureFlags(createFlagProvider(config)),
    },
  ],
  exports: [FeatureFlags],
})
export class FeatureFlagsModule implements OnModuleInit, OnApplicationShutdown {
  constructor(private readonly flags: FeatureFlags) {}

  onModuleInit(): void {
    this.flags.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.flags.close();
  }
}
