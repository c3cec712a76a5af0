import { Injectable } from '@nestjs/common';
import { PrismaService, type Transaction } from '@libs/database';
import type { SealedSecret } from './totp-secret-cipher.js';

export interface TotpRecord extends SealedSecret {
  readonly userId: string;
  /** Null while enrolment waits for its first code. */
  readonly enabledAt: Date | null;
  /** The time step of the last accepted code. */
  readonly lastUsedStep: number | null;
}

export interface MfaStatusRecord {
  /** When TOTP was confirmed; null when it is off or its enrolment is unconfirmed. */
  readonly enabledAt: Date | null;
  /** Recovery codes not used yet (there are none while TOTP is off). */
  readonly recoveryCodesRemaining: number;
}

export interface ChallengeRecord {
  readonly id: string;
  readonly userId: string;
  readonly expiresAt: Date;
  readonly attempts: number;
  readonly usedAt: Date | null;
}

/** TOTP authenticators, recovery codes and sign-in challenges. */
@Injectable()
export class MfaRepository {
  constructor(private readonly prisma: PrismaService) {}

  async findTotp(userId: string): Promise<TotpRecord | null> {
    const row = await this.prisma.userTotp.findUnique({ where: { userId } });
    return row && toTotpRecord(row);
  }

  /** Whether TOTP is on, and how many recovery codes are left: two reads by the user's key. */
  async findStatus(userId: string): Promise<MfaStatusRecord> {
    const [totp, recoveryCodesRemaining] = await Promise.all([
      this.prisma.userTotp.findUnique({ where: { userId }, select: { enabledAt: true } }),
      this.prisma.mfaRecoveryCode.count({ where: { userId, usedAt: null } }),
    ]);
    return { enabledAt: totp?.enabledAt ?? null, recoveryCodesRemaining };
  }

  /**
   * Starts (or restarts) an enrolment with a new secret; false when TOTP is enabled already. One
   * statement, so an enrolment racing a confirmation never replaces an enabled secret.
   */
  async saveEnrolment(userId: string, secret: SealedSecret): Promise<boolean> {
    const written = await this.prisma.$executeRaw`
      INSERT INTO user_totp (user_id, secret_key_id, secret_sealed)
      VALUES (${userId}::uuid, ${secret.keyId}, ${secret.sealed})
      ON CONFLICT (user_id) DO UPDATE
        SET secret_key_id = EXCLUDED.secret_key_id, secret_sealed = EXCLUDED.secret_sealed,
            last_used_step = NULL, created_at = now()
        WHERE user_totp.enabled_at IS NULL`;
    return written === 1;
  }

  /**
   * Enables the pending enrolment, records `step` as used and replaces the recovery codes, in
   * the caller's transaction; false when no enrolment was pending (enabled meanwhile, or none).
   */
  async enable(
    userId: string,
    step: number,
    now: Date,
    codeHashes: readonly string[],
    tx: Transaction,
  ): Promise<boolean> {
    const enabled = await tx.userTotp.updateMany({
      where: { userId, enabledAt: null },
      data: { enabledAt: now, lastUsedStep: BigInt(step) },
    });
    if (enabled.count !== 1) return false;
    await tx.mfaRecoveryCode.deleteMany({ where: { userId } });
    await tx.mfaRecoveryCode.createMany({
      data: codeHashes.map((codeHash) => ({ userId, codeHash })),
    });
    return true;
  }

  /**
   * Accepts the code of `step` if no code of this or a later step was accepted before: a
   * conditional update, so of two concurrent uses of one code exactly one wins.
   */
  async useStep(userId: string, step: number): Promise<boolean> {
    const used = await this.prisma.userTotp.updateMany({
      where: {
        userId,
        enabledAt: { not: null },
        OR: [{ lastUsedStep: null }, { lastUsedStep: { lt: BigInt(step) } }],
      },
      data: { lastUsedStep: BigInt(step) },
    });
    return used.count === 1;
  }

  /** Re-seals a secret under the current key, unless it changed meanwhile. */
  async reseal(userId: string, from: SealedSecret, to: SealedSecret): Promise<void> {
    await this.prisma.userTotp.updateMany({
      where: { userId, secretKeyId: from.keyId, secretSealed: new Uint8Array(from.sealed) },
      data: { secretKeyId: to.keyId, secretSealed: new Uint8Array(to.sealed) },
    });
  }

  /** Spends an unused recovery code of the user; false when there is none with this hash. */
  async useRecoveryCode(userId: string, codeHash: string, now: Date): Promise<boolean> {
    const used = await this.prisma.mfaRecoveryCode.updateMany({
      where: { userId, codeHash, usedAt: null },
      data: { usedAt: now },
    });
    return used.count === 1;
  }

  /**
   * Removes TOTP, recovery codes and open challenges of the user, in the caller's transaction;
   * false when TOTP was not set up.
   */
  async remove(userId: string, tx: Transaction): Promise<boolean> {
    await tx.mfaChallenge.deleteMany({ where: { userId } });
    await tx.mfaRecoveryCode.deleteMany({ where: { userId } });
    const totp = await tx.userTotp.deleteMany({ where: { userId } });
    return totp.count === 1;
  }

  /** Records a challenge; the user's spent and expired ones go at the same time. */
  async createChallenge(challenge: {
    userId: string;
    tokenHash: string;
    expiresAt: Date;
    now: Date;
  }): Promise<void> {
    const { userId, tokenHash, expiresAt, now } = challenge;
    await this.prisma.$transaction([
      this.prisma.mfaChallenge.deleteMany({
        where: { userId, OR: [{ usedAt: { not: null } }, { expiresAt: { lte: now } }] },
      }),
      this.prisma.mfaChallenge.create({ data: { userId, tokenHash, expiresAt } }),
    ]);
  }

  findChallenge(tokenHash: string): Promise<ChallengeRecord | null> {
    return this.prisma.mfaChallenge.findUnique({
      where: { tokenHash },
      select: { id: true, userId: true, expiresAt: true, attempts: true, usedAt: true },
    });
  }

  /** Counts a wrong code against the challenge. */
  async failChallenge(id: string): Promise<void> {
    await this.prisma.mfaChallenge.updateMany({
      where: { id, usedAt: null },
      data: { attempts: { increment: 1 } },
    });
  }

  /**
   * Spends the challenge if it is still usable: unused, unexpired, under the attempt limit. A
   * conditional update, so a token completes at most one sign-in.
   */
  async spendChallenge(id: string, now: Date, maxAttempts: number): Promise<boolean> {
    const spent = await this.prisma.mfaChallenge.updateMany({
      where: { id, usedAt: null, expiresAt: { gt: now }, attempts: { lt: maxAttempts } },
      data: { usedAt: now },
    });
    return spent.count === 1;
  }
}

function toTotpRecord(row: {
  userId: string;
  secretKeyId: string;
  secretSealed: Uint8Array;
  enabledAt: Date | null;
  lastUsedStep: bigint | null;
}): TotpRecord {
  return {
    userId: row.userId,
    keyId: row.secretKeyId,
    sealed: Buffer.from(row.secretSealed),
    enabledAt: row.enabledAt,
    lastUsedStep: row.lastUsedStep === null ? null : Number(row.lastUsedStep),
  };
}
