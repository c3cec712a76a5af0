import type { Role } from '@libs/database';
import {
  EmailTakenError,
  type UserCredentials,
  type UserRecord,
  type UsersRepository,
} from '../../src/users/users.repository.js';
import { type ManualClock, type Public, nextUuid } from '@libs/testing/fakes';

/** A user as the fake keeps it: whether MFA is on is asked of the MFA fake, as SQL joins it. */
export type StoredUser = Omit<UserCredentials, 'mfaEnabled'>;

/** UsersRepository in memory: unique emails, identities, keyset pages in (createdAt, id). */
export class InMemoryUsersRepository implements Public<UsersRepository> {
  readonly rows = new Map<string, StoredUser>();
  readonly identities = new Map<string, string>();
  /** Accounts whose verification mail was requested (the outbox event), in order. */
  readonly verificationRequests: string[] = [];

  /** `mfaEnabled`: whether the user's TOTP is on, e.g. from an InMemoryMfaRepository. */
  constructor(
    private readonly clock: ManualClock,
    private readonly mfaEnabled: (userId: string) => boolean = () => false,
  ) {}

  add(user: Partial<StoredUser> = {}): UserCredentials {
    const row: StoredUser = {
      id: nextUuid(),
      email: `user${this.rows.size + 1}@example.com`,
      name: '',
      role: 'user',
      emailVerifiedAt: null,
      createdAt: this.clock.now(),
      passwordHash: null,
      disabled: false,
      ...user,
    };
    this.rows.set(row.id, row);
    return this.credentials(row);
  }

  create(data: {
    email: string;
    name: string;
    passwordHash: string | null;
    emailVerifiedAt?: Date;
  }): Promise<UserRecord> {
    if ([...this.rows.values()].some((row) => row.email === data.email))
      return Promise.reject(new EmailTakenError());
    const row = this.add(data);
    if (!row.emailVerifiedAt) this.verificationRequests.push(row.id);
    return Promise.resolve(this.publicFields(row));
  }

  findById(id: string): Promise<UserRecord | null> {
    const row = this.rows.get(id);
    return Promise.resolve(row ? this.publicFields(row) : null);
  }

  findCredentialsByEmail(email: string): Promise<UserCredentials | null> {
    const row = [...this.rows.values()].find((candidate) => candidate.email === email);
    return Promise.resolve(row ? this.credentials(row) : null);
  }

  findCredentialsById(id: string): Promise<UserCredentials | null> {
    const row = this.rows.get(id);
    return Promise.resolve(row ? this.credentials(row) : null);
  }

  lockForChange(_tx: unknown, id: string): Promise<{ role: Role; disabled: boolean } | undefined> {
    const row = this.rows.get(id);
    return Promise.resolve(row ? { role: row.role, disabled: row.disabled } : undefined);
  }

  setPasswordHash(id: string, passwordHash: string): Promise<void> {
    const row = this.rows.get(id);
    if (row) this.rows.set(id, { ...row, passwordHash });
    return Promise.resolve();
  }

  update(
    id: string,
    data: { name?: string; role?: Role; disabled?: boolean },
  ): Promise<UserRecord | null> {
    const row = this.rows.get(id);
    if (!row) return Promise.resolve(null);
    const updated = { ...row, ...data };
    this.rows.set(id, updated);
    return Promise.resolve(this.publicFields(updated));
  }

  list(options: {
    limit: number;
    after?: { createdAt: Date; id: string };
    q?: string;
  }): Promise<UserRecord[]> {
    const { limit, after, q } = options;
    const oldestFirst = (a: StoredUser, b: StoredUser): number =>
      a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id);
    const needle = q?.toLowerCase();
    const rows = [...this.rows.values()]
      .filter(
        (row) =>
          needle === undefined ||
          row.email.toLowerCase().includes(needle) ||
          row.name.toLowerCase().includes(needle),
      )
      .filter((row) => !after || oldestFirst(row, { ...row, ...after }) > 0)
      .sort(oldestFirst)
      .map((row) => this.publicFields(row));
    return Promise.resolve(rows.slice(0, limit));
  }

  findByIdentity(provider: string, subject: string): Promise<UserCredentials | null> {
    const userId = this.identities.get(`${provider}:${subject}`);
    const row = userId === undefined ? undefined : this.rows.get(userId);
    return Promise.resolve(row ? this.credentials(row) : null);
  }

  linkIdentity(userId: string, provider: string, subject: string): Promise<void> {
    if (!this.identities.has(`${provider}:${subject}`))
      this.identities.set(`${provider}:${subject}`, userId);
    return Promise.resolve();
  }

  private credentials(row: StoredUser): UserCredentials {
    return { ...row, mfaEnabled: this.mfaEnabled(row.id) };
  }

  private publicFields({
    id,
    email,
    name,
    role,
    emailVerifiedAt,
    createdAt,
  }: StoredUser): UserRecord {
    const mfaEnabled = this.mfaEnabled(id);
    return { id, email, name, role, emailVerifiedAt, createdAt, mfaEnabled };
  }
}
