import { Injectable } from '@nestjs/common';
import {
  Prisma,
  PrismaService,
  type Role,
  containsPattern,
  isUniqueViolation,
  type Transaction,
  keysetAfter,
  nullIfNotFound,
} from '@libs/database';

/** The columns a User response may show: never the password hash. */
const PUBLIC_FIELDS = { id: true, email: true, name: true, role: true, createdAt: true } as const;

export interface UserRecord {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly createdAt: Date;
}

export interface UserCredentials extends UserRecord {
  readonly passwordHash: string | null;
  readonly disabled: boolean;
}

export class EmailTakenError extends Error {
  override readonly name = 'EmailTakenError';
}

@Injectable()
export class UsersRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** The database's unique index decides duplicates, so two concurrent sign-ups cannot both win. */
  async create(data: {
    email: string;
    name: string;
    passwordHash: string | null;
  }): Promise<UserRecord> {
    try {
      return await this.prisma.user.create({ data, select: PUBLIC_FIELDS });
    } catch (error) {
      if (isUniqueViolation(error)) throw new EmailTakenError();
      throw error;
    }
  }

  findById(id: string): Promise<UserRecord | null> {
    return this.prisma.user.findUnique({ where: { id }, select: PUBLIC_FIELDS });
  }

  findCredentialsByEmail(email: string): Promise<UserCredentials | null> {
    return this.prisma.user.findUnique({
      where: { email },
      select: { ...PUBLIC_FIELDS, passwordHash: true, disabled: true },
    });
  }

  findCredentialsById(id: string, tx?: Transaction): Promise<UserCredentials | null> {
    return (tx ?? this.prisma).user.findUnique({
      where: { id },
      select: { ...PUBLIC_FIELDS, passwordHash: true, disabled: true },
    });
  }

  async setPasswordHash(id: string, passwordHash: string, tx?: Transaction): Promise<void> {
    await (tx ?? this.prisma).user.update({ where: { id }, data: { passwordHash } });
  }

  update(
    id: string,
    data: { name?: string; role?: Role; disabled?: boolean },
    tx?: Transaction,
  ): Promise<UserRecord | null> {
    return nullIfNotFound(
      (tx ?? this.prisma).user.update({ where: { id }, data, select: PUBLIC_FIELDS }),
    );
  }

  /**
   * The role and status of a user, its row locked until `tx` ends: concurrent changes of one
   * user queue, so each sees (and records) what it really changed.
   */
  async lockForChange(
    tx: Transaction,
    id: string,
  ): Promise<{ role: Role; disabled: boolean } | undefined> {
    const [row] = await tx.$queryRaw<{ role: Role; disabled: boolean }[]>`
      SELECT "role"::text AS "role", "disabled" FROM "users" WHERE "id" = ${id}::uuid FOR UPDATE`;
    return row;
  }

  /**
   * A page in (createdAt, id) order after the cursor (keyset pagination), optionally filtered by
   * a case-insensitive substring of email or name.
   */
  list(options: {
    limit: number;
    after?: { createdAt: Date; id: string };
    q?: string;
  }): Promise<UserRecord[]> {
    const { limit, after, q } = options;
    const conditions = [Prisma.sql`TRUE`];
    if (q) {
      const pattern = containsPattern(q);
      conditions.push(Prisma.sql`("email" ILIKE ${pattern} OR "name" ILIKE ${pattern})`);
    }
    if (after)
      conditions.push(
        keysetAfter(Prisma.raw('"created_at"'), Prisma.sql`${after.createdAt}`, after.id, false),
      );
    return this.prisma.$queryRaw<UserRecord[]>`
      SELECT "id", "email", "name", "role"::text AS "role", "created_at" AS "createdAt"
      FROM "users" WHERE ${Prisma.join(conditions, ' AND ')}
      ORDER BY "created_at", "id" LIMIT ${limit}`;
  }

  /** The user of an OIDC account, if it signed in before. */
  async findByIdentity(provider: string, subject: string): Promise<UserCredentials | null> {
    const identity = await this.prisma.userIdentity.findUnique({
      where: { provider_subject: { provider, subject } },
      select: { user: { select: { ...PUBLIC_FIELDS, passwordHash: true, disabled: true } } },
    });
    return identity?.user ?? null;
  }

  async linkIdentity(
    userId: string,
    provider: string,
    subject: string,
    email?: string,
    tx?: Transaction,
  ): Promise<void> {
    await (tx ?? this.prisma).userIdentity.upsert({
      where: { provider_subject: { provider, subject } },
      create: { userId, provider, subject, email: email ?? null },
      update: {},
    });
  }
}
