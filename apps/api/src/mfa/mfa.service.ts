import { type Config, InjectConfig } from '@libs/config';
import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { PasswordHasher } from '../auth/passwords/password-hasher.js';
import { Clock } from '../platform/clock.js';
import { UnitOfWork } from '../platform/database/unit-of-work.js';
import { DomainError } from '../platform/errors/domain-error.js';
import { UsersRepository } from '../users/users.repository.js';
import { MfaRepository, type TotpRecord } from './mfa.repository.js';
import { hashMfaSecret, newMfaToken, parseMfaToken } from './mfa-token.js';
import { hashRecoveryCode, newRecoveryCodes } from './recovery-codes.js';
import { base32Of, matchingStep, newTotpSecret, otpauthUri } from './totp.js';
import { TotpSecretCipher } from './totp-secret-cipher.js';

/** How long the second sign-in step may take. */
export const MFA_CHALLENGE_TTL_SECONDS = 300;
/** Wrong codes one mfaToken takes before it stops working (sign in with the password again). */
export const MFA_CHALLENGE_MAX_ATTEMPTS = 5;

export interface TotpEnrolment {
  /** The shared secret in base32, for typing into an authenticator app. */
  readonly secret: string;
  /** The same as an `otpauth://totp/…` URI, for a QR code. */
  readonly uri: string;
}

export interface MfaStatus {
  readonly enabled: boolean;
  readonly enabledAt: Date | null;
  readonly recoveryCodesRemaining: number;
}

export interface MfaChallenge {
  readonly mfaToken: string;
  readonly expiresIn: number;
}

/** The second factor presented: a code from the authenticator app, or a recovery code. */
export type SecondFactor = { readonly code: string } | { readonly recoveryCode: string };

/** How a sign-in with this factor is named in the audit log (the `method` detail). */
export function signInMethodOf(factor: SecondFactor): 'password+totp' | 'password+recovery_code' {
  return 'code' in factor ? 'password+totp' : 'password+recovery_code';
}

/**
 * TOTP multi-factor sign-in: enrolment, confirmation (which hands out recovery codes), the
 * second step of a password sign-in, and turning it off. Codes are checked against the injected
 * clock, within one time step either side, and each time step is accepted once per account.
 */
@Injectable()
export class MfaService {
  constructor(
    @InjectConfig() private readonly config: Config,
    private readonly mfa: MfaRepository,
    private readonly users: UsersRepository,
    private readonly passwords: PasswordHasher,
    private readonly cipher: TotpSecretCipher,
    private readonly clock: Clock,
    private readonly unitOfWork: UnitOfWork,
    private readonly audit: AuditService,
  ) {}

  /** Whether the user's TOTP is on, since when, and how many recovery codes are left. */
  async status(userId: string): Promise<MfaStatus> {
    const { enabledAt, recoveryCodesRemaining } = await this.mfa.findStatus(userId);
    return { enabled: enabledAt !== null, enabledAt, recoveryCodesRemaining };
  }

  /**
   * A new secret for the user, not yet enabled: confirming a code from it enables it. Starting
   * again replaces a pending secret; an enabled one must be turned off first.
   */
  async startEnrolment(userId: string): Promise<TotpEnrolment> {
    const user = await this.users.findCredentialsById(userId);
    if (!user) throw new DomainError('user_not_found');
    // MFA guards password sign-in; an account that signs in only through OIDC relies on its provider.
    if (!user.passwordHash) throw new DomainError('mfa_requires_password');
    const secret = newTotpSecret();
    if (!(await this.mfa.saveEnrolment(userId, this.cipher.seal(secret, userId)))) {
      throw new DomainError('mfa_already_enabled');
    }
    return {
      secret: base32Of(secret),
      uri: otpauthUri(secret, this.config.mfa.totpIssuer, user.email),
    };
  }

  /** Enables TOTP with a first code; returns the recovery codes, the only time they are shown. */
  async confirmEnrolment(userId: string, code: string): Promise<{ recoveryCodes: string[] }> {
    const totp = await this.mfa.findTotp(userId);
    if (!totp) throw new DomainError('mfa_enrolment_not_started');
    if (totp.enabledAt) throw new DomainError('mfa_already_enabled');
    const now = this.clock.now();
    const step = matchingStep(this.cipher.open(totp, userId), code, now);
    if (step === null) throw new DomainError('invalid_mfa_code');
    const recoveryCodes = newRecoveryCodes();
    const hashes = recoveryCodes.map((recoveryCode) => hashRecoveryCode(recoveryCode) ?? '');
    await this.unitOfWork.run(async (tx) => {
      if (!(await this.mfa.enable(userId, step, now, hashes, tx))) {
        throw new DomainError('mfa_enrolment_not_started');
      }
      await this.audit.record(tx, {
        action: 'auth.mfa.enable',
        target: { type: 'user', id: userId },
      });
    });
    return { recoveryCodes };
  }

  /** Turns TOTP off: needs the password and a current code (not a recovery code). */
  async disable(userId: string, input: { password: string; code: string }): Promise<void> {
    const user = await this.users.findCredentialsById(userId);
    if (!user) throw new DomainError('user_not_found');
    const valid = user.passwordHash
      ? await this.passwords.verify(user.passwordHash, input.password)
      : await this.passwords.verifyNobody(input.password);
    if (!valid) throw new DomainError('wrong_password');
    const totp = await this.mfa.findTotp(userId);
    if (!totp?.enabledAt) throw new DomainError('mfa_not_enabled');
    if (!(await this.acceptCode(totp, input.code))) throw new DomainError('invalid_mfa_code');
    await this.unitOfWork.run(async (tx) => {
      await this.mfa.remove(userId, tx);
      await this.audit.record(tx, {
        action: 'auth.mfa.disable',
        target: { type: 'user', id: userId },
      });
    });
  }

  /** An administrator turns a user's MFA off (a lost device and lost recovery codes). */
  async reset(userId: string): Promise<void> {
    if (!(await this.users.findById(userId))) throw new DomainError('user_not_found');
    await this.unitOfWork.run(async (tx) => {
      const hadMfa = await this.mfa.remove(userId, tx);
      await this.audit.record(tx, {
        action: 'user.mfa.reset',
        target: { type: 'user', id: userId },
        details: { hadMfa },
      });
    });
  }

  /**
   * After a correct password: the second step to ask for, or null when the user has no MFA.
   * The token is bound to the user and to this sign-in, works once, briefly.
   */
  async challenge(userId: string): Promise<MfaChallenge | null> {
    const totp = await this.mfa.findTotp(userId);
    if (!totp?.enabledAt) return null;
    const now = this.clock.now();
    const { token, secretHash } = newMfaToken(userId);
    await this.mfa.createChallenge({
      userId,
      tokenHash: secretHash,
      expiresAt: new Date(now.getTime() + MFA_CHALLENGE_TTL_SECONDS * 1000),
      now,
    });
    return { mfaToken: token, expiresIn: MFA_CHALLENGE_TTL_SECONDS };
  }

  /**
   * The second step: the user whose sign-in `mfaToken` continues, once the factor is right.
   * An unknown, expired, spent or exhausted token is invalid_mfa_token; a wrong factor is
   * invalid_mfa_code and counts against the token. Each refusal is a failed sign-in in the audit
   * log, of the token's account when the token is a real one (the caller completes the log with
   * the successful sign-in).
   */
  async verify(mfaToken: string, factor: SecondFactor): Promise<string> {
    const parsed = parseMfaToken(mfaToken);
    const challenge = parsed ? await this.mfa.findChallenge(hashMfaSecret(parsed.secret)) : null;
    // A made-up token names an account, but nothing says it is that account's sign-in.
    const userId = challenge && challenge.userId === parsed?.userId ? challenge.userId : undefined;
    const refuse = (reason: 'invalid_mfa_token' | 'invalid_mfa_code'): Promise<never> =>
      this.refuseSignIn(userId, factor, reason);
    const now = this.clock.now();
    if (
      !challenge ||
      userId === undefined ||
      challenge.usedAt ||
      challenge.expiresAt <= now ||
      challenge.attempts >= MFA_CHALLENGE_MAX_ATTEMPTS
    ) {
      return refuse('invalid_mfa_token');
    }
    const totp = await this.mfa.findTotp(userId);
    if (!totp?.enabledAt) return refuse('invalid_mfa_token');
    const accepted =
      'code' in factor
        ? await this.acceptCode(totp, factor.code)
        : await this.acceptRecoveryCode(userId, factor.recoveryCode);
    if (!accepted) {
      await this.mfa.failChallenge(challenge.id);
      return refuse('invalid_mfa_code');
    }
    if (!(await this.mfa.spendChallenge(challenge.id, now, MFA_CHALLENGE_MAX_ATTEMPTS))) {
      return refuse('invalid_mfa_token');
    }
    return userId;
  }

  /**
   * Records a refused second step as a failed sign-in, then refuses it. Only the method and the
   * refusal are kept: never the code, the recovery code or the token.
   */
  async refuseSignIn(
    userId: string | undefined,
    factor: SecondFactor,
    reason: 'invalid_mfa_token' | 'invalid_mfa_code',
  ): Promise<never> {
    await this.audit.recordAlone({
      action: 'auth.sign_in',
      outcome: 'failure',
      actor: { type: 'anonymous' },
      target: userId === undefined ? undefined : { type: 'user', id: userId },
      details: { method: signInMethodOf(factor), reason },
    });
    throw new DomainError(reason);
  }

  /** A code of a time step later than the last accepted one; moves a secret to the current key. */
  private async acceptCode(totp: TotpRecord, code: string): Promise<boolean> {
    const secret = this.cipher.open(totp, totp.userId);
    const step = matchingStep(secret, code, this.clock.now());
    if (step === null || !(await this.mfa.useStep(totp.userId, step))) return false;
    if (totp.keyId !== this.cipher.currentKeyId) {
      await this.mfa.reseal(totp.userId, totp, this.cipher.seal(secret, totp.userId));
    }
    return true;
  }

  private async acceptRecoveryCode(userId: string, recoveryCode: string): Promise<boolean> {
    const hash = hashRecoveryCode(recoveryCode);
    return hash !== null && this.mfa.useRecoveryCode(userId, hash, this.clock.now());
  }
}
