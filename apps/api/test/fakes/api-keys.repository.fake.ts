import type { Role } from '@libs/database';
import type {
  ApiKeyCredential,
  ApiKeyRecord,
  ApiKeysRepository,
  NewApiKey,
} from '../../src/api-keys/api-keys.repository.js';
import { type Public, nextUuid } from '@libs/testing/fakes';

interface ApiKeyRow extends ApiKeyRecord {
  readonly secretHash: string;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/**
 * ApiKeysRepository in memory; `users` tells the role and status of a key's owner. `reads` and
 * `writes` count the calls that would reach the database.
 */
export class InMemoryApiKeysRepository implements Public<ApiKeysRepository> {
  readonly rows = new Map<string, ApiKeyRow>();
  reads = 0;
  writes = 0;

  constructor(
    private readonly now: () => Date,
    private readonly users: (id: string) => { role: Role; disabled: boolean } | undefined,
  ) {}

  create(key: NewApiKey): Promise<ApiKeyRecord> {
    this.writes += 1;
    const row: ApiKeyRow = {
      ...key,
      id: nextUuid(),
      createdAt: this.now(),
      lastUsedAt: null,
      revokedAt: null,
    };
    this.rows.set(row.id, row);
    return Promise.resolve(record(row));
  }

  listOfUser(userId: string): Promise<ApiKeyRecord[]> {
    this.reads += 1;
    const rows = [...this.rows.values()].filter((row) => row.userId === userId && !row.revokedAt);
    return Promise.resolve(rows.reverse().map(record));
  }

  countLiveOfUser(userId: string): Promise<number> {
    this.reads += 1;
    const rows = [...this.rows.values()].filter((row) => row.userId === userId && !row.revokedAt);
    return Promise.resolve(rows.length);
  }

  revoke(userId: string, keyId: string, now: Date): Promise<boolean> {
    this.writes += 1;
    const row = this.rows.get(keyId);
    if (row?.userId !== userId || row.revokedAt) return Promise.resolve(false);
    row.revokedAt = now;
    return Promise.resolve(true);
  }

  findCredential(keyId: string): Promise<ApiKeyCredential | null> {
    this.reads += 1;
    const row = this.rows.get(keyId);
    const owner = row && this.users(row.userId);
    if (!row || !owner) return Promise.resolve(null);
    return Promise.resolve({ ...row, owner: { ...owner } });
  }

  recordUse(keyIds: readonly string[], now: Date, since: Date): Promise<void> {
    this.writes += 1;
    for (const id of keyIds) {
      const row = this.rows.get(id);
      if (row && (row.lastUsedAt === null || row.lastUsedAt <= since)) row.lastUsedAt = now;
    }
    return Promise.resolve();
  }
}

function record(row: ApiKeyRow): ApiKeyRecord {
  const { secretHash: _secret, revokedAt: _revoked, ...rest } = row;
  return { ...rest };
}
