import { Injectable } from '@nestjs/common';
import { recordAccountEvent } from '@libs/commerce';
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

/** The columns of a user a response may show: never the password hash. */
const USER_COLUMNS = {
  id: true,
  email: true,
  name: true,
  role: true,
  emailVerifiedAt: true,
  createdAt: true,
} as const;
/** The same, and whether the user's authenticator is on (user_totp read by its key). */
const PUBLIC_FIELDS = { ...USER_COLUMNS, totp: { select: { enabledAt: true } } } as const;
const CREDENTIAL_FIELDS = { ...PUBLIC_FIELDS, passwordHash: true, disabled: true } as const;

export interface UserRecord {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  /** Null until the owner proved the address is theirs. */
  readonly emailVerifiedAt: Date | null;
  readonly createdAt: Date;
  /** TOTP is confirmed: a password sign-in asks for a code. */
  readonly mfaEnabled: boolean;
}

export interface UserCredentials extends UserRecord {
  readonly passwordHash: string | null;
  readonly disabled: boolean;
}

/** A row read with PUBLIC_FIELDS as a record: its authenticator becomes `mfaEnabled`. */
function toUserRecord<T extends { totp: { enabledAt: Date | null } | null }>(
  row: T | null,
): (Omit<T, 'totp'> & { mfaEnabled: boolean }) | null {
  if (!row) return null;
  const { totp, ...user } = row;
  return { ...user, mfaEnabled: Boolean(totp?.enabledAt) };
}

export class EmailTakenError extends Error {
  override readonly name = 'EmailTakenError';
}

@Injectable()
export class UsersRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * The database's unique index decides duplicates, so two concurrent sign-ups cannot both win.
   * An unverified account gets its verification mail requested (outbox) in the same transaction.
   */
  async create(
    data: { email: string; name: string; passwordHash: string | null; emailVerifiedAt?: Date },
    headers: Readonly<Record<string, string>> = {},
  ): Promise<UserRecord> {
    try {
      return await this.prisma.$transaction(async (tx) => {
        // A new account has no authenticator: no need to look.
        const user = await tx.user.create({ data, select: USER_COLUMNS });
        if (!user.emailVerifiedAt) {
          await recordAccountEvent(
            tx,
            'account.verification_requested',
            { userId: user.id },
            headers,
          );
        }
        return { ...user, mfaEnabled: false };
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new EmailTakenError();
      throw error;
    }
  }

  async findById(id: string): Promise<UserRecord | null> {
    return toUserRecord(
      await this.prisma.user.findUnique({ where: { id }, select: PUBLIC_FIELDS }),
    );
  }

  async findCredentialsByEmail(email: string): Promise<UserCredentials | null> {
    return toUserRecord(
      await this.prisma.user.findUnique({ where: { email }, select: CREDENTIAL_FIELDS }),
    );
  }

  async findCredentialsById(id: string, tx?: Transaction): Promise<UserCredentials | null> {
    return toUserRecord(
      await (tx ?? this.prisma).user.findUnique({ where: { id }, select: CREDENTIAL_FIELDS }),
    );
  }

  async setPasswordHash(id: string, passwordHash: string, tx?: Transaction): Promise<void> {
    await (tx ?? this.prisma).user.update({ where: { id }, data: { passwordHash } });
  }

  async update(
    id: string,
    data: { name?: string; role?: Role; disabled?: boolean },
    tx?: Transaction,
  ): Promise<UserRecord | null> {
    return toUserRecord(
      await nullIfNotFound(
        (tx ?? this.prisma).user.update({ where: { id }, data, select: PUBLIC_FIELDS }),
      ),
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
   * a case-insensitive substring of email or name; and whether MFA is on, in the same statement.
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
    // MFA as a scalar subquery: run for each row the page returns, a read of user_totp by its
    // key (an EXISTS here could be planned as a hash of all of user_totp).
    return this.prisma.$queryRaw<UserRecord[]>`
      SELECT "id", "email", "name", "role"::text AS "role",
        "email_verified_at" AS "emailVerifiedAt", "created_at" AS "createdAt",
        COALESCE((SELECT "user_totp"."enabled_at" IS NOT NULL FROM "user_totp"
                  WHERE "user_totp"."user_id" = "users"."id"), FALSE) AS "mfaEnabled"
      FROM "users" WHERE ${Prisma.join(conditions, ' AND ')}
      ORDER BY "created_at", "id" LIMIT ${limit}`;
  }

  /** The user of an OIDC account, if it signed in before. */
  async findByIdentity(provider: string, subject: string): Promise<UserCredentials | null> {
    const identity = await this.prisma.userIdentity.findUnique({
      where: { provider_subject: { provider, subject } },
      select: { user: { select: CREDENTIAL_FIELDS } },
    });
    return toUserRecord(identity?.user ?? null);
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
