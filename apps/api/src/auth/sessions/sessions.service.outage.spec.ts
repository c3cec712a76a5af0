import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { MemoryStore } from '@libs/cache';
import { loadConfig } from '@libs/config';
import type { Role } from '@libs/database';
import { CacheMetrics, MetricsRegistry } from '@libs/observability';
import { ManualClock, asReal, nextUuid } from '@libs/testing/fakes';
import { inMemoryAudit } from '../../../test/fakes/audit.fake.js';
import { InMemorySessionsRepository } from '../../../test/fakes/sessions.repository.fake.js';
import type { SessionsRepository } from './sessions.repository.js';
import { SessionsService } from './sessions.service.js';

/** A store whose deletes fail while `down` (Redis unreachable), counting every attempt. */
class FlakyStore extends MemoryStore {
  down = false;
  deletes: string[][] = [];

  override delete(...keys: string[]): Promise<void> {
    this.deletes.push(keys);
    return this.down ? Promise.reject(new Error('connection refused')) : super.delete(...keys);
  }
}

/**
 * Revocations made while the cache could not drop the cached "live" entry: retried every second
 * until the drop succeeds or the entry has surely expired (30 s), and read from the database
 * meanwhile.
 */
describe('SessionsService during a cache outage', () => {
  let clock: ManualClock;
  let users: Map<string, { role: Role; disabled: boolean }>;
  let store: FlakyStore;
  let sessions: SessionsService;
  let userId: string;

  beforeEach(() => {
    jest.useFakeTimers();
    clock = new ManualClock();
    userId = nextUuid();
    users = new Map([[userId, { role: 'user', disabled: false }]]);
    store = new FlakyStore(() => clock.now().getTime());
    sessions = new SessionsService(
      loadConfig({ NODE_ENV: 'test' }, { signingKeys: false }),
      asReal<SessionsRepository>(new InMemorySessionsRepository((id) => users.get(id))),
      store,
      clock,
      new CacheMetrics(new MetricsRegistry()),
      inMemoryAudit(clock).unitOfWork,
    );
  });

  afterEach(() => {
    jest.useRealTimers();
  });

  /** A session whose "live" answer sits in the cache, revoked while the cache is down. */
  async function revokedDuringOutage(): Promise<string> {
    const { sessionId } = await sessions.start(userId);
    await sessions.live(sessionId);
    store.down = true;
    await sessions.revoke(sessionId, 'logout');
    return sessionId;
  }

  it('retries the drop a second later, once the cache is back', async () => {
    const sessionId = await revokedDuringOutage();
    expect(await store.get(`session:${sessionId}`)).not.toBeNull();
    store.down = false;
    await jest.advanceTimersByTimeAsync(999);
    expect(await store.get(`session:${sessionId}`)).not.toBeNull();
    await jest.advanceTimersByTimeAsync(1);
    expect(await store.get(`session:${sessionId}`)).toBeNull();
  });

  it('keeps retrying every second while the cache stays down', async () => {
    const sessionId = await revokedDuringOutage();
    const attempts = store.deletes.length;
    await jest.advanceTimersByTimeAsync(3_000);
    expect(store.deletes.length - attempts).toBe(3);
    store.down = false;
    await jest.advanceTimersByTimeAsync(1_000);
    expect(await store.get(`session:${sessionId}`)).toBeNull();
  });

  it('stops retrying once the drop succeeded', async () => {
    await revokedDuringOutage();
    store.down = false;
    await jest.advanceTimersByTimeAsync(1_000);
    const attempts = store.deletes.length;
    await jest.advanceTimersByTimeAsync(10_000);
    expect(store.deletes.length).toBe(attempts);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('gives up on a session once its cached entry has surely expired (30 s)', async () => {
    await revokedDuringOutage();
    clock.advance(30_000);
    const attempts = store.deletes.length;
    await jest.advanceTimersByTimeAsync(1_000);
    expect(store.deletes.length).toBe(attempts);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('retries every session it could not drop in one attempt, under one timer', async () => {
    const first = await revokedDuringOutage();
    const second = (await sessions.start(userId)).sessionId;
    await sessions.revoke(second, 'logout');
    expect(jest.getTimerCount()).toBe(1);
    store.down = false;
    const attempts = store.deletes.length;
    await jest.advanceTimersByTimeAsync(1_000);
    expect(store.deletes.slice(attempts)).toEqual([[`session:${first}`, `session:${second}`]]);
  });

  it('answers a revoked session from the database until the drop succeeded', async () => {
    const sessionId = await revokedDuringOutage();
    await expect(sessions.live(sessionId)).resolves.toBeNull();
    store.down = false;
    // The stale "live" entry is still in the cache: skipped, not served.
    expect(await store.get(`session:${sessionId}`)).not.toBeNull();
    await expect(sessions.live(sessionId)).resolves.toBeNull();
  });

  it('still serves other sessions from the cache meanwhile', async () => {
    const other = (await sessions.start(userId)).sessionId;
    await sessions.live(other);
    await revokedDuringOutage();
    users.set(userId, { role: 'admin', disabled: false });
    await expect(sessions.live(other)).resolves.toEqual({ userId, role: 'user' });
  });

  it('retries the sessions of a revokeAllOfUser made during the outage', async () => {
    const { sessionId } = await sessions.start(userId);
    await sessions.live(sessionId);
    store.down = true;
    await sessions.revokeAllOfUser(userId, 'password_changed');
    store.down = false;
    await jest.advanceTimersByTimeAsync(1_000);
    expect(await store.get(`session:${sessionId}`)).toBeNull();
  });

  it('touches neither the cache nor a timer when a user has no session to revoke', async () => {
    store.down = true;
    await sessions.revokeAllOfUser(nextUuid(), 'user_disabled');
    expect(store.deletes).toEqual([]);
    expect(jest.getTimerCount()).toBe(0);
  });
});
