import type { PrismaClient } from '../generated/prisma/client.js';
import type { Role } from '../generated/prisma/enums.js';

export interface DemoAccount {
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  /** Public on purpose: these accounts exist only in the embedded database of `npm start`. */
  readonly password: string;
}

/** The accounts `npm start` creates in its embedded database (never in a configured one). */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { email: 'admin@example.com', name: 'Ada Admin', role: 'admin', password: 'demo admin password' },
  { email: 'user@example.com', name: 'Uma User', role: 'user', password: 'demo user password' },
];

/**
 * Creates the demo accounts that are missing; existing rows (maybe edited) are left alone.
 * Hashing is the caller's (the API's password hasher), so the parameters are the service's own.
 */
export async function seedDemoData(
  prisma: PrismaClient,
  hashPassword: (password: string) => Promise<string>,
): Promise<void> {
  for (const { email, name, role, password } of DEMO_ACCOUNTS) {
    const exists = await prisma.user.findUnique({ where: { email }, select: { id: true } });
    if (exists) continue;
    await prisma.user.upsert({
      where: { email },
      create: { email, name, role, passwordHash: await hashPassword(password) },
      update: {},
    });
  }
}
