// What the apps load at runtime: the Prisma client and its Nest module. Everything else has a
// subpath of its own, so that a production entry point never loads it (docs/performance.md):
// `@libs/database/migrate` (the WebAssembly schema engine), `@libs/database/seed` (demo and
// bulk data) and `@libs/database/embedded` (PGlite, for `npm start`).
export { DatabaseModule } from './database.module.js';
export { PrismaService } from './prisma.service.js';
export { hasSqlState, isDatabaseUnavailableError } from './database-errors.js';
export { containsPattern } from './like-pattern.js';
export { keysetAfter } from './keyset.js';
export type { JsonValue, Transaction } from './transaction.js';
export { isUniqueViolation, nullIfNotFound } from './prisma-errors.js';
export { OrderStatus, Prisma, Role, type User } from './generated/prisma/client.js';
