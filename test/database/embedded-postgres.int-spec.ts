import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loadConfig } from '@libs/config';
import { PrismaService } from '@libs/database';
import { type EmbeddedPostgres, startEmbeddedPostgres } from '@libs/database/embedded';
import { deployMigrations, migrationStatus, schemaDrift } from '@libs/database/migrate';
import { DEMO_ACCOUNTS, seedDemoData } from '@libs/database/seed';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

// Creating a PGlite data directory runs initdb in WebAssembly: seconds, not milliseconds.
const STARTUP_MS = 60_000;
const POOL_SIZE = 10;

function prismaFor(url: string): PrismaService {
  return new PrismaService(
    loadConfig({ NODE_ENV: 'test', DATABASE_URL: url, DATABASE_POOL_SIZE: String(POOL_SIZE) }),
  );
}

describe('embedded PostgreSQL (PGlite)', () => {
  let dataDir: string;
  let embedded: EmbeddedPostgres;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'pglite-'));
    embedded = await startEmbeddedPostgres({ dataDir });
  }, STARTUP_MS);

  afterAll(async () => {
    await embedded.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('serves a postgresql:// URL on an OS-assigned loopback port', () => {
    expect(embedded.url).toMatch(/^postgresql:\/\/postgres@127\.0\.0\.1:\d+\/postgres$/);
  });

  it('takes the migrations through the socket', async () => {
    expect((await deployMigrations(embedded.url)).length).toBeGreaterThan(0);
    expect(await deployMigrations(embedded.url)).toEqual([]);
    expect(await migrationStatus(embedded.url)).toMatchObject({ pending: [], failed: [] });
  });

  it('refuses to act as a shadow database server (it has only one database)', async () => {
    await expect(schemaDrift(embedded.url)).rejects.toThrow('cannot host a shadow database');
  });

  it('answers a full pg pool of concurrent queries, each with its own result', async () => {
    const pool = new pg.Pool({ connectionString: embedded.url, max: POOL_SIZE });
    try {
      const results = await Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          pool.query<{ n: number }>('SELECT $1::int AS n', [i]),
        ),
      );
      expect(results.map(({ rows }) => rows[0]?.n)).toEqual(
        Array.from({ length: 100 }, (_, i) => i),
      );
      expect(pool.totalCount).toBe(POOL_SIZE);
    } finally {
      await pool.end();
    }
  });

  it('serves Prisma: concurrent writes, reads and transactions', async () => {
    const prisma = prismaFor(embedded.url);
    try {
      const hash = (password: string): Promise<string> => Promise.resolve(`hashed:${password}`);
      await seedDemoData(prisma, hash);
      await seedDemoData(prisma, hash);
      const emails = Array.from({ length: 30 }, (_, i) => `embedded-${i}@example.com`);
      await Promise.all(emails.map((email) => prisma.user.create({ data: { email } })));
      await Promise.all(
        emails.map((email) =>
          prisma.$transaction(async (tx) => {
            const user = await tx.user.findUniqueOrThrow({ where: { email } });
            await tx.user.update({ where: { id: user.id }, data: { name: `${user.email}!` } });
          }),
        ),
      );
      const counts = await Promise.all(Array.from({ length: 20 }, () => prisma.user.count()));
      expect(new Set(counts)).toEqual(new Set([emails.length + DEMO_ACCOUNTS.length]));
      expect(await prisma.user.count({ where: { name: { endsWith: '!' } } })).toBe(emails.length);
      await prisma.ping();
    } finally {
      await prisma.$disconnect();
    }
  });

  it(
    'finds its data again after a restart on the same directory',
    async () => {
      await embedded.stop();
      embedded = await startEmbeddedPostgres({ dataDir });
      const prisma = prismaFor(embedded.url);
      try {
        const admin = await prisma.user.findUnique({ where: { email: 'admin@example.com' } });
        expect(admin).toMatchObject({ role: 'admin', passwordHash: 'hashed:demo admin password' });
        expect(await deployMigrations(embedded.url)).toEqual([]);
      } finally {
        await prisma.$disconnect();
      }
    },
    STARTUP_MS,
  );
});
