import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { UsersRepository } from '../users/users.repository.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { AuthGuard } from './guards/auth.guard.js';
import { JwtStrategy } from './guards/jwt.strategy.js';
import { PasswordHasher } from './passwords/password-hasher.js';
import { SessionsRepository } from './sessions/sessions.repository.js';
import { SessionsService } from './sessions/sessions.service.js';
import { AccessTokenService } from './tokens/access-token.service.js';
import { JwksController } from './tokens/jwks.controller.js';
import { SigningKeys } from './tokens/signing-keys.js';

@Module({
  imports: [PassportModule],
  controllers: [AuthController, JwksController],
  providers: [
    AuthService,
    PasswordHasher,
    SessionsRepository,
    SessionsService,
    SigningKeys,
    AccessTokenService,
    JwtStrategy,
    UsersRepository,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [AuthService, SessionsService, UsersRepository],
})
export class AuthModule {}
