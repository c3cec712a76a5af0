import { Injectable } from '@nestjs/common';
import { PrismaService, type Role, type Transaction } from '@libs/database';

export interface LiveSession {
  readonly userId: string;
  readonly role: Role;
}

export interface StoredRefreshToken {
  readonly id: string;
  readonly usedAt: Date | null;
  readonly session: {
    readonly id: string;
    readonly expiresAt: Date;
    readonly revokedAt: Date | null;
    readonly user: { readonly id: string; readonly role: Role; readonly disabled: boolean };
  };
}

@Injectable()
export class SessionsRepository {
  constructor(private readonly prisma: PrismaService) {}

  async create(
    userId: string,
    expiresAt: Date,
    tokenHash: string,
    tx?: Transaction,
  ): Promise<string> {
    const session = await (tx ?? this.prisma).session.create({
      data: { userId, expiresAt, refreshTokens: { create: { tokenHash } } },
      select: { id: true },
    });
    return session.id;
  }

  /** The session if it may still be used now: not revoked, not expired, user not disabled. */
  async findLive(sessionId: string, now: Date): Promise<LiveSession | null> {
    const session = await this.prisma.session.findFirst({
      where: { id: sessionId, revokedAt: null, expiresAt: { gt: now }, user: { disabled: false } },
      select: { user: { select: { id: true, role: true } } },
    });
    return session ? { userId: session.user.id, role: session.user.role } : null;
  }

  findRefreshToken(tokenHash: string): Promise<StoredRefreshToken | null> {
    return this.prisma.refreshToken.findUnique({
      where: { tokenHash },
      select: {
        id: true,
        usedAt: true,
        session: {
          select: {
            id: true,
            expiresAt: true,
            revokedAt: true,
            user: { select: { id: true, role: true, disabled: true } },
          },
        },
      },
    });
  }

  /**
   * Spends a refresh token and issues its successor in one transaction. The conditional update
   * (`used_at IS NULL`) makes concurrent refreshes with the same token race in PostgreSQL:
   * exactly one wins; the others get false.
   */
  async rotate(
    tokenId: string,
    sessionId: string,
    nextTokenHash: string,
    now: Date,
    expiresAt: Date,
  ): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      const spent = await tx.refreshToken.updateMany({
        where: { id: tokenId, usedAt: null },
        data: { usedAt: now },
      });
      if (spent.count !== 1) return false;
      await tx.refreshToken.create({ data: { sessionId, tokenHash: nextTokenHash } });
      await tx.session.update({ where: { id: sessionId }, data: { expiresAt } });
      return true;
    });
  }

  async revoke(sessionId: string, reason: string, now: Date, tx?: Transaction): Promise<void> {
    await (tx ?? this.prisma).session.updateMany({
      where: { id: sessionId, revokedAt: null },
      data: { revokedAt: now, revokedReason: reason },
    });
  }

  /** Revokes every live session of a user (optionally but one) and returns their ids. */
  async revokeAllOfUser(
    userId: string,
    reason: string,
    now: Date,
    exceptSessionId?: string,
  ): Promise<string[]> {
    const where = {
      userId,
      revokedAt: null,
      ...(exceptSessionId ? { id: { not: exceptSessionId } } : {}),
    };
    const revoked = await this.prisma.session.updateManyAndReturn({
      where,
      data: { revokedAt: now, revokedReason: reason },
      select: { id: true },
    });
    return revoked.map((session) => session.id);
  }

  async sessionIdsOfUser(userId: string): Promise<string[]> {
    const sessions = await this.prisma.session.findMany({
      where: { userId },
      select: { id: true },
    });
    return sessions.map((session) => session.id);
  }
}
