import { defineConfig } from 'prisma/config';

// Used by the Prisma CLI (`prisma generate`, `prisma studio`). Migrations are applied by
// `npm run db:migrate` (libs/database/src/migrate), which needs no native engine download.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/unset' },
});
