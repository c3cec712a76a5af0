import type { Role } from '@libs/database';
import type {
  LiveSession,
  SessionsRepository,
  StoredRefreshToken,
} from '../../src/auth/sessions/sessions.repository.js';
import { type Public, nextUuid } from '@libs/testing/fakes';

interface SessionRow {
  readonly id: string;
  readonly userId: string;
  expiresAt: Date;
  revokedAt: Date | null;
  revokedReason: string | null;
}

interface TokenRow {
  readonly id: string;
  readonly sessionId: string;
  readonly tokenHash: string;
  usedAt: Date | null;
}

/** SessionsRepository in memory; `users` tells the role and status of a session's user. */
export class InMemorySessionsRepository implements Public<SessionsRepository> {
  readonly sessions = new Map<string, SessionRow>();
  readonly tokens = new Map<string, TokenRow>();

  constructor(
    private readonly users: (id: string) => { role: Role; disabled: boolean } | undefined,
  ) {}

  create(userId: string, expiresAt: Date, tokenHash: string): Promise<string> {
    const id = nextUuid();
    this.sessions.set(id, { id, userId, expiresAt, revokedAt: null, revokedReason: null });
    const tokenId = nextUuid();
    this.tokens.set(tokenId, { id: tokenId, sessionId: id, tokenHash, usedAt: null });
    return Promise.resolve(id);
  }

  findLive(sessionId: string, now: Date): Promise<LiveSession | null> {
    const session = this.sessions.get(sessionId);
    const user = session && this.users(session.userId);
    const live = session && user && !session.revokedAt && session.expiresAt > now && !user.disabled;
    return Promise.resolve(live ? { userId: session.userId, role: user.role } : null);
  }

  findRefreshToken(tokenHash: string): Promise<StoredRefreshToken | null> {
    const token = [...this.tokens.values()].find((row) => row.tokenHash === tokenHash);
    const session = token && this.sessions.get(token.sessionId);
    const user = session && this.users(session.userId);
    if (!token || !session || !user) return Promise.resolve(null);
    return Promise.resolve({
      id: token.id,
      usedAt: token.usedAt,
      session: {
        id: session.id,
        expiresAt: session.expiresAt,
        revokedAt: session.revokedAt,
        user: { id: session.userId, role: user.role, disabled: user.disabled },
      },
    });
  }

  rotate(
    tokenId: string,
    sessionId: string,
    nextTokenHash: string,
    now: Date,
    expiresAt: Date,
  ): Promise<boolean> {
    const token = this.tokens.get(tokenId);
    const session = this.sessions.get(sessionId);
    if (token?.usedAt !== null || !session) return Promise.resolve(false);
    token.usedAt = now;
    const id = nextUuid();
    this.tokens.set(id, { id, sessionId, tokenHash: nextTokenHash, usedAt: null });
    session.expiresAt = expiresAt;
    return Promise.resolve(true);
  }

  revoke(sessionId: string, reason: string, now: Date): Promise<void> {
    const session = this.sessions.get(sessionId);
    if (session && !session.revokedAt) {
      session.revokedAt = now;
      session.revokedReason = reason;
    }
    return Promise.resolve();
  }

  revokeAllOfUser(
    userId: string,
    reason: string,
    now: Date,
    exceptSessionId?: string,
  ): Promise<string[]> {
    const revoked = [...this.sessions.values()].filter(
      (session) =>
        session.userId === userId && !session.revokedAt && session.id !== exceptSessionId,
    );
    for (const session of revoked) {
      session.revokedAt = now;
      session.revokedReason = reason;
    }
    return Promise.resolve(revoked.map((session) => session.id));
  }

  sessionIdsOfUser(userId: string): Promise<string[]> {
    return Promise.resolve(
      [...this.sessions.values()].filter((s) => s.userId === userId).map((s) => s.id),
    );
  }
}
