import { beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { MemoryStore } from '@libs/cache';
import { type Config, loadConfig } from '@libs/config';
import { CacheMetrics, MetricsRegistry } from '@libs/observability';
import { ManualClock, asReal } from '@libs/testing/fakes';
import { InMemoryMfaRepository } from '../../test/fakes/mfa.repository.fake.js';
import { FakePasswordHasher } from '../../test/fakes/password-hasher.fake.js';
import { inMemoryAudit } from '../../test/fakes/audit.fake.js';
import type { InMemoryAuditRepository } from '../../test/fakes/audit.repository.fake.js';
import { InMemorySessionsRepository } from '../../test/fakes/sessions.repository.fake.js';
import { InMemoryUsersRepository } from '../../test/fakes/users.repository.fake.js';
import { decodeJwt } from '../../test/support/jwt.js';
import { totpCode } from '../../test/support/totp.js';
import type { MfaRepository } from '../mfa/mfa.repository.js';
import { MfaService } from '../mfa/mfa.service.js';
import { TotpSecretCipher } from '../mfa/totp-secret-cipher.js';
import { DomainError } from '../platform/errors/domain-error.js';
import type { UsersRepository } from '../users/users.repository.js';
import { AuthService, type ExternalIdentity, type LoginResult } from './auth.service.js';
import type { TokenResponse } from './dto/token-response.js';
import type { PasswordHasher } from './passwords/password-hasher.js';
import type { SessionsRepository } from './sessions/sessions.repository.js';
import { SessionsService } from './sessions/sessions.service.js';
import { AccessTokenService } from './tokens/access-token.service.js';
import { SigningKeys } from './tokens/signing-keys.js';

const PASSWORD = 'a quiet walk in the mist 42';

function tokensOf(result: LoginResult): TokenResponse {
  if ('mfaRequired' in result) throw new Error('expected tokens, got an MFA challenge');
  return result;
}

describe('AuthService', () => {
  let config: Config;
  let keys: SigningKeys;
  let users: InMemoryUsersRepository;
  let passwords: FakePasswordHasher;
  let sessions: SessionsService;
  let sessionRows: InMemorySessionsRepository;
  let clock: ManualClock;
  let mfa: MfaService;
  let auth: AuthService;
  let events: InMemoryAuditRepository;

  beforeAll(async () => {
    config = loadConfig({ NODE_ENV: 'test' });
    keys = new SigningKeys(config);
    await keys.onModuleInit();
  });

  beforeEach(() => {
    clock = new ManualClock(new Date());
    const mfaRows = new InMemoryMfaRepository();
    users = new InMemoryUsersRepository(clock, (id) => Boolean(mfaRows.totp.get(id)?.enabledAt));
    passwords = new FakePasswordHasher();
    sessionRows = new InMemorySessionsRepository((id) => users.rows.get(id));
    const fakes = inMemoryAudit(clock);
    events = fakes.events;
    const store = new MemoryStore(() => clock.now().getTime());
    sessions = new SessionsService(
      config,
      asReal<SessionsRepository>(sessionRows),
      store,
      clock,
      new CacheMetrics(new MetricsRegistry()),
      fakes.unitOfWork,
    );
    mfa = new MfaService(
      config,
      asReal<MfaRepository>(mfaRows),
      asReal<UsersRepository>(users),
      asReal<PasswordHasher>(passwords),
      new TotpSecretCipher(config),
      clock,
      fakes.unitOfWork,
      fakes.audit,
    );
    auth = new AuthService(
      asReal<UsersRepository>(users),
      asReal<PasswordHasher>(passwords),
      sessions,
      new AccessTokenService(config, keys, clock),
      fakes.unitOfWork,
      fakes.audit,
      mfa,
      clock,
    );
  });

  const sessionOf = (accessToken: string): string => decodeJwt(accessToken).claims.sid as string;

  describe('register', () => {
    it('creates the account, hashes the password and starts a session', async () => {
      const tokens = await auth.register({
        email: 'ada@example.com',
        password: PASSWORD,
        name: 'Ada',
      });
      expect(tokens).toMatchObject({
        tokenType: 'Bearer',
        expiresIn: config.auth.accessTtlSeconds,
        user: { email: 'ada@example.com', name: 'Ada', role: 'user', mfaEnabled: false },
      });
      expect(users.rows.get(tokens.user.id)?.passwordHash).toBe(`fake-v2$${PASSWORD}`);
      // Unverified until the mailed token comes back; the mail is requested with the account.
      expect(tokens.user.emailVerified).toBe(false);
      expect(users.verificationRequests).toEqual([tokens.user.id]);
      await expect(sessions.live(sessionOf(tokens.accessToken))).resolves.toMatchObject({
        userId: tokens.user.id,
      });
    });

    it('leaves the name empty when none is given', async () => {
      const { user } = await auth.register({ email: 'ada@example.com', password: PASSWORD });
      expect(user.name).toBe('');
    });

    it('refuses a taken email with email_taken', async () => {
      await auth.register({ email: 'ada@example.com', password: PASSWORD });
      await expect(auth.register({ email: 'ada@example.com', password: PASSWORD })).rejects.toEqual(
        new DomainError('email_taken'),
      );
    });

    it.each([
      ['a common password', 'qwerty123456'],
      ['the email itself', 'ada.lovelace@example.com'],
    ])('refuses %s with weak_password pointing at #/password', async (_case, password) => {
      const error = await auth
        .register({ email: 'ada.lovelace@example.com', password })
        .catch((caught: unknown) => caught);
      expect(error).toMatchObject({ code: 'weak_password', errors: [{ pointer: '#/password' }] });
      expect(users.rows.size).toBe(0);
    });
  });

  describe('login', () => {
    it('signs in with the right password', async () => {
      const { user } = await auth.register({ email: 'ada@example.com', password: PASSWORD });
      await expect(
        auth.login({ email: 'ada@example.com', password: PASSWORD }),
      ).resolves.toMatchObject({
        user: { id: user.id },
      });
    });

    it('answers a wrong password and an unknown email alike, after a verification each', async () => {
      await auth.register({ email: 'ada@example.com', password: PASSWORD });
      passwords.verifications = 0;
      const wrong = auth.login({ email: 'ada@example.com', password: 'not the password' });
      await expect(wrong).rejects.toEqual(new DomainError('invalid_credentials'));
      const unknown = auth.login({ email: 'bob@example.com', password: PASSWORD });
      await expect(unknown).rejects.toEqual(new DomainError('invalid_credentials'));
      expect(passwords.verifications).toBe(2);
    });

    it('refuses a disabled account, even with the right password', async () => {
      const { user } = await auth.register({ email: 'ada@example.com', password: PASSWORD });
      await users.update(user.id, { disabled: true });
      await expect(auth.login({ email: 'ada@example.com', password: PASSWORD })).rejects.toEqual(
        new DomainError('invalid_credentials'),
      );
    });

    it('refuses an account without a password (OIDC only)', async () => {
      users.add({ email: 'ada@example.com', passwordHash: null });
      await expect(auth.login({ email: 'ada@example.com', password: PASSWORD })).rejects.toEqual(
        new DomainError('invalid_credentials'),
      );
    });

    it('rehashes a password hashed with old parameters', async () => {
      const user = users.add({ email: 'ada@example.com', passwordHash: `fake-v1$${PASSWORD}` });
      await auth.login({ email: 'ada@example.com', password: PASSWORD });
      expect(users.rows.get(user.id)?.passwordHash).toBe(`fake-v2$${PASSWORD}`);
    });
  });

  describe('with MFA on', () => {
    /** Ada, with TOTP confirmed; the clock is past the confirmation's time step. */
    const adaWithTotp = async (): Promise<{
      id: string;
      secret: string;
      recoveryCodes: string[];
    }> => {
      const { user } = await auth.register({ email: 'ada@example.com', password: PASSWORD });
      const { secret } = await mfa.startEnrolment(user.id);
      const { recoveryCodes } = await mfa.confirmEnrolment(user.id, totpCode(secret, clock.now()));
      clock.advance(30_000);
      return { id: user.id, secret, recoveryCodes };
    };
    const challengeOf = (result: LoginResult): string => {
      if (!('mfaRequired' in result)) throw new Error('expected an MFA challenge');
      return result.mfaToken;
    };

    it('answers a right password with the second step only: no tokens, no session', async () => {
      await adaWithTotp();
      const sessionsBefore = sessionRows.sessions.size;
      const result = await auth.login({ email: 'ada@example.com', password: PASSWORD });
      expect(result).toEqual({ mfaRequired: true, mfaToken: expect.any(String), expiresIn: 300 });
      expect(JSON.stringify(result)).not.toMatch(/accessToken|refreshToken/);
      expect(sessionRows.sessions.size).toBe(sessionsBefore);
      // A wrong password still answers as before: MFA tells nothing about the account.
      await expect(
        auth.login({ email: 'ada@example.com', password: 'not the password' }),
      ).rejects.toEqual(new DomainError('invalid_credentials'));
    });

    it('completes the sign-in with a code or a recovery code: the usual tokens', async () => {
      const { id, secret, recoveryCodes } = await adaWithTotp();
      const byCode = await auth.verifyMfa(
        challengeOf(await auth.login({ email: 'ada@example.com', password: PASSWORD })),
        { code: totpCode(secret, clock.now()) },
      );
      expect(byCode).toMatchObject({ tokenType: 'Bearer', user: { id, mfaEnabled: true } });
      await expect(sessions.live(sessionOf(byCode.accessToken))).resolves.not.toBeNull();
      const byRecovery = await auth.verifyMfa(
        challengeOf(await auth.login({ email: 'ada@example.com', password: PASSWORD })),
        { recoveryCode: recoveryCodes[0] ?? '' },
      );
      expect(sessionOf(byRecovery.accessToken)).not.toBe(sessionOf(byCode.accessToken));
      // The password alone signed nobody in: only the completed sign-ins are recorded.
      expect(
        events.rows
          .filter((row) => row.action === 'auth.sign_in')
          .map(({ outcome, targetId, details }) => ({ outcome, targetId, details })),
      ).toEqual([
        { outcome: 'success', targetId: id, details: { method: 'password+totp' } },
        { outcome: 'success', targetId: id, details: { method: 'password+recovery_code' } },
      ]);
    });

    it('starts no session for an account disabled between password and code: a failed sign-in', async () => {
      const { id, secret } = await adaWithTotp();
      const token = challengeOf(await auth.login({ email: 'ada@example.com', password: PASSWORD }));
      const sessionsBefore = sessionRows.sessions.size;
      await users.update(id, { disabled: true });
      await expect(auth.verifyMfa(token, { code: totpCode(secret, clock.now()) })).rejects.toEqual(
        new DomainError('invalid_mfa_token'),
      );
      expect(sessionRows.sessions.size).toBe(sessionsBefore);
      expect(
        events.rows
          .filter((row) => row.action === 'auth.sign_in')
          .map(({ actorType, outcome, targetId, details }) => ({
            actorType,
            outcome,
            targetId,
            details,
          })),
      ).toEqual([
        {
          actorType: 'anonymous',
          outcome: 'failure',
          targetId: id,
          details: { method: 'password+totp', reason: 'invalid_mfa_token' },
        },
      ]);
    });
  });

  describe('refresh and logout', () => {
    it('refreshes into new tokens for the same user and session', async () => {
      const first = await auth.register({ email: 'ada@example.com', password: PASSWORD });
      const next = await auth.refresh(first.refreshToken);
      expect(next.user).toEqual(first.user);
      expect(sessionOf(next.accessToken)).toBe(sessionOf(first.accessToken));
      expect(next.refreshToken).not.toBe(first.refreshToken);
    });

    it('logs out the caller’s session and the one of a refresh token of the same user', async () => {
      const phone = await auth.register({ email: 'ada@example.com', password: PASSWORD });
      const laptop = tokensOf(await auth.login({ email: 'ada@example.com', password: PASSWORD }));
      const caller = { id: phone.user.id, sessionId: sessionOf(phone.accessToken) };
      await auth.logout(caller, laptop.refreshToken);
      await expect(sessions.live(sessionOf(phone.accessToken))).resolves.toBeNull();
      await expect(sessions.live(sessionOf(laptop.accessToken))).resolves.toBeNull();
    });

    it('ignores a refresh token of another user on logout', async () => {
      const stranger = await auth.register({ email: 'eve@example.com', password: PASSWORD });
      const ada = await auth.register({ email: 'ada@example.com', password: PASSWORD });
      await auth.logout(
        { id: stranger.user.id, sessionId: sessionOf(stranger.accessToken) },
        ada.refreshToken,
      );
      await expect(auth.refresh(ada.refreshToken)).resolves.toMatchObject({
        user: { id: ada.user.id },
      });
    });
  });

  describe('signInWithOidc', () => {
    const identity = (overrides: Partial<ExternalIdentity> = {}): ExternalIdentity => ({
      provider: 'test-idp',
      subject: 'subject-1',
      email: 'Ada@Example.com',
      emailVerified: true,
      name: 'Ada',
      ...overrides,
    });

    it('creates an account without a password for a new verified email, and links it', async () => {
      const { user } = await auth.signInWithOidc(identity());
      expect(user).toMatchObject({ email: 'ada@example.com', name: 'Ada', emailVerified: true });
      expect(users.rows.get(user.id)?.emailVerifiedAt).toEqual(clock.now());
      expect(users.verificationRequests).toEqual([]);
      expect(users.rows.get(user.id)?.passwordHash).toBeNull();
      await expect(users.findByIdentity('test-idp', 'subject-1')).resolves.toMatchObject({
        id: user.id,
      });
    });

    it('links to the existing account of the same verified email', async () => {
      const { user } = await auth.register({ email: 'ada@example.com', password: PASSWORD });
      await expect(auth.signInWithOidc(identity())).resolves.toMatchObject({
        user: { id: user.id },
      });
    });

    it('signs a linked subject in even after the email changed at the provider', async () => {
      const first = await auth.signInWithOidc(identity());
      const again = await auth.signInWithOidc(identity({ email: 'new@example.com' }));
      expect(again.user.id).toBe(first.user.id);
    });

    it('signs up a new, unverified email unverified, and requests its verification mail', async () => {
      const { user } = await auth.signInWithOidc(identity({ emailVerified: false }));
      expect(user).toMatchObject({ email: 'ada@example.com', emailVerified: false });
      expect(users.verificationRequests).toEqual([user.id]);
    });

    it('never links an unverified email to an existing account (takeover)', async () => {
      const owner = users.add({ email: 'ada@example.com' });
      await expect(auth.signInWithOidc(identity({ emailVerified: false }))).rejects.toMatchObject({
        code: 'oidc_login_failed',
      });
      await expect(users.findByIdentity('test-idp', 'subject-1')).resolves.toBeNull();
      expect(users.rows.size).toBe(1);
      expect(users.rows.get(owner.id)?.passwordHash).toBeNull();
    });

    it('refuses a provider that shares no email with oidc_login_failed', async () => {
      await expect(auth.signInWithOidc(identity({ email: undefined }))).rejects.toMatchObject({
        code: 'oidc_login_failed',
      });
      expect(users.rows.size).toBe(0);
    });

    it('refuses a disabled account, linked or by email', async () => {
      users.add({ email: 'ada@example.com', disabled: true });
      await expect(auth.signInWithOidc(identity())).rejects.toMatchObject({
        code: 'oidc_login_failed',
        detail: 'This account is disabled.',
      });
    });

    it('cuts a provider name to 100 characters', async () => {
      const { user } = await auth.signInWithOidc(identity({ name: 'x'.repeat(300) }));
      expect(user.name).toHaveLength(100);
    });
  });

  describe('audit', () => {
    const summary = () =>
      events.rows.map(({ action, outcome, actorType, actorId, targetId, details }) => ({
        action,
        outcome,
        actorType,
        actorId,
        targetId,
        details,
      }));

    it('records a sign-in as the user who signed in, with its session', async () => {
      const { user } = await auth.register({ email: 'ada@example.com', password: PASSWORD });
      await auth.login({ email: 'ada@example.com', password: PASSWORD });
      expect(summary()).toEqual([
        {
          action: 'auth.sign_in',
          outcome: 'success',
          actorType: 'user',
          actorId: user.id,
          targetId: user.id,
          details: { method: 'password' },
        },
      ]);
    });

    it('records refused sign-ins: on the account when it exists, never the email tried', async () => {
      const { user } = await auth.register({ email: 'ada@example.com', password: PASSWORD });
      await auth.login({ email: 'ada@example.com', password: 'wrong' }).catch(() => undefined);
      await auth
        .login({ email: 'a quiet walk@example.com', password: PASSWORD })
        .catch(() => undefined);
      expect(summary()).toEqual([
        expect.objectContaining({ outcome: 'failure', actorType: 'anonymous', targetId: user.id }),
        expect.objectContaining({ outcome: 'failure', actorType: 'anonymous', targetId: null }),
      ]);
      expect(JSON.stringify(events.rows)).not.toMatch(/quiet walk|wrong/);
    });

    it('records a sign-out of the caller’s session', async () => {
      const { user, accessToken } = await auth.register({
        email: 'ada@example.com',
        password: PASSWORD,
      });
      await auth.logout({ id: user.id, sessionId: sessionOf(accessToken) });
      expect(events.rows).toEqual([
        expect.objectContaining({
          action: 'auth.sign_out',
          targetType: 'session',
          targetId: sessionOf(accessToken),
          subjectUserId: user.id,
        }),
      ]);
    });

    it('records an OIDC link once, then sign-ins only', async () => {
      const identity: ExternalIdentity = {
        provider: 'test-idp',
        subject: 'subject-1',
        email: 'ada@example.com',
        emailVerified: true,
        name: 'Ada',
      };
      const { user } = await auth.signInWithOidc(identity);
      await auth.signInWithOidc(identity);
      expect(events.actions()).toEqual(['auth.oidc.link', 'auth.sign_in', 'auth.sign_in']);
      expect(events.rows[0]).toMatchObject({
        actorId: user.id,
        subjectUserId: user.id,
        details: { provider: 'test-idp' },
      });
      expect(events.rows[1]?.details).toEqual({ method: 'oidc', provider: 'test-idp' });
    });

    it('records a refused OIDC sign-in', async () => {
      await auth
        .signInWithOidc({
          provider: 'test-idp',
          subject: 's',
          email: undefined,
          emailVerified: false,
          name: undefined,
        })
        .catch(() => undefined);
      expect(summary()).toEqual([
        expect.objectContaining({ action: 'auth.sign_in', outcome: 'failure', targetId: null }),
      ]);
    });
  });
});
