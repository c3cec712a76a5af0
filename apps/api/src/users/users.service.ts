import { Injectable } from '@nestjs/common';
import type { Role } from '@libs/database';
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

  /** Role and status changes apply at once: a disabled user's sessions end, tokens included. */
  async adminUpdate(
    id: string,
    changes: { role?: Role; disabled?: boolean },
  ): Promise<UserResponse> {
    const user = await this.users.update(id, changes);
    if (!user) throw new DomainError('user_not_found');
    if (changes.disabled === true) await this.sessions.revokeAllOfUser(id, 'user_disabled');
    else if (changes.role !== undefined || changes.disabled === false)
      await this.sessions.forgetUser(id);
    return toUserResponse(user);
  }
}
