import type {
  ChallengeRecord,
  MfaRepository,
  MfaStatusRecord,
  TotpRecord,
} from '../../src/mfa/mfa.repository.js';
import type { SealedSecret } from '../../src/mfa/totp-secret-cipher.js';
import { type Public, nextUuid } from '@libs/testing/fakes';

interface ChallengeRow extends ChallengeRecord {
  readonly tokenHash: string;
}

/** MfaRepository in memory, with the same conditional updates as its SQL. */
export class InMemoryMfaRepository implements Public<MfaRepository> {
  readonly totp = new Map<string, TotpRecord>();
  /** Recovery codes by user: hash → used at. */
  readonly recoveryCodes = new Map<string, Map<string, Date | null>>();
  readonly challenges = new Map<string, ChallengeRow>();

  findTotp(userId: string): Promise<TotpRecord | null> {
    return Promise.resolve(this.totp.get(userId) ?? null);
  }

  findStatus(userId: string): Promise<MfaStatusRecord> {
    const unused = [...(this.recoveryCodes.get(userId)?.values() ?? [])].filter(
      (usedAt) => !usedAt,
    );
    return Promise.resolve({
      enabledAt: this.totp.get(userId)?.enabledAt ?? null,
      recoveryCodesRemaining: unused.length,
    });
  }

  saveEnrolment(userId: string, secret: SealedSecret): Promise<boolean> {
    if (this.totp.get(userId)?.enabledAt) return Promise.resolve(false);
    this.totp.set(userId, { userId, ...secret, enabledAt: null, lastUsedStep: null });
    return Promise.resolve(true);
  }

  enable(userId: string, step: number, now: Date, codeHashes: readonly string[]): Promise<boolean> {
    const row = this.totp.get(userId);
    if (!row || row.enabledAt) return Promise.resolve(false);
    this.totp.set(userId, { ...row, enabledAt: now, lastUsedStep: step });
    this.recoveryCodes.set(userId, new Map(codeHashes.map((hash) => [hash, null])));
    return Promise.resolve(true);
  }

  useStep(userId: string, step: number): Promise<boolean> {
    const row = this.totp.get(userId);
    if (!row?.enabledAt || (row.lastUsedStep !== null && row.lastUsedStep >= step)) {
      return Promise.resolve(false);
    }
    this.totp.set(userId, { ...row, lastUsedStep: step });
    return Promise.resolve(true);
  }

  reseal(userId: string, from: SealedSecret, to: SealedSecret): Promise<void> {
    const row = this.totp.get(userId);
    if (row?.keyId === from.keyId && row.sealed.equals(from.sealed)) {
      this.totp.set(userId, { ...row, ...to });
    }
    return Promise.resolve();
  }

  useRecoveryCode(userId: string, codeHash: string, now: Date): Promise<boolean> {
    const codes = this.recoveryCodes.get(userId);
    if (codes?.get(codeHash) !== null) return Promise.resolve(false);
    codes.set(codeHash, now);
    return Promise.resolve(true);
  }

  remove(userId: string): Promise<boolean> {
    for (const [id, row] of this.challenges) if (row.userId === userId) this.challenges.delete(id);
    this.recoveryCodes.delete(userId);
    return Promise.resolve(this.totp.delete(userId));
  }

  createChallenge(challenge: {
    userId: string;
    tokenHash: string;
    expiresAt: Date;
    now: Date;
  }): Promise<void> {
    const { userId, tokenHash, expiresAt, now } = challenge;
    for (const [id, row] of this.challenges) {
      if (row.userId === userId && (row.usedAt || row.expiresAt <= now)) this.challenges.delete(id);
    }
    const id = nextUuid();
    this.challenges.set(id, { id, userId, tokenHash, expiresAt, attempts: 0, usedAt: null });
    return Promise.resolve();
  }

  findChallenge(tokenHash: string): Promise<ChallengeRecord | null> {
    const row = [...this.challenges.values()].find((c) => c.tokenHash === tokenHash);
    return Promise.resolve(row ?? null);
  }

  failChallenge(id: string): Promise<void> {
    const row = this.challenges.get(id);
    if (row && !row.usedAt) this.challenges.set(id, { ...row, attempts: row.attempts + 1 });
    return Promise.resolve();
  }

  spendChallenge(id: string, now: Date, maxAttempts: number): Promise<boolean> {
    const row = this.challenges.get(id);
    if (!row || row.usedAt || row.expiresAt <= now || row.attempts >= maxAttempts) {
      return Promise.resolve(false);
    }
    this.challenges.set(id, { ...row, usedAt: now });
    return Promise.resolve(true);
  }
}
