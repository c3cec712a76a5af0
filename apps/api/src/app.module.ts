import { type DynamicModule, Module } from '@nestjs/common';
import { CacheModule } from '@libs/cache';
import { type Config, ConfigModule } from '@libs/config';
import { DatabaseModule } from '@libs/database';
import { LoggerModule, MetricsModule } from '@libs/observability';
import { AccountsModule } from './accounts/accounts.module.js';
import { ApiKeysModule } from './api-keys/api-keys.module.js';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { OidcModule } from './auth/oidc/oidc.module.js';
import { HealthModule } from './health/health.module.js';
import { MfaModule } from './mfa/mfa.module.js';
import { OrdersModule } from './orders/orders.module.js';
import { ProductsModule } from './products/products.module.js';
import { FeatureFlagsModule } from './platform/feature-flags/feature-flags.module.js';
import { PlatformModule } from './platform/platform.module.js';
import { RateLimitModule } from './platform/rate-limit/rate-limit.module.js';
import { UsersModule } from './users/users.module.js';

@Module({})
export class AppModule {
  static forRoot(config: Config): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(),
        MetricsModule,
        DatabaseModule,
        CacheModule.forRoot(),
        PlatformModule,
        FeatureFlagsModule,
        AuditModule,
        RateLimitModule,
        HealthModule,
        AuthModule,
        OidcModule,
        AccountsModule,
        UsersModule,
        ApiKeysModule,
        MfaModule,
        ProductsModule,
        OrdersModule,
      ],
    };
  }
}
