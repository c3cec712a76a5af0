import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type Config, ConfigModule, loadConfig } from '@libs/config';
import { DatabaseModule, PrismaService, isDatabaseUnavailableError } from '@libs/database';
import { deployMigrations } from '@libs/database/migrate';
import { DEMO_ACCOUNTS, DEMO_PRODUCTS, seedDemoData } from '@libs/database/seed';
import { Logger, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type AddressInfo, type Server, createServer } from 'node:net';
import { createScratchDatabase, type ScratchDatabase } from '@libs/testing';

@Module({})
class TestRootModule {}

// A timeout that must not be the one that fires: the test would hit jest's timeout first.
const NEVER_MS = '600000';

function configFor(url: string, env: Record<string, string> = {}): Config {
  return loadConfig({ NODE_ENV: 'test', DATABASE_URL: url, ...env });
}

/** The error `work` fails with; throws if it succeeds. */
async function failure(work: Promise<unknown>): Promise<unknown> {
  return work.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error,
  );
}

describe('PrismaService', () => {
  let db: ScratchDatabase;

  beforeAll(async () => {
    db = await createScratchDatabase();
    await deployMigrations(db.url);
  });

  afterAll(async () => {
    await db.drop();
  });

  it('is provided by DatabaseModule and closes its pool with the application', async () => {
    Logger.overrideLogger(false);
    const app = await NestFactory.createApplicationContext({
      module: TestRootModule,
      imports: [ConfigModule.forRoot(configFor(db.url)), DatabaseModule],
    });
    const prisma = app.get(PrismaService);
    await prisma.ping();
    await app.close();
  });

  it('seeds the demo accounts once, however often it runs', async () => {
    const prisma = new PrismaService(configFor(db.url));
    try {
      const hash = (password: string): Promise<string> => Promise.resolve(`hashed:${password}`);
      await seedDemoData(prisma, hash);
      await seedDemoData(prisma, hash);
      const users = await prisma.user.findMany({ orderBy: { email: 'asc' } });
      expect(users.map(({ email, role, passwordHash }) => ({ email, role, passwordHash }))).toEqual(
        DEMO_ACCOUNTS.map(({ email, role, password }) => ({
          email,
          role,
          passwordHash: `hashed:${password}`,
        })),
      );
      const products = await prisma.product.findMany({
        select: { sku: true },
        orderBy: { sku: 'asc' },
      });
      expect(products.map(({ sku }) => sku)).toEqual(DEMO_PRODUCTS.map(({ sku }) => sku).sort());
    } finally {
      await prisma.$disconnect();
    }
  });

  it('stops statements at the statement timeout', async () => {
    const prisma = new PrismaService(configFor(db.url, { DATABASE_STATEMENT_TIMEOUT_MS: '100' }));
    try {
      const error = await failure(prisma.$queryRaw`SELECT pg_sleep(5)`);
      expect(isDatabaseUnavailableError(error)).toBe(true);
    } finally {
      await prisma.$disconnect();
    }
  });

  describe('when PostgreSQL is down', () => {
    let silent: Server;

    beforeAll(async () => {
      // Accepts connections, reads and never answers: a hung server or a black-holed network.
      silent = createServer((socket) => socket.resume());
      await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    });

    afterAll(async () => {
      await new Promise((resolve) => silent.close(resolve));
    });

    it('fails the ping at once when connections are refused', async () => {
      // Nothing listens on port 1.
      const prisma = new PrismaService(configFor('postgresql://postgres@127.0.0.1:1/test_down'));
      try {
        expect(isDatabaseUnavailableError(await failure(prisma.ping()))).toBe(true);
      } finally {
        await prisma.$disconnect();
      }
    });

    it('fails the ping after the connect timeout when the server does not answer', async () => {
      const { port } = silent.address() as AddressInfo;
      const prisma = new PrismaService(
        configFor(`postgresql://postgres@127.0.0.1:${port}/test_down`, {
          DATABASE_CONNECT_TIMEOUT_MS: '200',
          DATABASE_POOL_TIMEOUT_MS: NEVER_MS,
        }),
      );
      try {
        expect(isDatabaseUnavailableError(await failure(prisma.ping()))).toBe(true);
      } finally {
        await prisma.$disconnect();
      }
    });

    it('fails the ping after the pool timeout when no connection comes free', async () => {
      const { port } = silent.address() as AddressInfo;
      const prisma = new PrismaService(
        configFor(`postgresql://postgres@127.0.0.1:${port}/test_down`, {
          DATABASE_CONNECT_TIMEOUT_MS: NEVER_MS,
          DATABASE_POOL_TIMEOUT_MS: '200',
        }),
      );
      try {
        expect(isDatabaseUnavailableError(await failure(prisma.ping()))).toBe(true);
      } finally {
        await prisma.$disconnect();
      }
    });
  });
});
