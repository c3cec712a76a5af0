import { beforeEach, describe, expect, it } from '@jest/globals';
import { MemoryStore } from '@libs/cache';
import { loadConfig } from '@libs/config';
import { CacheMetrics, MetricsRegistry } from '@libs/observability';
import { ManualClock, asReal, nextUuid } from '@libs/testing/fakes';
import { InMemoryAccountsRepository } from '../../test/fakes/accounts.repository.fake.js';
import { inMemoryAudit } from '../../test/fakes/audit.fake.js';
import type { InMemoryAuditRepository } from '../../test/fakes/audit.repository.fake.js';
import { FakePasswordHasher } from '../../test/fakes/password-hasher.fake.js';
import { InMemorySessionsRepository } from '../../test/fakes/sessions.repository.fake.js';
import { InMemoryUsersRepository } from '../../test/fakes/users.repository.fake.js';
import type { PasswordHasher } from '../auth/passwords/password-hasher.js';
import type { SessionsRepository } from '../auth/sessions/sessions.repository.js';
import { SessionsService } from '../auth/sessions/sessions.service.js';
import { DomainError } from '../platform/errors/domain-error.js';
import { AccountQuota } from '../platform/rate-limit/account-quota.js';
import type { UsersRepository } from '../users/users.repository.js';
import type { AccountsRepository } from './accounts.repository.js';
import { AccountsService } from './accounts.service.js';

const NEW_PASSWORD = 'violet submarine orchestra 42';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const invalid = new DomainError('invalid_account_token');

describe('AccountsService', () => {
  const config = loadConfig({ NODE_ENV: 'test', RATE_LIMIT_ACCOUNT_PER_MINUTE: '3' });
  let clock: ManualClock;
  let users: InMemoryUsersRepository;
  let accounts: InMemoryAccountsRepository;
  let sessions: SessionsService;
  let service: AccountsService;
  let audit: InMemoryAuditRepository;

  beforeEach(() => {
    clock = new ManualClock();
    users = new InMemoryUsersRepository(clock);
    const fakes = inMemoryAudit(clock);
    audit = fakes.events;
    accounts = new InMemoryAccountsRepository(users, clock, fakes.unitOfWork);
    const store = new MemoryStore(() => clock.now().getTime());
    sessions = new SessionsService(
      config,
      asReal<SessionsRepository>(new InMemorySessionsRepository((id) => users.rows.get(id))),
      store,
      clock,
      new CacheMetrics(new MetricsRegistry()),
      fakes.unitOfWork,
    );
    service = new AccountsService(
      asReal<AccountsRepository>(accounts),
      asReal<UsersRepository>(users),
      asReal<PasswordHasher>(new FakePasswordHasher()),
      sessions,
      new AccountQuota(store, config, clock),
      fakes.audit,
      clock,
    );
  });

  describe('verifyEmail', () => {
    it('marks the account verified; the token works once', async () => {
      const ada = users.add({ email: 'ada@example.com' });
      const token = accounts.issue(ada.id, 'email_verification');
      await service.verifyEmail(token);
      expect(users.rows.get(ada.id)?.emailVerifiedAt).toEqual(clock.now());
      await expect(service.verifyEmail(token)).rejects.toEqual(invalid);
      expect(audit.rows).toEqual([
        expect.objectContaining({ action: 'auth.email.verify', targetId: ada.id }),
      ]);
    });

    it('accepts a token until 24 hours after it was mailed, and not after', async () => {
      const ada = users.add();
      const token = accounts.issue(ada.id, 'email_verification');
      clock.advance(24 * HOUR - 1);
      await service.verifyEmail(token);

      const bob = users.add();
      const late = accounts.issue(bob.id, 'email_verification');
      clock.advance(24 * HOUR);
      await expect(service.verifyEmail(late)).rejects.toEqual(invalid);
      expect(users.rows.get(bob.id)?.emailVerifiedAt).toBeNull();
    });

    it('refuses a token replaced by a newer mail', async () => {
      const ada = users.add();
      const first = accounts.issue(ada.id, 'email_verification');
      const second = accounts.issue(ada.id, 'email_verification');
      await expect(service.verifyEmail(first)).rejects.toEqual(invalid);
      await service.verifyEmail(second);
    });

    it.each([
      ['an unknown token', () => 'x'.repeat(43)],
      [
        'a password reset token',
        (a: InMemoryAccountsRepository, id: string) => a.issue(id, 'password_reset'),
      ],
    ])('refuses %s the same way', async (_case, tokenOf) => {
      const ada = users.add();
      await expect(service.verifyEmail(tokenOf(accounts, ada.id))).rejects.toEqual(invalid);
      expect(users.rows.get(ada.id)?.emailVerifiedAt).toBeNull();
    });

    it('refuses the token of a disabled account', async () => {
      const ada = users.add({ disabled: true });
      const token = accounts.issue(ada.id, 'email_verification');
      await expect(service.verifyEmail(token)).rejects.toEqual(invalid);
    });

    it('refuses a token mailed to an address the account no longer has', async () => {
      const ada = users.add({ email: 'ada@example.com' });
      const token = accounts.issue(ada.id, 'email_verification');
      users.rows.set(ada.id, { ...users.rows.get(ada.id)!, email: 'ada@new.example' });
      await expect(service.verifyEmail(token)).rejects.toEqual(invalid);
      expect(users.rows.get(ada.id)?.emailVerifiedAt).toBeNull();
      expect(audit.rows).toEqual([]);
    });
  });

  describe('resendVerification', () => {
    it('requests a new mail (the worker issues its token)', async () => {
      const ada = users.add();
      await service.resendVerification(ada.id);
      expect(accounts.events).toEqual([
        { type: 'account.verification_requested', payload: { userId: ada.id } },
      ]);
    });

    it('refuses an account that is verified already', async () => {
      const ada = users.add({ emailVerifiedAt: clock.now() });
      await expect(service.resendVerification(ada.id)).rejects.toEqual(
        new DomainError('email_already_verified'),
      );
      expect(accounts.events).toEqual([]);
    });

    it('refuses an account that does not exist', async () => {
      await expect(service.resendVerification(nextUuid())).rejects.toEqual(
        new DomainError('user_not_found'),
      );
      expect(accounts.events).toEqual([]);
    });

    it('sends at most RATE_LIMIT_ACCOUNT_PER_MINUTE a minute per account', async () => {
      const ada = users.add();
      for (let i = 0; i < 3; i += 1) await service.resendVerification(ada.id);
      await expect(service.resendVerification(ada.id)).rejects.toMatchObject({
        code: 'account_rate_limited',
      });
      // Another account has its own count.
      await service.resendVerification(users.add().id);
      // The block lasts a minute from the refused request.
      clock.advance(MINUTE + 1_000);
      await service.resendVerification(ada.id);
      expect(accounts.events).toHaveLength(5);
    });
  });

  describe('forgotPassword', () => {
    it('does the same for an address with and without an account: one request, by address', async () => {
      users.add({ email: 'ada@example.com' });
      await service.forgotPassword('ada@example.com');
      await service.forgotPassword('nobody@example.com');
      expect(accounts.events).toEqual([
        { type: 'account.password_reset_requested', payload: { email: 'ada@example.com' } },
        { type: 'account.password_reset_requested', payload: { email: 'nobody@example.com' } },
      ]);
    });
  });

  describe('resetPassword', () => {
    it('sets the password, ends every session, spends the token and says so by mail', async () => {
      const ada = users.add({ passwordHash: 'fake-v2$old password' });
      const phone = await sessions.start(ada.id);
      const laptop = await sessions.start(ada.id);
      const token = accounts.issue(ada.id, 'password_reset');

      await service.resetPassword(token, NEW_PASSWORD);

      expect(users.rows.get(ada.id)?.passwordHash).toBe(`fake-v2$${NEW_PASSWORD}`);
      await expect(sessions.live(phone.sessionId)).resolves.toBeNull();
      await expect(sessions.live(laptop.sessionId)).resolves.toBeNull();
      await expect(sessions.refresh(laptop.refreshToken)).rejects.toMatchObject({
        code: 'invalid_refresh_token',
      });
      expect(accounts.events).toEqual([
        { type: 'account.password_changed', payload: { userId: ada.id } },
      ]);
      expect(audit.rows).toEqual([
        expect.objectContaining({ action: 'auth.password.reset', targetId: ada.id }),
      ]);
      // The mail reached its owner: the address is verified too.
      expect(users.rows.get(ada.id)?.emailVerifiedAt).toEqual(clock.now());
      await expect(service.resetPassword(token, 'another fine passphrase 7')).rejects.toEqual(
        invalid,
      );
    });

    it('accepts a token for 30 minutes, and not after', async () => {
      const ada = users.add();
      const token = accounts.issue(ada.id, 'password_reset');
      clock.advance(30 * MINUTE);
      await expect(service.resetPassword(token, NEW_PASSWORD)).rejects.toEqual(invalid);
      expect(users.rows.get(ada.id)?.passwordHash).toBeNull();

      const fresh = accounts.issue(ada.id, 'password_reset');
      clock.advance(30 * MINUTE - 1);
      await service.resetPassword(fresh, NEW_PASSWORD);
    });

    it('gives an account that signs in only through OIDC its first password', async () => {
      const ada = users.add({ passwordHash: null });
      await service.resetPassword(accounts.issue(ada.id, 'password_reset'), NEW_PASSWORD);
      expect(users.rows.get(ada.id)?.passwordHash).toBe(`fake-v2$${NEW_PASSWORD}`);
    });

    it('refuses a weak password without spending the token', async () => {
      const ada = users.add({ email: 'ada.lovelace@example.com', name: 'Ada Lovelace' });
      const token = accounts.issue(ada.id, 'password_reset');
      await expect(service.resetPassword(token, 'ada.lovelace@example.com')).rejects.toMatchObject({
        code: 'weak_password',
      });
      await service.resetPassword(token, NEW_PASSWORD);
    });

    it('refuses a verification token, and a reset token replaced by a newer mail', async () => {
      const ada = users.add();
      const verification = accounts.issue(ada.id, 'email_verification');
      await expect(service.resetPassword(verification, NEW_PASSWORD)).rejects.toEqual(invalid);
      const first = accounts.issue(ada.id, 'password_reset');
      accounts.issue(ada.id, 'password_reset');
      await expect(service.resetPassword(first, NEW_PASSWORD)).rejects.toEqual(invalid);
    });

    it('refuses a token mailed to an address the account no longer has', async () => {
      const ada = users.add({ email: 'ada@example.com' });
      const token = accounts.issue(ada.id, 'password_reset');
      users.rows.set(ada.id, { ...users.rows.get(ada.id)!, email: 'ada@new.example' });
      await expect(service.resetPassword(token, NEW_PASSWORD)).rejects.toEqual(invalid);
      expect(users.rows.get(ada.id)?.passwordHash).toBeNull();
    });

    it('refuses the token of a disabled account, its sessions left alone', async () => {
      const ada = users.add();
      const session = await sessions.start(ada.id);
      const token = accounts.issue(ada.id, 'password_reset');
      users.rows.set(ada.id, { ...users.rows.get(ada.id)!, disabled: true });
      await expect(service.resetPassword(token, NEW_PASSWORD)).rejects.toEqual(invalid);
      expect(users.rows.get(ada.id)?.passwordHash).toBeNull();
      expect(accounts.events).toEqual([]);
      expect(audit.rows).toEqual([]);
      users.rows.set(ada.id, { ...users.rows.get(ada.id)!, disabled: false });
      await expect(sessions.live(session.sessionId)).resolves.not.toBeNull();
    });

    it('ends no session when the new password is refused', async () => {
      const ada = users.add({ email: 'ada.lovelace@example.com' });
      const session = await sessions.start(ada.id);
      const token = accounts.issue(ada.id, 'password_reset');
      await expect(service.resetPassword(token, 'ada.lovelace@example.com')).rejects.toMatchObject({
        code: 'weak_password',
      });
      await expect(sessions.live(session.sessionId)).resolves.not.toBeNull();
      expect(accounts.events).toEqual([]);
    });

    it('limits resets per account', async () => {
      const ada = users.add();
      for (let i = 0; i < 3; i += 1)
        await service.resetPassword(accounts.issue(ada.id, 'password_reset'), NEW_PASSWORD);
      await expect(
        service.resetPassword(accounts.issue(ada.id, 'password_reset'), NEW_PASSWORD),
      ).rejects.toMatchObject({ code: 'account_rate_limited' });
    });
  });
});
