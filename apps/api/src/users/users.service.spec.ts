import { beforeEach, describe, expect, it } from '@jest/globals';
import { MemoryStore } from '@libs/cache';
import { loadConfig } from '@libs/config';
import { CacheMetrics, MetricsRegistry } from '@libs/observability';
import { ManualClock, asReal, nextUuid } from '@libs/testing/fakes';
import { InMemorySessionsRepository } from '../../test/fakes/sessions.repository.fake.js';
import { InMemoryUsersRepository } from '../../test/fakes/users.repository.fake.js';
import type { SessionsRepository } from '../auth/sessions/sessions.repository.js';
import { SessionsService } from '../auth/sessions/sessions.service.js';
import { DomainError } from '../platform/errors/domain-error.js';
import type { Cursor } from '../platform/pagination/cursor.js';
import type { UsersRepository } from './users.repository.js';
import { UsersService } from './users.service.js';

const decode = (cursor: string | null): Cursor => {
  const { k, i } = JSON.parse(Buffer.from(cursor ?? '', 'base64url').toString()) as {
    k: string;
    i: string;
  };
  return { key: k, id: i };
};

describe('UsersService', () => {
  let clock: ManualClock;
  let users: InMemoryUsersRepository;
  let sessionRows: InMemorySessionsRepository;
  let sessions: SessionsService;
  let service: UsersService;

  beforeEach(() => {
    clock = new ManualClock();
    users = new InMemoryUsersRepository(clock);
    sessionRows = new InMemorySessionsRepository((id) => users.rows.get(id));
    const store = new MemoryStore(() => clock.now().getTime());
    sessions = new SessionsService(
      loadConfig({ NODE_ENV: 'test' }, { signingKeys: false }),
      asReal<SessionsRepository>(sessionRows),
      store,
      clock,
      new CacheMetrics(new MetricsRegistry()),
    );
    service = new UsersService(asReal<UsersRepository>(users), sessions);
  });

  it('answers a user without credentials', async () => {
    const user = users.add({ name: 'Ada', passwordHash: 'secret hash' });
    const answer = await service.get(user.id);
    expect(answer).toEqual({
      id: user.id,
      email: user.email,
      name: 'Ada',
      role: 'user',
      createdAt: user.createdAt.toISOString(),
    });
  });

  it.each([
    ['get', (s: UsersService, id: string) => s.get(id)],
    ['rename', (s: UsersService, id: string) => s.rename(id, 'New')],
    ['adminUpdate', (s: UsersService, id: string) => s.adminUpdate(id, { role: 'admin' })],
  ])('%s refuses an unknown id with user_not_found', async (_name, call) => {
    await expect(call(service, nextUuid())).rejects.toEqual(new DomainError('user_not_found'));
  });

  it('renames, and keeps the name when none is given', async () => {
    const user = users.add({ name: 'Ada' });
    await expect(service.rename(user.id, undefined)).resolves.toMatchObject({ name: 'Ada' });
    await expect(service.rename(user.id, 'Ada L.')).resolves.toMatchObject({ name: 'Ada L.' });
  });

  it('lists oldest first, page by page, filtered by part of email or name', async () => {
    for (const [email, name] of [
      ['ada@example.com', 'Ada'],
      ['bob@example.com', 'Bob'],
      ['carol@example.com', 'Ada Carol'],
    ]) {
      users.add({ email, name });
      clock.advance(1_000);
    }
    const first = await service.list({ limit: 2 });
    expect(first.data.map((user) => user.email)).toEqual(['ada@example.com', 'bob@example.com']);
    const second = await service.list({ limit: 2, cursor: decode(first.nextCursor) });
    expect(second.data.map((user) => user.email)).toEqual(['carol@example.com']);
    expect(second.nextCursor).toBeNull();
    const found = await service.list({ limit: 10, q: 'ADA' });
    expect(found.data.map((user) => user.email)).toEqual(['ada@example.com', 'carol@example.com']);
  });

  describe('adminUpdate', () => {
    it('disabling ends every session of the user at once', async () => {
      const user = users.add();
      const { sessionId } = await sessions.start(user.id);
      await sessions.live(sessionId);
      await service.adminUpdate(user.id, { disabled: true });
      await expect(sessions.live(sessionId)).resolves.toBeNull();
      expect(sessionRows.sessions.get(sessionId)?.revokedReason).toBe('user_disabled');
    });

    it('a role change applies to live sessions at once, without ending them', async () => {
      const user = users.add();
      const { sessionId } = await sessions.start(user.id);
      await sessions.live(sessionId);
      await expect(service.adminUpdate(user.id, { role: 'admin' })).resolves.toMatchObject({
        role: 'admin',
      });
      await expect(sessions.live(sessionId)).resolves.toEqual({ userId: user.id, role: 'admin' });
    });

    it('re-enabling lets the user in again', async () => {
      const user = users.add({ disabled: true });
      const { sessionId } = await sessions.start(user.id);
      await sessions.live(sessionId);
      await service.adminUpdate(user.id, { disabled: false });
      await expect(sessions.live(sessionId)).resolves.toEqual({ userId: user.id, role: 'user' });
    });
  });
});
