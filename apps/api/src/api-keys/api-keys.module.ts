import { Module } from '@nestjs/common';
import { ApiKeyUsage } from './api-key-usage.js';
import { ApiKeysController } from './api-keys.controller.js';
import { ApiKeysRepository } from './api-keys.repository.js';
import { ApiKeysService } from './api-keys.service.js';

/** API keys for machine clients; the global guard (AuthModule) authenticates them. */
@Module({
  controllers: [ApiKeysController],
  providers: [ApiKeysRepository, ApiKeysService, ApiKeyUsage],
  exports: [ApiKeysService],
})
export class ApiKeysModule {}
