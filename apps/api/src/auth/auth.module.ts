import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ApiKeysModule } from '../api-keys/api-keys.module.js';
import { MfaModule } from '../mfa/mfa.module.js';
import { UsersModule } from '../users/users.module.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { AuthGuard } from './guards/auth.guard.js';
import { BearerAuthenticator } from './guards/bearer-authenticator.js';
import { PasswordsModule } from './passwords/passwords.module.js';
import { SessionsModule } from './sessions/sessions.module.js';
import { AccessTokenService } from './tokens/access-token.service.js';
import { JwksController } from './tokens/jwks.controller.js';
import { SigningKeys } from './tokens/signing-keys.js';

@Module({
  imports: [UsersModule, SessionsModule, PasswordsModule, ApiKeysModule, MfaModule],
  controllers: [AuthController, JwksController],
  providers: [
    AuthService,
    SigningKeys,
    AccessTokenService,
    BearerAuthenticator,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [AuthService],
})
export class AuthModule {}
