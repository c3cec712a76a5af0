import { beforeEach, describe, expect, it } from '@jest/globals';
import { MemoryStore } from '@libs/cache';
import { loadConfig } from '@libs/config';
import { CacheMetrics, MetricsRegistry } from '@libs/observability';
import { ManualClock, asReal, nextUuid } from '@libs/testing/fakes';
import { FakePasswordHasher } from '../../test/fakes/password-hasher.fake.js';
import { inMemoryAudit } from '../../test/fakes/audit.fake.js';
import type { InMemoryAuditRepository } from '../../test/fakes/audit.repository.fake.js';
import { InMemorySessionsRepository } from '../../test/fakes/sessions.repository.fake.js';
import { InMemoryUsersRepository } from '../../test/fakes/users.repository.fake.js';
import type { PasswordHasher } from '../auth/passwords/password-hasher.js';
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
  let events: InMemoryAuditRepository;
  /** Users whose TOTP is on (the MFA tables, as the repository reads them). */
  let withMfa: Set<string>;

  beforeEach(() => {
    clock = new ManualClock();
    withMfa = new Set();
    users = new InMemoryUsersRepository(clock, (id) => withMfa.has(id));
    sessionRows = new InMemorySessionsRepository((id) => users.rows.get(id));
    const fakes = inMemoryAudit(clock);
    events = fakes.events;
    const store = new MemoryStore(() => clock.now().getTime());
    sessions = new SessionsService(
      loadConfig({ NODE_ENV: 'test' }, { signingKeys: false }),
      asReal<SessionsRepository>(sessionRows),
      store,
      clock,
      new CacheMetrics(new MetricsRegistry()),
      fakes.unitOfWork,
    );
    service = new UsersService(
      asReal<UsersRepository>(users),
      sessions,
      asReal<PasswordHasher>(new FakePasswordHasher()),
      fakes.unitOfWork,
      fakes.audit,
    );
  });

  it('answers a user without credentials', async () => {
    const user = users.add({ name: 'Ada', passwordHash: 'secret hash' });
    const answer = await service.get(user.id);
    expect(answer).toEqual({
      id: user.id,
      email: user.email,
      name: 'Ada',
      role: 'user',
      emailVerified: false,
      createdAt: user.createdAt.toISOString(),
      mfaEnabled: false,
    });
  });

  it('shows whether MFA is on, in a user, a list, and after a change', async () => {
    const [ada, bob] = [users.add({ name: 'Ada' }), users.add({ name: 'Bob' })];
    withMfa.add(ada.id);
    await expect(service.get(ada.id)).resolves.toMatchObject({ mfaEnabled: true });
    await expect(service.get(bob.id)).resolves.toMatchObject({ mfaEnabled: false });
    const page = await service.list({ limit: 10 });
    expect(page.data.map(({ name, mfaEnabled }) => ({ name, mfaEnabled }))).toEqual([
      { name: 'Ada', mfaEnabled: true },
      { name: 'Bob', mfaEnabled: false },
    ]);
    await expect(service.rename(ada.id, 'Ada L.')).resolves.toMatchObject({ mfaEnabled: true });
    await expect(service.adminUpdate(ada.id, { role: 'admin' })).resolves.toMatchObject({
      mfaEnabled: true,
    });
  });

  it('shows whether the email is verified', async () => {
    const user = users.add({ emailVerifiedAt: new Date() });
    await expect(service.get(user.id)).resolves.toMatchObject({ emailVerified: true });
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

  describe('changePassword', () => {
    const PASSWORD = 'a quiet walk in the mist 42';
    const NEW_PASSWORD = 'another quiet walk in the rain 7';

    const account = async () => {
      const user = users.add({ email: 'ada@example.com', passwordHash: `fake-v2$${PASSWORD}` });
      const current = await sessions.start(user.id);
      const other = await sessions.start(user.id);
      return { user, caller: { id: user.id, sessionId: current.sessionId }, other };
    };

    it('sets the new password and ends every other session, not the caller’s', async () => {
      const { user, caller, other } = await account();
      await service.changePassword(caller, {
        currentPassword: PASSWORD,
        newPassword: NEW_PASSWORD,
      });
      expect(users.rows.get(user.id)?.passwordHash).toBe(`fake-v2$${NEW_PASSWORD}`);
      await expect(sessions.live(caller.sessionId)).resolves.not.toBeNull();
      await expect(sessions.live(other.sessionId)).resolves.toBeNull();
    });

    it('refuses a wrong current password with wrong_password, changing nothing', async () => {
      const { user, caller, other } = await account();
      await expect(
        service.changePassword(caller, { currentPassword: 'not it', newPassword: NEW_PASSWORD }),
      ).rejects.toEqual(new DomainError('wrong_password'));
      expect(users.rows.get(user.id)?.passwordHash).toBe(`fake-v2$${PASSWORD}`);
      await expect(sessions.live(other.sessionId)).resolves.not.toBeNull();
    });

    it('refuses any current password of an account without one (OIDC only)', async () => {
      const user = users.add({ passwordHash: null });
      const { sessionId } = await sessions.start(user.id);
      await expect(
        service.changePassword(
          { id: user.id, sessionId },
          { currentPassword: PASSWORD, newPassword: NEW_PASSWORD },
        ),
      ).rejects.toEqual(new DomainError('wrong_password'));
    });

    it.each([
      ['a common password', 'qwerty123456'],
      ['one made of the email', 'ada@example.com-ada'],
    ])('refuses %s as the new one, pointing at #/newPassword', async (_case, newPassword) => {
      const { caller } = await account();
      await expect(
        service.changePassword(caller, { currentPassword: PASSWORD, newPassword }),
      ).rejects.toMatchObject({ code: 'weak_password', errors: [{ pointer: '#/newPassword' }] });
    });
  });

  describe('audit', () => {
    const PASSWORD = 'a quiet walk in the mist 42';

    it('records a password change, and a refused one, never the passwords', async () => {
      const user = users.add({ passwordHash: `fake-v2$${PASSWORD}` });
      const caller = { id: user.id, sessionId: (await sessions.start(user.id)).sessionId };
      const newPassword = 'another quiet walk in the rain 7';
      await service
        .changePassword(caller, { currentPassword: 'not it', newPassword })
        .catch(() => undefined);
      await service.changePassword(caller, { currentPassword: PASSWORD, newPassword });
      expect(
        events.rows.map(({ action, outcome, targetId }) => [action, outcome, targetId]),
      ).toEqual([
        ['auth.password.change', 'failure', user.id],
        ['auth.password.change', 'success', user.id],
      ]);
      expect(JSON.stringify(events.rows)).not.toMatch(/quiet walk|not it/);
    });

    it('records each real change of role and status, with the roles before and after', async () => {
      const user = users.add();
      await service.adminUpdate(user.id, { role: 'admin', disabled: true });
      await service.adminUpdate(user.id, { role: 'admin', disabled: true });
      await service.adminUpdate(user.id, { disabled: false });
      expect(events.rows.map(({ action, details }) => [action, details])).toEqual([
        ['user.role.change', { from: 'user', to: 'admin' }],
        ['user.disable', {}],
        ['user.enable', {}],
      ]);
      expect(events.rows.every((event) => event.subjectUserId === user.id)).toBe(true);
    });

    it('records nothing for a user that does not exist', async () => {
      await expect(service.adminUpdate(nextUuid(), { role: 'admin' })).rejects.toThrow(DomainError);
      expect(events.rows).toEqual([]);
    });
  });
});
