import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { Role } from '@libs/database';
import { ManualClock, asReal } from '@libs/testing/fakes';
import { InMemoryApiKeysRepository } from '../../test/fakes/api-keys.repository.fake.js';
import { inMemoryAudit } from '../../test/fakes/audit.fake.js';
import type { InMemoryAuditRepository } from '../../test/fakes/audit.repository.fake.js';
import { DomainError } from '../platform/errors/domain-error.js';
import { API_KEY_PREFIX, formatApiKey, parseApiKey } from './api-key-format.js';
import { ApiKeyUsage, LAST_USED_INTERVAL_MS } from './api-key-usage.js';
import type { ApiKeysRepository } from './api-keys.repository.js';
import { ApiKeysService, MAX_API_KEYS_PER_USER } from './api-keys.service.js';

const code = async (work: Promise<unknown>): Promise<string> => {
  const error = await work.catch((caught: unknown) => caught);
  if (!(error instanceof DomainError)) throw new Error(`not a domain error: ${String(error)}`);
  return error.code;
};

describe('ApiKeysService', () => {
  let clock: ManualClock;
  let users: Map<string, { role: Role; disabled: boolean }>;
  let repository: InMemoryApiKeysRepository;
  let usage: ApiKeyUsage;
  let service: ApiKeysService;
  let events: InMemoryAuditRepository;
  const alice = { id: 'alice', role: 'user' as const };
  const admin = { id: 'admin', role: 'admin' as const };

  beforeEach(() => {
    clock = new ManualClock();
    users = new Map([
      [alice.id, { role: alice.role, disabled: false }],
      [admin.id, { role: admin.role, disabled: false }],
    ]);
    repository = new InMemoryApiKeysRepository(
      () => clock.now(),
      (id) => users.get(id),
    );
    const real = asReal<ApiKeysRepository>(repository);
    usage = new ApiKeyUsage(real, clock);
    const fakes = inMemoryAudit(clock);
    events = fakes.events;
    service = new ApiKeysService(real, usage, clock, fakes.unitOfWork, fakes.audit);
  });

  // A noted use arms a timer; flushing clears it, so no test leaves one behind.
  afterEach(() => usage.flush());

  const create = (
    owner: { id: string; role: Role } = alice,
    scopes: ('orders:read' | 'products:write')[] = ['orders:read'],
  ) => service.create(owner, { name: 'ci', scopes });

  it('creates a key that authenticates as its owner with its scopes', async () => {
    const { key, record } = await create();
    expect(key.startsWith(API_KEY_PREFIX)).toBe(true);
    expect(parseApiKey(key)?.keyId).toBe(record.id);
    await expect(service.authenticate(key)).resolves.toEqual({
      userId: alice.id,
      keyId: record.id,
      role: 'user',
      scopes: ['orders:read'],
    });
  });

  it('stores the SHA-256 of the secret, never the key or the secret', async () => {
    const { key, record } = await create();
    const stored = repository.rows.get(record.id);
    const secret = parseApiKey(key)?.secret ?? '';
    expect(stored?.secretHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(secret);
  });

  it('refuses a scope beyond the owner’s role', async () => {
    expect(await code(create(alice, ['products:write']))).toBe('api_key_scope_not_allowed');
    await expect(create(admin, ['products:write'])).resolves.toBeDefined();
  });

  it('refuses an expiry that is not in the future', async () => {
    const work = service.create(alice, {
      name: 'ci',
      scopes: ['orders:read'],
      expiresAt: clock.now(),
    });
    expect(await code(work)).toBe('validation_failed');
  });

  it(`refuses a key past ${MAX_API_KEYS_PER_USER} live keys`, async () => {
    for (let i = 0; i < MAX_API_KEYS_PER_USER; i += 1) await create();
    expect(await code(create())).toBe('api_key_limit_reached');
  });

  it('refuses a malformed or mistyped key without reading the repository', async () => {
    const { key } = await create();
    const reads = repository.reads;
    await expect(service.authenticate(`${key.slice(0, -1)}x`)).resolves.toBeNull();
    await expect(service.authenticate('sak_nonsense')).resolves.toBeNull();
    expect(repository.reads).toBe(reads);
  });

  it('refuses a key whose secret is wrong, even with a right id and checksum', async () => {
    const { record } = await create();
    await expect(service.authenticate(formatApiKey(record.id))).resolves.toBeNull();
  });

  it('refuses a revoked key; another user cannot revoke it', async () => {
    const { key, record } = await create();
    expect(await code(service.revoke(admin.id, record.id))).toBe('api_key_not_found');
    await expect(service.authenticate(key)).resolves.not.toBeNull();
    await service.revoke(alice.id, record.id);
    await expect(service.authenticate(key)).resolves.toBeNull();
    expect(await code(service.revoke(alice.id, record.id))).toBe('api_key_not_found');
    await expect(service.list(alice.id)).resolves.toEqual([]);
  });

  it('refuses a key once it expires', async () => {
    const expiresAt = new Date(clock.now().getTime() + 60_000);
    const { key } = await service.create(alice, { name: 'ci', scopes: ['orders:read'], expiresAt });
    clock.advance(59_999);
    await expect(service.authenticate(key)).resolves.not.toBeNull();
    clock.advance(1);
    await expect(service.authenticate(key)).resolves.toBeNull();
  });

  it('refuses the key of a disabled owner, and accepts it again when re-enabled', async () => {
    const { key } = await create();
    users.set(alice.id, { role: 'user', disabled: true });
    await expect(service.authenticate(key)).resolves.toBeNull();
    users.set(alice.id, { role: 'user', disabled: false });
    await expect(service.authenticate(key)).resolves.not.toBeNull();
  });

  it('drops the scopes a demoted owner’s role no longer allows', async () => {
    const { key } = await service.create(admin, {
      name: 'deploy',
      scopes: ['orders:read', 'products:write'],
    });
    users.set(admin.id, { role: 'user', disabled: false });
    await expect(service.authenticate(key)).resolves.toMatchObject({
      role: 'user',
      scopes: ['orders:read'],
    });
  });

  it('lists the owner’s keys newest first', async () => {
    const first = await create();
    clock.advance(1000);
    const second = await create();
    await create(admin);
    const listed = await service.list(alice.id);
    expect(listed.map((key) => key.id)).toEqual([second.record.id, first.record.id]);
  });

  describe('last use', () => {
    it('is written once per interval, when flushed, however many requests', async () => {
      const { key, record } = await create();
      const writes = repository.writes;
      for (let i = 0; i < 5; i += 1) await service.authenticate(key);
      expect(repository.writes).toBe(writes);
      expect(repository.rows.get(record.id)?.lastUsedAt).toBeNull();

      await usage.flush();
      expect(repository.writes).toBe(writes + 1);
      expect(repository.rows.get(record.id)?.lastUsedAt).toEqual(clock.now());

      clock.advance(LAST_USED_INTERVAL_MS - 1);
      await service.authenticate(key);
      await usage.flush();
      expect(repository.writes).toBe(writes + 1);

      clock.advance(1);
      await service.authenticate(key);
      await usage.flush();
      expect(repository.writes).toBe(writes + 2);
      expect(repository.rows.get(record.id)?.lastUsedAt).toEqual(clock.now());
    });

    it('is not noted for a refused key', async () => {
      const { key, record } = await create();
      await service.revoke(alice.id, record.id);
      await service.authenticate(key);
      const writes = repository.writes;
      await usage.flush();
      expect(repository.writes).toBe(writes);
    });

    it('survives a failed write', async () => {
      const { key } = await create();
      await service.authenticate(key);
      repository.recordUse = () => Promise.reject(new Error('database down'));
      await expect(usage.flush()).resolves.toBeUndefined();
    });
  });

  describe('audit', () => {
    it('records creation and revocation on the owner’s account, never the key', async () => {
      const { key, record } = await create();
      await service.revoke(alice.id, record.id);
      expect(
        events.rows.map(({ action, targetType, targetId, subjectUserId }) => [
          action,
          targetType,
          targetId,
          subjectUserId,
        ]),
      ).toEqual([
        ['api_key.create', 'api_key', record.id, alice.id],
        ['api_key.revoke', 'api_key', record.id, alice.id],
      ]);
      expect(events.rows[0]?.details).toEqual({ name: 'ci', scopes: 'orders:read' });
      expect(JSON.stringify(events.rows)).not.toContain(parseApiKey(key)?.secret);
    });

    it('records nothing when the revocation is refused (rolled back with it)', async () => {
      const { record } = await create();
      await service.revoke(admin.id, record.id).catch(() => undefined);
      expect(events.actions()).toEqual(['api_key.create']);
    });
  });
});
