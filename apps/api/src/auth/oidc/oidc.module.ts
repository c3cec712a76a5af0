import { Module } from '@nestjs/common';
import { AuthModule } from '../auth.module.js';
import { OidcClientService } from './oidc-client.service.js';
import { OidcController } from './oidc.controller.js';
import { OidcService } from './oidc.service.js';

/** OpenID Connect sign-in; AuthModule turns the verified identity into a session. */
@Module({
  imports: [AuthModule],
  controllers: [OidcController],
  providers: [OidcService, OidcClientService],
})
export class OidcModule {}
