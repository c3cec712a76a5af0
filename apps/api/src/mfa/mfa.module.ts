import { Module } from '@nestjs/common';
import { PasswordsModule } from '../auth/passwords/passwords.module.js';
import { UsersModule } from '../users/users.module.js';
import { MfaController } from './mfa.controller.js';
import { MfaRepository } from './mfa.repository.js';
import { MfaService } from './mfa.service.js';
import { TotpSecretCipher } from './totp-secret-cipher.js';

/** TOTP multi-factor sign-in; sign-in (AuthModule) asks MfaService for the second step. */
@Module({
  imports: [UsersModule, PasswordsModule],
  controllers: [MfaController],
  providers: [MfaRepository, MfaService, TotpSecretCipher],
  exports: [MfaService],
})
export class MfaModule {}
