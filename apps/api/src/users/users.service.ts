import { Injectable } from '@nestjs/common';
import type { Role } from '@libs/database';
import { AuditService } from '../audit/audit.service.js';
import { UnitOfWork } from '../platform/database/unit-of-work.js';
import { PasswordHasher } from '../auth/passwords/password-hasher.js';
import { assertStrongPassword } from '../auth/passwords/strong-password.js';
import { SessionsService } from '../auth/sessions/sessions.service.js';
import { DomainError } from '../platform/errors/domain-error.js';
import type { Cursor, Page } from '../platform/pagination/cursor.js';
import { cursorTime, toPage } from '../platform/pagination/cursor.js';
import { type UserResponse, toUserResponse } from './dto/user.schemas.js';
import { type UserRecord, UsersRepository } from './users.repository.js';

@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly sessions: SessionsService,
    private readonly passwords: PasswordHasher,
    private readonly unitOfWork: UnitOfWork,
    private readonly audit: AuditService,
  ) {}

  async get(id: string): Promise<UserResponse> {
    const user = await this.users.findById(id);
    if (!user) throw new DomainError('user_not_found');
    return toUserResponse(user);
  }

  async rename(id: string, name: string | undefined): Promise<UserResponse> {
    const user =
      name === undefined ? await this.users.findById(id) : await this.users.update(id, { name });
    if (!user) throw new DomainError('user_not_found');
    return toUserResponse(user);
  }

  async list(query: { limit: number; cursor?: Cursor; q?: string }): Promise<Page<UserResponse>> {
    const rows = await this.users.list({
      limit: query.limit + 1,
      ...(query.cursor
        ? { after: { createdAt: cursorTime(query.cursor), id: query.cursor.id } }
        : {}),
      ...(query.q ? { q: query.q } : {}),
    });
    return toPage(
      rows,
      query.limit,
      (user: UserRecord) => ({ key: user.createdAt.toISOString(), id: user.id }),
      toUserResponse,
    );
  }

  /**
   * Role and status changes apply at once: a disabled user's sessions end, tokens included. Each
   * real change (a new role, disabling, enabling) is recorded with the update.
   */
  async adminUpdate(
    id: string,
    changes: { role?: Role; disabled?: boolean },
  ): Promise<UserResponse> {
    const target = { type: 'user', id } as const;
    const user = await this.unitOfWork.run(async (tx) => {
      const before = await this.users.lockForChange(tx, id);
      if (!before) return null;
      const updated = await this.users.update(id, changes, tx);
      if (changes.role !== undefined && changes.role !== before.role) {
        await this.audit.record(tx, {
          action: 'user.role.change',
          target,
          details: { from: before.role, to: changes.role },
        });
      }
      if (changes.disabled !== undefined && changes.disabled !== before.disabled) {
        await this.audit.record(tx, {
          action: changes.disabled ? 'user.disable' : 'user.enable',
          target,
        });
      }
      return updated;
    });
    if (!user) throw new DomainError('user_not_found');
    if (changes.disabled === true) await this.sessions.revokeAllOfUser(id, 'user_disabled');
    else if (changes.role !== undefined || changes.disabled === false)
      await this.sessions.forgetUser(id);
    return toUserResponse(user);
  }

  /** Needs the current password; every other session of the user ends. */
  async changePassword(
    user: { id: string; sessionId: string },
    input: { currentPassword: string; newPassword: string },
  ): Promise<void> {
    const account = await this.users.findCredentialsById(user.id);
    if (!account) throw new DomainError('user_not_found');
    const valid = account.passwordHash
      ? await this.passwords.verify(account.passwordHash, input.currentPassword)
      : await this.passwords.verifyNobody(input.currentPassword);
    const target = { type: 'user', id: account.id } as const;
    if (!valid) {
      await this.audit.recordAlone({
        action: 'auth.password.change',
        outcome: 'failure',
        target,
        details: { reason: 'wrong_password' },
      });
      throw new DomainError('wrong_password');
    }
    assertStrongPassword(input.newPassword, account, '#/newPassword');
    const passwordHash = await this.passwords.hash(input.newPassword);
    await this.unitOfWork.run(async (tx) => {
      await this.users.setPasswordHash(account.id, passwordHash, tx);
      await this.audit.record(tx, { action: 'auth.password.change', target });
    });
    await this.sessions.revokeAllOfUser(account.id, 'password_changed', user.sessionId);
  }
}
