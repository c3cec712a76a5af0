import { Injectable } from '@nestjs/common';
import { PrismaService, type Role, type Transaction } from '@libs/database';

export interface ApiKeyRecord {
  readonly id: string;
  readonly userId: string;
  readonly name: string;
  readonly scopes: readonly string[];
  readonly createdAt: Date;
  readonly lastUsedAt: Date | null;
  readonly expiresAt: Date | null;
}

/** What authenticating a key needs: its hash and state, and its owner's role and status. */
export interface ApiKeyCredential extends ApiKeyRecord {
  readonly secretHash: string;
  readonly revokedAt: Date | null;
  readonly owner: { readonly role: Role; readonly disabled: boolean };
}

export interface NewApiKey {
  readonly userId: string;
  readonly name: string;
  readonly scopes: readonly string[];
  readonly secretHash: string;
  readonly expiresAt: Date | null;
}

const RECORD = {
  id: true,
  userId: true,
  name: true,
  scopes: true,
  createdAt: true,
  lastUsedAt: true,
  expiresAt: true,
} as const;

@Injectable()
export class ApiKeysRepository {
  constructor(private readonly prisma: PrismaService) {}

  create(key: NewApiKey, tx?: Transaction): Promise<ApiKeyRecord> {
    return (tx ?? this.prisma).apiKey.create({
      data: { ...key, scopes: [...key.scopes] },
      select: RECORD,
    });
  }

  /** The user's keys that are not revoked, newest first (expired ones included). */
  listOfUser(userId: string): Promise<ApiKeyRecord[]> {
    return this.prisma.apiKey.findMany({
      where: { userId, revokedAt: null },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      select: RECORD,
    });
  }

  countLiveOfUser(userId: string): Promise<number> {
    return this.prisma.apiKey.count({ where: { userId, revokedAt: null } });
  }

  /** Revokes the user's key; false when the user has no such live key. */
  async revoke(userId: string, keyId: string, now: Date, tx?: Transaction): Promise<boolean> {
    const revoked = await (tx ?? this.prisma).apiKey.updateMany({
      where: { id: keyId, userId, revokedAt: null },
      data: { revokedAt: now },
    });
    return revoked.count === 1;
  }

  /** One primary-key read with the owner joined: every request sees the current state. */
  findCredential(keyId: string): Promise<ApiKeyCredential | null> {
    return this.prisma.apiKey.findUnique({
      where: { id: keyId },
      select: {
        ...RECORD,
        secretHash: true,
        revokedAt: true,
        owner: { select: { role: true, disabled: true } },
      },
    });
  }

  /**
   * Records that the keys were used at `now`, skipping keys whose last use is already recorded
   * after `since`: replicas that saw the same key in the same interval write it once.
   */
  async recordUse(keyIds: readonly string[], now: Date, since: Date): Promise<void> {
    await this.prisma.apiKey.updateMany({
      where: {
        id: { in: [...keyIds] },
        OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: since } }],
      },
      data: { lastUsedAt: now },
    });
  }
}
