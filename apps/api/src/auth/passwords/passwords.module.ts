import { Module } from '@nestjs/common';
import { PasswordHasher } from './password-hasher.js';

/** Argon2id hashing: sign-in checks passwords, account management changes them. */
@Module({
  providers: [PasswordHasher],
  exports: [PasswordHasher],
})
export class PasswordsModule {}
