import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { schemaDrift } from '@libs/database/migrate';
import { createScratchDatabase, type ScratchDatabase } from '@libs/testing';

describe('prisma/schema.prisma and prisma/migrations', () => {
  let db: ScratchDatabase;

  beforeAll(async () => {
    db = await createScratchDatabase();
  });

  afterAll(async () => {
    await db.drop();
  });

  // Fails when the schema was changed without a migration: the SQL shown is what is missing.
  // Fix it with `npm run db:migrate:new <name>`.
  it('agree: replaying the migrations gives the schema', async () => {
    expect(await schemaDrift(db.url)).toBe('');
  });
});
