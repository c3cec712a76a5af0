export {
  createMigration,
  deployMigrations,
  migrationStatus,
  schemaDrift,
  type CreatedMigration,
  type MigrateOptions,
  type MigrationStatus,
} from './migrator.js';
export { MigrationError } from './migration-error.js';
export { repoRoot } from '../repo-root.js';
