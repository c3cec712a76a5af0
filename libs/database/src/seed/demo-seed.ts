import type { PrismaClient } from '../generated/prisma/client.js';
import type { Role } from '../generated/prisma/enums.js';

export interface DemoAccount {
  readonly email: string;
  readonly name: string;
  readonly role: Role;
}

/**
 * The accounts `npm start` creates in the embedded database. They have no password yet: password
 * sign-in arrives with the identity feature, which will give them one.
 */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { email: 'admin@example.com', name: 'Ada Admin', role: 'admin' },
  { email: 'user@example.com', name: 'Uma User', role: 'user' },
];

/** Creates the demo accounts that are missing; existing rows (maybe edited) are left alone. */
export async function seedDemoData(prisma: PrismaClient): Promise<void> {
  for (const { email, name, role } of DEMO_ACCOUNTS) {
    await prisma.user.upsert({
      where: { email },
      create: { email, name, role },
      update: {},
    });
  }
}
