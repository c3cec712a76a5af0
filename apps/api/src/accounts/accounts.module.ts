import { Module } from '@nestjs/common';
import { PasswordsModule } from '../auth/passwords/passwords.module.js';
import { SessionsModule } from '../auth/sessions/sessions.module.js';
import { AccountQuota } from '../platform/rate-limit/account-quota.js';
import { UsersModule } from '../users/users.module.js';
import { AccountsController } from './accounts.controller.js';
import { AccountsRepository } from './accounts.repository.js';
import { AccountsService } from './accounts.service.js';

/** Email verification and password reset by mail (the worker sends the mails). */
@Module({
  imports: [UsersModule, SessionsModule, PasswordsModule],
  controllers: [AccountsController],
  providers: [AccountsRepository, AccountsService, AccountQuota],
})
export class AccountsModule {}
