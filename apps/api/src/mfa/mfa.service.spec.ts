import { beforeEach, describe, expect, it } from '@jest/globals';
import { type Config, loadConfig } from '@libs/config';
import { ManualClock, asReal } from '@libs/testing/fakes';
import { randomBytes } from 'node:crypto';
import type { InMemoryAuditRepository } from '../../test/fakes/audit.repository.fake.js';
import { inMemoryAudit } from '../../test/fakes/audit.fake.js';
import { InMemoryMfaRepository } from '../../test/fakes/mfa.repository.fake.js';
import { FakePasswordHasher } from '../../test/fakes/password-hasher.fake.js';
import { InMemoryUsersRepository } from '../../test/fakes/users.repository.fake.js';
import { totpCode } from '../../test/support/totp.js';
import type { PasswordHasher } from '../auth/passwords/password-hasher.js';
import type { UsersRepository } from '../users/users.repository.js';
import type { MfaRepository } from './mfa.repository.js';
import {
  MFA_CHALLENGE_MAX_ATTEMPTS,
  MFA_CHALLENGE_TTL_SECONDS,
  MfaService,
} from './mfa.service.js';
import { hashRecoveryCode } from './recovery-codes.js';
import { TotpSecretCipher, UnreadableSecretError } from './totp-secret-cipher.js';

const PASSWORD = 'a quiet walk in the mist 42';
const STEP_MS = 30_000;
/** Two seconds into a time step, so ±1 step is exactly one step away. */
const START = new Date('2026-01-01T00:00:02.000Z');

const keys = (...kids: string[]): string =>
  kids.map((kid) => `${kid}:${randomBytes(32).toString('base64')}`).join(',');

const rejection = (code: string): { code: string } => ({ code });

describe('MfaService', () => {
  let config: Config;
  let clock: ManualClock;
  let users: InMemoryUsersRepository;
  let repository: InMemoryMfaRepository;
  let passwords: FakePasswordHasher;
  let events: InMemoryAuditRepository;
  let mfa: MfaService;

  const build = (cfg: Config): MfaService => {
    const fakes = inMemoryAudit(clock);
    events = fakes.events;
    return new MfaService(
      cfg,
      asReal<MfaRepository>(repository),
      asReal<UsersRepository>(users),
      asReal<PasswordHasher>(passwords),
      new TotpSecretCipher(cfg),
      clock,
      fakes.unitOfWork,
      fakes.audit,
    );
  };
  /** Action, target and details of the MFA events recorded so far. */
  const recorded = (): { action: string; targetId: string | null; details: unknown }[] =>
    events.rows
      .filter((row) => row.action.includes('mfa'))
      .map(({ action, targetId, details }) => ({ action, targetId, details }));

  beforeEach(() => {
    config = loadConfig({ NODE_ENV: 'test', MFA_ENCRYPTION_KEYS: keys('k1') });
    clock = new ManualClock(START);
    repository = new InMemoryMfaRepository();
    users = new InMemoryUsersRepository(clock, (id) => Boolean(repository.totp.get(id)?.enabledAt));
    passwords = new FakePasswordHasher();
    mfa = build(config);
  });

  const newUser = (): string =>
    users.add({
      email: `ada-${randomBytes(4).toString('hex')}@example.com`,
      passwordHash: `fake-v2$${PASSWORD}`,
    }).id;

  /** A user with TOTP on; the clock is moved past the confirmation's time step. */
  const enrolled = async (): Promise<{
    userId: string;
    secret: string;
    recoveryCodes: string[];
  }> => {
    const userId = newUser();
    const { secret } = await mfa.startEnrolment(userId);
    const { recoveryCodes } = await mfa.confirmEnrolment(userId, totpCode(secret, clock.now()));
    clock.advance(STEP_MS);
    return { userId, secret, recoveryCodes };
  };

  const tokenOf = async (userId: string): Promise<string> => {
    const challenge = await mfa.challenge(userId);
    if (!challenge) throw new Error('expected a challenge');
    return challenge.mfaToken;
  };

  describe('enrolment', () => {
    it('hands out a secret and its otpauth URI, sealed at rest and off until confirmed', async () => {
      const userId = newUser();
      const { secret, uri } = await mfa.startEnrolment(userId);
      expect(secret).toMatch(/^[A-Z2-7]{32}$/);
      const url = new URL(uri);
      expect(url.protocol).toBe('otpauth:');
      expect(url.host).toBe('totp');
      expect(decodeURIComponent(url.pathname)).toBe(
        `/Example API:${users.rows.get(userId)?.email ?? ''}`,
      );
      expect(Object.fromEntries(url.searchParams)).toEqual({
        issuer: 'Example API',
        secret,
        algorithm: 'SHA1',
        digits: '6',
        period: '30',
      });

      const stored = repository.totp.get(userId);
      expect(stored).toMatchObject({ keyId: 'k1', enabledAt: null, lastUsedStep: null });
      expect(stored?.sealed.toString('latin1')).not.toContain(secret);
      expect(await mfa.challenge(userId)).toBeNull();
    });

    it('confirms with a code: 10 distinct recovery codes, stored as hashes only', async () => {
      const userId = newUser();
      const { secret } = await mfa.startEnrolment(userId);
      const { recoveryCodes } = await mfa.confirmEnrolment(userId, totpCode(secret, START));
      expect(recoveryCodes).toHaveLength(10);
      expect(new Set(recoveryCodes).size).toBe(10);
      for (const code of recoveryCodes)
        expect(code).toMatch(/^([0-9a-hjkmnp-tv-z]{4}-){3}[0-9a-hjkmnp-tv-z]{4}$/);
      const stored = [...(repository.recoveryCodes.get(userId)?.keys() ?? [])];
      expect(stored.sort()).toEqual(recoveryCodes.map((code) => hashRecoveryCode(code)).sort());
      expect(stored.join()).not.toContain(recoveryCodes[0]?.slice(0, 4));
      expect(repository.totp.get(userId)?.enabledAt).toEqual(START);
      expect(await mfa.challenge(userId)).not.toBeNull();
      expect(recorded()).toEqual([{ action: 'auth.mfa.enable', targetId: userId, details: {} }]);
    });

    it('refuses a wrong code, a confirmation without enrolment, and a second one', async () => {
      const userId = newUser();
      await expect(mfa.confirmEnrolment(userId, '123456')).rejects.toMatchObject(
        rejection('mfa_enrolment_not_started'),
      );
      const { secret } = await mfa.startEnrolment(userId);
      await expect(mfa.confirmEnrolment(userId, totpCode(secret, START, 2))).rejects.toMatchObject(
        rejection('invalid_mfa_code'),
      );
      expect(repository.totp.get(userId)?.enabledAt).toBeNull();
      await mfa.confirmEnrolment(userId, totpCode(secret, START));
      await expect(mfa.confirmEnrolment(userId, totpCode(secret, START))).rejects.toMatchObject(
        rejection('mfa_already_enabled'),
      );
      await expect(mfa.startEnrolment(userId)).rejects.toMatchObject(
        rejection('mfa_already_enabled'),
      );
    });

    it('starts over with a new secret while unconfirmed: the old one no longer confirms', async () => {
      const userId = newUser();
      const first = await mfa.startEnrolment(userId);
      const second = await mfa.startEnrolment(userId);
      expect(second.secret).not.toBe(first.secret);
      await expect(
        mfa.confirmEnrolment(userId, totpCode(first.secret, START)),
      ).rejects.toMatchObject(rejection('invalid_mfa_code'));
      await mfa.confirmEnrolment(userId, totpCode(second.secret, START));
    });

    it('refuses an account without a password (OIDC only): its provider’s MFA applies', async () => {
      const userId = users.add({ passwordHash: null }).id;
      await expect(mfa.startEnrolment(userId)).rejects.toMatchObject(
        rejection('mfa_requires_password'),
      );
    });
  });

  describe('status', () => {
    it('is off until a code confirms the authenticator; then on, counting unused recovery codes', async () => {
      const userId = newUser();
      const off = { enabled: false, enabledAt: null, recoveryCodesRemaining: 0 };
      await expect(mfa.status(userId)).resolves.toEqual(off);
      const { secret } = await mfa.startEnrolment(userId);
      await expect(mfa.status(userId)).resolves.toEqual(off);

      const { recoveryCodes } = await mfa.confirmEnrolment(userId, totpCode(secret, START));
      await expect(mfa.status(userId)).resolves.toEqual({
        enabled: true,
        enabledAt: START,
        recoveryCodesRemaining: 10,
      });
      await mfa.verify(await tokenOf(userId), { recoveryCode: recoveryCodes[0] ?? '' });
      await expect(mfa.status(userId)).resolves.toMatchObject({ recoveryCodesRemaining: 9 });

      clock.advance(STEP_MS);
      await mfa.disable(userId, { password: PASSWORD, code: totpCode(secret, clock.now()) });
      await expect(mfa.status(userId)).resolves.toEqual(off);
    });
  });

  describe('the second sign-in step', () => {
    it('has no challenge for a user without MFA, and a 5-minute one with it', async () => {
      expect(await mfa.challenge(newUser())).toBeNull();
      const { userId } = await enrolled();
      const challenge = await mfa.challenge(userId);
      expect(challenge).toEqual({
        mfaToken: expect.stringMatching(/^mfa_[0-9a-f]{32}_[A-Za-z0-9_-]{43}$/),
        expiresIn: MFA_CHALLENGE_TTL_SECONDS,
      });
      expect(challenge?.mfaToken).toContain(userId.replaceAll('-', ''));
    });

    it('accepts the code of this time step and of the one before and after, not further', async () => {
      const { userId, secret } = await enrolled();
      const now = clock.now();
      for (const steps of [-2, 2]) {
        await expect(
          mfa.verify(await tokenOf(userId), { code: totpCode(secret, now, steps) }),
        ).rejects.toMatchObject(rejection('invalid_mfa_code'));
      }
      // Clocks drift both ways: each accepted once, in order (a later step spends the earlier).
      clock.advance(STEP_MS);
      const later = clock.now();
      for (const steps of [-1, 0, 1]) {
        await expect(
          mfa.verify(await tokenOf(userId), { code: totpCode(secret, later, steps) }),
        ).resolves.toBe(userId);
      }
    });

    it('refuses a code accepted once, even with a new token, and any earlier step', async () => {
      const { userId, secret } = await enrolled();
      const code = totpCode(secret, clock.now());
      await expect(mfa.verify(await tokenOf(userId), { code })).resolves.toBe(userId);
      await expect(mfa.verify(await tokenOf(userId), { code })).rejects.toMatchObject(
        rejection('invalid_mfa_code'),
      );
      // The step before: the confirmation's, spent too.
      await expect(
        mfa.verify(await tokenOf(userId), { code: totpCode(secret, clock.now(), -1) }),
      ).rejects.toMatchObject(rejection('invalid_mfa_code'));
      clock.advance(STEP_MS);
      await expect(
        mfa.verify(await tokenOf(userId), { code: totpCode(secret, clock.now()) }),
      ).resolves.toBe(userId);
    });

    it('accepts each recovery code once, typed loosely, and only for its own account', async () => {
      const { userId, recoveryCodes } = await enrolled();
      const other = await enrolled();
      const [first = '', second = ''] = recoveryCodes;
      await expect(
        mfa.verify(await tokenOf(other.userId), { recoveryCode: first }),
      ).rejects.toMatchObject(rejection('invalid_mfa_code'));
      await expect(mfa.verify(await tokenOf(userId), { recoveryCode: first })).resolves.toBe(
        userId,
      );
      await expect(
        mfa.verify(await tokenOf(userId), { recoveryCode: first }),
      ).rejects.toMatchObject(rejection('invalid_mfa_code'));
      const typed = ` ${second.toUpperCase().replaceAll('-', ' ')} `;
      await expect(mfa.verify(await tokenOf(userId), { recoveryCode: typed })).resolves.toBe(
        userId,
      );
      await expect(
        mfa.verify(await tokenOf(userId), { recoveryCode: 'not a code' }),
      ).rejects.toMatchObject(rejection('invalid_mfa_code'));
    });

    it('spends the token: one sign-in per token', async () => {
      const { userId, secret } = await enrolled();
      const token = await tokenOf(userId);
      await mfa.verify(token, { code: totpCode(secret, clock.now()) });
      clock.advance(STEP_MS);
      await expect(
        mfa.verify(token, { code: totpCode(secret, clock.now()) }),
      ).rejects.toMatchObject(rejection('invalid_mfa_token'));
    });

    it('expires the token after 5 minutes', async () => {
      const { userId, secret } = await enrolled();
      const token = await tokenOf(userId);
      clock.advance(MFA_CHALLENGE_TTL_SECONDS * 1000);
      await expect(
        mfa.verify(token, { code: totpCode(secret, clock.now()) }),
      ).rejects.toMatchObject(rejection('invalid_mfa_token'));
    });

    it(`ends the token after ${MFA_CHALLENGE_MAX_ATTEMPTS} wrong codes, even for the right one`, async () => {
      const { userId, secret } = await enrolled();
      const token = await tokenOf(userId);
      for (let i = 0; i < MFA_CHALLENGE_MAX_ATTEMPTS; i += 1) {
        await expect(mfa.verify(token, { code: '000000' })).rejects.toMatchObject(
          rejection('invalid_mfa_code'),
        );
      }
      await expect(
        mfa.verify(token, { code: totpCode(secret, clock.now()) }),
      ).rejects.toMatchObject(rejection('invalid_mfa_token'));
      // A new sign-in gets a new token.
      await expect(
        mfa.verify(await tokenOf(userId), { code: totpCode(secret, clock.now()) }),
      ).resolves.toBe(userId);
    });

    it('refuses made-up tokens and a token moved to another account', async () => {
      const { userId, secret } = await enrolled();
      const victim = await enrolled();
      const code = { code: totpCode(victim.secret, clock.now()) };
      const token = await tokenOf(userId);
      const moved = token.replace(userId.replaceAll('-', ''), victim.userId.replaceAll('-', ''));
      for (const forged of [
        moved,
        `mfa_${victim.userId.replaceAll('-', '')}_${'A'.repeat(43)}`,
        'mfa_',
        '',
        'not a token',
      ]) {
        await expect(mfa.verify(forged, code)).rejects.toMatchObject(
          rejection('invalid_mfa_token'),
        );
      }
      await expect(mfa.verify(token, { code: totpCode(secret, clock.now()) })).resolves.toBe(
        userId,
      );
    });

    it('refuses a token once MFA was turned off', async () => {
      const { userId, secret } = await enrolled();
      const token = await tokenOf(userId);
      await mfa.reset(userId);
      await expect(
        mfa.verify(token, { code: totpCode(secret, clock.now()) }),
      ).rejects.toMatchObject(rejection('invalid_mfa_token'));
    });
  });

  describe('refused second steps in the audit log', () => {
    /** The sign-in events recorded so far: who, about whom, how it ended and why. */
    const signIns = (): {
      actorType: string;
      targetId: string | null;
      subjectUserId: string | null;
      outcome: string;
      details: unknown;
    }[] =>
      events.rows
        .filter((row) => row.action === 'auth.sign_in')
        .map(({ actorType, targetId, subjectUserId, outcome, details }) => ({
          actorType,
          targetId,
          subjectUserId,
          outcome,
          details,
        }));
    const failedSignIn = (userId: string | null, method: string, reason: string): object => ({
      actorType: 'anonymous',
      targetId: userId,
      subjectUserId: userId,
      outcome: 'failure',
      details: { method, reason },
    });

    it('records a wrong, a replayed and an out-of-window code as failed sign-ins of the account', async () => {
      const { userId, secret } = await enrolled();
      const code = totpCode(secret, clock.now());
      await expect(mfa.verify(await tokenOf(userId), { code })).resolves.toBe(userId);
      // A success is the caller's to record, with the session it starts.
      expect(signIns()).toEqual([]);
      for (const refused of ['000000', code, totpCode(secret, clock.now(), 2)]) {
        await expect(mfa.verify(await tokenOf(userId), { code: refused })).rejects.toMatchObject(
          rejection('invalid_mfa_code'),
        );
      }
      expect(signIns()).toEqual(
        Array(3).fill(failedSignIn(userId, 'password+totp', 'invalid_mfa_code')),
      );
      expect(JSON.stringify(events.rows)).not.toContain(code);
    });

    it('records a wrong and a reused recovery code, never the code itself', async () => {
      const { userId, recoveryCodes } = await enrolled();
      const [recoveryCode = ''] = recoveryCodes;
      await mfa.verify(await tokenOf(userId), { recoveryCode });
      for (const refused of [recoveryCode, 'abcd-efgh-jkmn-pqrs']) {
        await expect(
          mfa.verify(await tokenOf(userId), { recoveryCode: refused }),
        ).rejects.toMatchObject(rejection('invalid_mfa_code'));
      }
      expect(signIns()).toEqual(
        Array(2).fill(failedSignIn(userId, 'password+recovery_code', 'invalid_mfa_code')),
      );
      const stored = JSON.stringify(events.rows);
      expect(stored).not.toContain(recoveryCode);
      expect(stored).not.toContain(recoveryCode.replaceAll('-', ''));
    });

    it('records a spent, an exhausted and an expired token against the account', async () => {
      const { userId, secret } = await enrolled();
      const [spent, exhausted, expired] = [
        await tokenOf(userId),
        await tokenOf(userId),
        await tokenOf(userId),
      ];
      await mfa.verify(spent, { code: totpCode(secret, clock.now()) });
      for (let i = 0; i < MFA_CHALLENGE_MAX_ATTEMPTS; i += 1) {
        await expect(mfa.verify(exhausted, { code: '000000' })).rejects.toMatchObject(
          rejection('invalid_mfa_code'),
        );
      }
      clock.advance(STEP_MS);
      const code = { code: totpCode(secret, clock.now()) };
      for (const token of [spent, exhausted]) {
        await expect(mfa.verify(token, code)).rejects.toMatchObject(rejection('invalid_mfa_token'));
      }
      clock.advance(MFA_CHALLENGE_TTL_SECONDS * 1000);
      await expect(
        mfa.verify(expired, { code: totpCode(secret, clock.now()) }),
      ).rejects.toMatchObject(rejection('invalid_mfa_token'));
      expect(signIns().slice(MFA_CHALLENGE_MAX_ATTEMPTS)).toEqual(
        Array(3).fill(failedSignIn(userId, 'password+totp', 'invalid_mfa_token')),
      );
      const stored = JSON.stringify(events.rows);
      for (const token of [spent, exhausted, expired])
        expect(stored).not.toContain(token.slice(-20));
    });

    it('records a made-up token without an account: the id inside it proves nothing', async () => {
      const victim = await enrolled();
      const forged = `mfa_${victim.userId.replaceAll('-', '')}_${'A'.repeat(43)}`;
      for (const token of [forged, 'not a token']) {
        await expect(
          mfa.verify(token, { code: totpCode(victim.secret, clock.now()) }),
        ).rejects.toMatchObject(rejection('invalid_mfa_token'));
      }
      expect(signIns()).toEqual(
        Array(2).fill(failedSignIn(null, 'password+totp', 'invalid_mfa_token')),
      );
    });
  });

  describe('turning it off', () => {
    it('needs the password and a current code; recovery codes and tokens go with it', async () => {
      const { userId, secret } = await enrolled();
      const pending = await tokenOf(userId);
      const code = totpCode(secret, clock.now());
      await expect(mfa.disable(userId, { password: 'wrong password', code })).rejects.toMatchObject(
        rejection('wrong_password'),
      );
      await expect(
        mfa.disable(userId, { password: PASSWORD, code: totpCode(secret, clock.now(), 3) }),
      ).rejects.toMatchObject(rejection('invalid_mfa_code'));
      expect(repository.totp.get(userId)?.enabledAt).not.toBeNull();

      await mfa.disable(userId, { password: PASSWORD, code });
      expect(recorded().at(-1)).toEqual({
        action: 'auth.mfa.disable',
        targetId: userId,
        details: {},
      });
      expect(repository.totp.has(userId)).toBe(false);
      expect(repository.recoveryCodes.has(userId)).toBe(false);
      expect(await mfa.challenge(userId)).toBeNull();
      await expect(mfa.verify(pending, { code })).rejects.toMatchObject(
        rejection('invalid_mfa_token'),
      );
      await expect(mfa.disable(userId, { password: PASSWORD, code })).rejects.toMatchObject(
        rejection('mfa_not_enabled'),
      );
    });

    it('does not take a replayed code', async () => {
      const { userId, secret } = await enrolled();
      const code = totpCode(secret, clock.now());
      await mfa.verify(await tokenOf(userId), { code });
      await expect(mfa.disable(userId, { password: PASSWORD, code })).rejects.toMatchObject(
        rejection('invalid_mfa_code'),
      );
    });

    it('is reset by an administrator, for a user that exists', async () => {
      const { userId } = await enrolled();
      await mfa.reset(userId);
      expect(repository.totp.has(userId)).toBe(false);
      expect(await mfa.challenge(userId)).toBeNull();
      await mfa.reset(userId);
      expect(recorded().slice(-2)).toEqual([
        { action: 'user.mfa.reset', targetId: userId, details: { hadMfa: true } },
        { action: 'user.mfa.reset', targetId: userId, details: { hadMfa: false } },
      ]);
      await expect(mfa.reset('00000000-0000-4000-8000-ffffffffffff')).rejects.toMatchObject(
        rejection('user_not_found'),
      );
      await expect(mfa.startEnrolment(userId)).resolves.toMatchObject({
        secret: expect.any(String),
      });
    });
  });

  describe('secrets at rest', () => {
    it('round-trip under the current key, bound to their user', () => {
      const cipher = new TotpSecretCipher(config);
      const secret = randomBytes(20);
      const sealed = cipher.seal(secret, 'user-a');
      expect(sealed.keyId).toBe('k1');
      expect(sealed.sealed).toHaveLength(12 + 16 + 20);
      expect(cipher.open(sealed, 'user-a')).toEqual(secret);
      expect(cipher.seal(secret, 'user-a').sealed).not.toEqual(sealed.sealed);
      expect(() => cipher.open(sealed, 'user-b')).toThrow(UnreadableSecretError);
      const tampered = Buffer.from(sealed.sealed);
      tampered[tampered.length - 1] = (tampered.at(-1) ?? 0) ^ 1;
      expect(() => cipher.open({ keyId: 'k1', sealed: tampered }, 'user-a')).toThrow(
        UnreadableSecretError,
      );
      expect(() => cipher.open({ ...sealed, keyId: 'k0' }, 'user-a')).toThrow(
        /no MFA encryption key "k0"/,
      );
    });

    it('rotate: a new first key seals, old secrets still open and move to it when used', async () => {
      const { userId, secret } = await enrolled();
      const old = config.mfa.encryptionKeys ?? [];
      const rotated: Config = {
        ...config,
        mfa: { ...config.mfa, encryptionKeys: [{ kid: 'k2', key: randomBytes(32) }, ...old] },
      };
      mfa = build(rotated);
      expect(repository.totp.get(userId)?.keyId).toBe('k1');
      await expect(
        mfa.verify(await tokenOf(userId), { code: totpCode(secret, clock.now()) }),
      ).resolves.toBe(userId);
      expect(repository.totp.get(userId)?.keyId).toBe('k2');

      // k1 can go now: the secret opens under k2 alone.
      mfa = build({
        ...config,
        mfa: { ...config.mfa, encryptionKeys: rotated.mfa.encryptionKeys?.slice(0, 1) },
      });
      clock.advance(STEP_MS);
      await expect(
        mfa.verify(await tokenOf(userId), { code: totpCode(secret, clock.now()) }),
      ).resolves.toBe(userId);
      const newcomer = newUser();
      await mfa.startEnrolment(newcomer);
      expect(repository.totp.get(newcomer)?.keyId).toBe('k2');
    });

    it('generate a key per process when none is configured (tests, development)', () => {
      const unconfigured = loadConfig({ NODE_ENV: 'test' });
      const a = new TotpSecretCipher(unconfigured);
      const b = new TotpSecretCipher(unconfigured);
      const sealed = a.seal(Buffer.from('secret'), 'u');
      expect(a.open(sealed, 'u').toString()).toBe('secret');
      expect(() => b.open(sealed, 'u')).toThrow(UnreadableSecretError);
    });
  });
});
