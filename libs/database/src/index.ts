export { DatabaseModule } from './database.module.js';
export { PrismaService } from './prisma.service.js';
export { isDatabaseUnavailableError } from './database-errors.js';
export { containsPattern } from './like-pattern.js';
export { keysetAfter } from './keyset.js';
export { isUniqueViolation, nullIfNotFound } from './prisma-errors.js';
export { OrderStatus, Prisma, Role, type User } from './generated/prisma/client.js';
export {
  createMigration,
  deployMigrations,
  migrationStatus,
  schemaDrift,
  type CreatedMigration,
  type MigrateOptions,
  type MigrationStatus,
} from './migrate/migrator.js';
export { MigrationError } from './migrate/migration-error.js';
export {
  startEmbeddedPostgres,
  type EmbeddedPostgres,
  type EmbeddedPostgresOptions,
} from './embedded/embedded-postgres.js';
export { DEMO_ACCOUNTS, DEMO_PRODUCTS, seedDemoData, type DemoAccount } from './seed/demo-seed.js';
export { bulkUserEmail, seedBulkData, type BulkSeedOptions } from './seed/bulk-seed.js';
export { repoRoot } from './repo-root.js';
