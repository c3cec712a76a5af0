import { beforeEach, describe, expect, it } from '@jest/globals';
import { MemoryStore } from '@libs/cache';
import { loadConfig } from '@libs/config';
import type { Role } from '@libs/database';
import { CacheMetrics, MetricsRegistry } from '@libs/observability';
import { ManualClock, asReal, nextUuid } from '@libs/testing/fakes';
import { inMemoryAudit } from '../../../test/fakes/audit.fake.js';
import { InMemorySessionsRepository } from '../../../test/fakes/sessions.repository.fake.js';
import { DomainError } from '../../platform/errors/domain-error.js';
import type { SessionsRepository } from './sessions.repository.js';
import { SessionsService } from './sessions.service.js';

const DAY_MS = 86_400_000;
const invalid = new DomainError('invalid_refresh_token');

/** A store whose writes and deletes fail while `down` (Redis unreachable). */
class FlakyStore extends MemoryStore {
  down = false;

  override delete(...keys: string[]): Promise<void> {
    return this.down ? Promise.reject(new Error('connection refused')) : super.delete(...keys);
  }
}

describe('SessionsService', () => {
  let clock: ManualClock;
  let users: Map<string, { role: Role; disabled: boolean }>;
  let repository: InMemorySessionsRepository;
  let store: FlakyStore;
  let sessions: SessionsService;
  let userId: string;

  beforeEach(() => {
    clock = new ManualClock();
    users = new Map();
    userId = nextUuid();
    users.set(userId, { role: 'user', disabled: false });
    repository = new InMemorySessionsRepository((id) => users.get(id));
    store = new FlakyStore(() => clock.now().getTime());
    sessions = new SessionsService(
      loadConfig({ NODE_ENV: 'test' }, { signingKeys: false }),
      asReal<SessionsRepository>(repository),
      store,
      clock,
      new CacheMetrics(new MetricsRegistry()),
      inMemoryAudit(clock).unitOfWork,
    );
  });

  it('starts a live session with a refresh token of 256 random bits', async () => {
    const { sessionId, refreshToken } = await sessions.start(userId);
    expect(Buffer.from(refreshToken, 'base64url')).toHaveLength(32);
    await expect(sessions.live(sessionId)).resolves.toEqual({ userId, role: 'user' });
  });

  it('stores only a hash of the refresh token', async () => {
    const { refreshToken } = await sessions.start(userId);
    const stored = [...repository.tokens.values()].map((token) => token.tokenHash);
    expect(stored).toHaveLength(1);
    expect(stored[0]).not.toContain(refreshToken);
    expect(stored[0]).toMatch(/^[0-9a-f]{64}$/);
  });

  describe('refresh', () => {
    it('rotates: a new token, the session kept, its expiry moved on', async () => {
      const { sessionId, refreshToken } = await sessions.start(userId);
      clock.advance(DAY_MS);
      const next = await sessions.refresh(refreshToken);
      expect(next).toEqual({ sessionId, userId, refreshToken: expect.any(String) });
      expect(next.refreshToken).not.toBe(refreshToken);
      expect(repository.sessions.get(sessionId)?.expiresAt).toEqual(
        new Date(clock.now().getTime() + 30 * DAY_MS),
      );
    });

    it('revokes the whole session when a spent token comes back', async () => {
      const { sessionId, refreshToken } = await sessions.start(userId);
      const second = await sessions.refresh(refreshToken);
      await expect(sessions.refresh(refreshToken)).rejects.toEqual(invalid);
      expect(repository.sessions.get(sessionId)?.revokedReason).toBe('refresh_reuse');
      await expect(sessions.refresh(second.refreshToken)).rejects.toEqual(invalid);
      await expect(sessions.live(sessionId)).resolves.toBeNull();
    });

    it('refuses a token it never issued', async () => {
      await expect(sessions.refresh('A'.repeat(43))).rejects.toEqual(invalid);
    });

    it('refuses a token of an expired session', async () => {
      const { refreshToken } = await sessions.start(userId);
      clock.advance(30 * DAY_MS);
      await expect(sessions.refresh(refreshToken)).rejects.toEqual(invalid);
    });

    it('refuses a token of a revoked session', async () => {
      const { sessionId, refreshToken } = await sessions.start(userId);
      await sessions.revoke(sessionId, 'logout');
      await expect(sessions.refresh(refreshToken)).rejects.toEqual(invalid);
    });

    it('refuses a token of a disabled user', async () => {
      const { refreshToken } = await sessions.start(userId);
      users.set(userId, { role: 'user', disabled: true });
      await expect(sessions.refresh(refreshToken)).rejects.toEqual(invalid);
    });
  });

  describe('revocation', () => {
    it('ends a cached live session at once', async () => {
      const { sessionId } = await sessions.start(userId);
      await sessions.live(sessionId);
      await sessions.revoke(sessionId, 'logout');
      await expect(sessions.live(sessionId)).resolves.toBeNull();
    });

    it('revokes the session of a refresh token only for its own user', async () => {
      const { sessionId, refreshToken } = await sessions.start(userId);
      await sessions.revokeByRefreshToken(refreshToken, nextUuid());
      await expect(sessions.live(sessionId)).resolves.not.toBeNull();
      await sessions.revokeByRefreshToken(refreshToken, userId);
      await expect(sessions.live(sessionId)).resolves.toBeNull();
    });

    it('revokes every session of a user but the one kept', async () => {
      const kept = await sessions.start(userId);
      const other = await sessions.start(userId);
      await sessions.live(other.sessionId);
      await sessions.revokeAllOfUser(userId, 'password_changed', kept.sessionId);
      await expect(sessions.live(kept.sessionId)).resolves.not.toBeNull();
      await expect(sessions.live(other.sessionId)).resolves.toBeNull();
      expect(repository.sessions.get(other.sessionId)?.revokedReason).toBe('password_changed');
    });

    it('keeps a revocation made while the cache was down from being undone by a stale entry', async () => {
      const { sessionId } = await sessions.start(userId);
      await sessions.live(sessionId);
      store.down = true;
      await sessions.revoke(sessionId, 'logout');
      store.down = false;
      await expect(sessions.live(sessionId)).resolves.toBeNull();
    });
  });

  describe('live', () => {
    it('answers from the cache for 30 s, then from the database', async () => {
      const { sessionId } = await sessions.start(userId);
      await sessions.live(sessionId);
      users.set(userId, { role: 'admin', disabled: false });
      await expect(sessions.live(sessionId)).resolves.toEqual({ userId, role: 'user' });
      clock.advance(30_000);
      await expect(sessions.live(sessionId)).resolves.toEqual({ userId, role: 'admin' });
    });

    it('picks up a role change at once when told to forget the user', async () => {
      const { sessionId } = await sessions.start(userId);
      await sessions.live(sessionId);
      users.set(userId, { role: 'admin', disabled: false });
      await sessions.forgetUser(userId);
      await expect(sessions.live(sessionId)).resolves.toEqual({ userId, role: 'admin' });
    });

    it('reads the database when the cache fails', async () => {
      const { sessionId } = await sessions.start(userId);
      store.get = () => Promise.reject(new Error('connection refused'));
      await expect(sessions.live(sessionId)).resolves.toEqual({ userId, role: 'user' });
    });

    it('answers null for an unknown session, and caches that too', async () => {
      const unknown = nextUuid();
      await expect(sessions.live(unknown)).resolves.toBeNull();
      expect(await store.get(`session:${unknown}`)).toBe('null');
    });
  });
});
