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

/** A few catalog items to browse and order in `npm start`'s embedded database. */
export const DEMO_PRODUCTS = [
  { sku: 'DEMO-MUG', name: 'Enamel mug', priceCents: 1_450, stock: 120 },
  { sku: 'DEMO-TEE', name: 'Organic cotton T-shirt', priceCents: 2_900, stock: 60 },
  { sku: 'DEMO-NOTE', name: 'Dot-grid notebook', priceCents: 1_200, stock: 200 },
  { sku: 'DEMO-BOTTLE', name: 'Steel water bottle', priceCents: 2_400, stock: 45 },
  { sku: 'DEMO-STICKERS', name: 'Sticker pack', priceCents: 500, stock: 500 },
].map((product) => ({ ...product, currency: 'EUR', description: `${product.name} (demo item)` }));

/**
 * Creates the demo accounts and products that are missing; existing rows (maybe edited) are left alone.
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
      // Verified: their addresses (example.com) receive no mail, and with
      // AUTH_REQUIRE_VERIFIED_EMAIL=true they can still place orders.
      create: {
        email,
        name,
        role,
        passwordHash: await hashPassword(password),
        emailVerifiedAt: new Date(),
      },
      update: {},
    });
  }
  await prisma.product.createMany({ data: DEMO_PRODUCTS, skipDuplicates: true });
}
