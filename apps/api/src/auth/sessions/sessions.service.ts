import { InvalidationBus, KeyValueStore, LocalInvalidationBus, NearCache } from '@libs/cache';
import { type Config, InjectConfig } from '@libs/config';
import { CacheMetrics } from '@libs/observability';
import type { Transaction } from '@libs/database';
import { Injectable, Logger } from '@nestjs/common';
import { DomainError } from '../../platform/errors/domain-error.js';
import { Clock } from '../../platform/clock.js';
import { UnitOfWork } from '../../platform/database/unit-of-work.js';
import { hashRefreshToken, newRefreshToken } from './refresh-token.js';
import { type LiveSession, SessionsRepository } from './sessions.repository.js';

/** How long a request may trust a cached "session is live"; revocation deletes the entry at once. */
const LIVE_SESSION_CACHE_MS = 30_000;
/**
 * The same answer in this process's memory: revocation drops it on every replica through the
 * invalidation bus (Redis pub/sub), so this only bounds an entry should a message be lost.
 */
const NEAR_SESSION_CACHE_MS = 5_000;
/** Sessions held in memory at most (about 200 bytes each: 2 MiB at most). */
const NEAR_SESSION_ENTRIES = 10_000;
/** How often to retry dropping cached sessions that a cache outage kept us from dropping. */
const FORGET_RETRY_MS = 1_000;
const cacheKey = (sessionId: string): string => `session:${sessionId}`;

type RevocationReason = 'logout' | 'password_changed' | 'user_disabled' | 'refresh_reuse';

/**
 * Sessions and their refresh tokens: single use, rotated on every refresh, and a replayed
 * (already spent) token revokes its whole session — a stolen token is only good once, and its
 * use by the thief or the owner ends the session for both (RFC 9700 §4.14.2).
 */
@Injectable()
export class SessionsService {
  private readonly logger = new Logger(SessionsService.name);
  /**
   * Sessions revoked while the cache could not drop them, each until its cached "live" entry has
   * surely expired. This process reads them from the database and keeps retrying the drop, so a
   * revocation made during a Redis outage is not undone by a stale entry when Redis comes back.
   */
  private readonly unforgotten = new Map<string, number>();
  private retryTimer: NodeJS.Timeout | undefined;
  /** Live sessions by id in memory, in front of Redis: most requests need no round trip. */
  private readonly near: NearCache<{ readonly session: LiveSession | null }>;

  constructor(
    @InjectConfig() private readonly config: Config,
    private readonly sessions: SessionsRepository,
    private readonly store: KeyValueStore,
    private readonly clock: Clock,
    private readonly cacheMetrics: CacheMetrics,
    private readonly unitOfWork: UnitOfWork,
    bus: InvalidationBus = new LocalInvalidationBus(),
  ) {
    this.near = new NearCache(
      bus,
      { topic: 'session', ttlMs: NEAR_SESSION_CACHE_MS, maxEntries: NEAR_SESSION_ENTRIES },
      () => this.clock.now().getTime(),
    );
  }

  private expiry(): Date {
    return new Date(this.clock.now().getTime() + this.config.auth.refreshTtlDays * 86_400_000);
  }

  /** Starts a session, in `tx` when given (so it commits with what else happens there). */
  async start(
    userId: string,
    tx?: Transaction,
  ): Promise<{ sessionId: string; refreshToken: string }> {
    const refreshToken = newRefreshToken();
    const sessionId = await this.sessions.create(
      userId,
      this.expiry(),
      hashRefreshToken(refreshToken),
      tx,
    );
    return { sessionId, refreshToken };
  }

  /** Spends `refreshToken` and returns its successor, or throws invalid_refresh_token. */
  async refresh(
    refreshToken: string,
  ): Promise<{ sessionId: string; userId: string; refreshToken: string }> {
    const now = this.clock.now();
    const stored = await this.sessions.findRefreshToken(hashRefreshToken(refreshToken));
    if (!stored) throw new DomainError('invalid_refresh_token');
    const { session } = stored;
    if (session.revokedAt || session.expiresAt <= now || session.user.disabled) {
      throw new DomainError('invalid_refresh_token');
    }
    const next = newRefreshToken();
    const rotated =
      stored.usedAt === null &&
      (await this.sessions.rotate(
        stored.id,
        session.id,
        hashRefreshToken(next),
        now,
        this.expiry(),
      ));
    if (!rotated) {
      this.logger.warn({ sessionId: session.id }, 'spent refresh token presented: session revoked');
      await this.revoke(session.id, 'refresh_reuse');
      throw new DomainError('invalid_refresh_token');
    }
    return { sessionId: session.id, userId: session.user.id, refreshToken: next };
  }

  /**
   * Ends a session. `alongside` writes in the same transaction (the audit row of a sign-out);
   * the cached state is dropped only after the commit, so no request caches it live again.
   */
  async revoke(
    sessionId: string,
    reason: RevocationReason,
    alongside?: (tx: Transaction) => Promise<void>,
  ): Promise<void> {
    const now = this.clock.now();
    if (alongside) {
      await this.unitOfWork.run(async (tx) => {
        await this.sessions.revoke(sessionId, reason, now, tx);
        await alongside(tx);
      });
    } else {
      await this.sessions.revoke(sessionId, reason, now);
    }
    await this.forget([sessionId]);
  }

  /** Revokes the session of `refreshToken` if it belongs to `userId`; anything else is ignored. */
  async revokeByRefreshToken(refreshToken: string, userId: string): Promise<void> {
    const stored = await this.sessions.findRefreshToken(hashRefreshToken(refreshToken));
    if (stored?.session.user.id === userId) await this.revoke(stored.session.id, 'logout');
  }

  async revokeAllOfUser(
    userId: string,
    reason: RevocationReason,
    exceptSessionId?: string,
  ): Promise<void> {
    const ids = await this.sessions.revokeAllOfUser(
      userId,
      reason,
      this.clock.now(),
      exceptSessionId,
    );
    await this.forget(ids);
  }

  /** Drops cached session state of a user whose role or status changed. */
  async forgetUser(userId: string): Promise<void> {
    await this.forget(await this.sessions.sessionIdsOfUser(userId));
  }

  /**
   * The live session behind an access token, or null once it was revoked, expired, or its user
   * disabled. Cached briefly; a cache outage falls back to the database.
   */
  async live(sessionId: string): Promise<LiveSession | null> {
    const near = this.unforgotten.has(sessionId) ? undefined : this.near.get(sessionId);
    if (near !== undefined) {
      this.cacheMetrics.lookup('session', true);
      return near.session;
    }
    const version = this.near.version();
    const cached = this.unforgotten.has(sessionId)
      ? null
      : await this.store.get(cacheKey(sessionId)).catch(() => null);
    this.cacheMetrics.lookup('session', cached !== null);
    if (cached !== null) {
      const session = cached === 'null' ? null : (JSON.parse(cached) as LiveSession);
      this.near.set(sessionId, { session }, version);
      return session;
    }
    const session = await this.sessions.findLive(sessionId, this.clock.now());
    await this.store
      .set(cacheKey(sessionId), JSON.stringify(session), LIVE_SESSION_CACHE_MS)
      .catch(() => undefined);
    this.near.set(sessionId, { session }, version);
    return session;
  }

  private async forget(sessionIds: readonly string[]): Promise<void> {
    if (sessionIds.length === 0) return;
    try {
      await this.store.delete(...sessionIds.map(cacheKey));
      // After Redis: a replica that reloads on the message finds the entry gone there too.
      await this.near.invalidate(sessionIds);
    } catch (error) {
      // Until dropped everywhere, live() reads these from the database (memory and Redis skipped).
      this.logger.warn(`could not drop cached sessions, retrying: ${String(error)}`);
      const until = this.clock.now().getTime() + LIVE_SESSION_CACHE_MS;
      for (const id of sessionIds) this.unforgotten.set(id, until);
      this.retryForgetLater();
    }
  }

  private retryForgetLater(): void {
    this.retryTimer ??= setTimeout(() => {
      this.retryTimer = undefined;
      void this.retryForget();
    }, FORGET_RETRY_MS).unref();
  }

  private async retryForget(): Promise<void> {
    const now = this.clock.now().getTime();
    for (const [id, until] of this.unforgotten) if (until <= now) this.unforgotten.delete(id);
    const ids = [...this.unforgotten.keys()];
    if (ids.length === 0) return;
    try {
      await this.store.delete(...ids.map(cacheKey));
      await this.near.invalidate(ids);
      for (const id of ids) this.unforgotten.delete(id);
    } catch {
      this.retryForgetLater();
    }
  }
}
