import { Prisma } from './generated/prisma/client.js';

/**
 * The keyset condition of a page after `(value, id)`: `(column, "id") > (value, id)`, or `<`
 * when the listing is descending. A row comparison, which PostgreSQL answers from the index on
 * `(column, id)`, so a deep page costs what the first one does. `column` must be trusted SQL
 * (a constant), `value` a parameter (with its cast where the type is not inferred).
 */
export function keysetAfter(
  column: Prisma.Sql,
  value: Prisma.Sql,
  id: string,
  descending: boolean,
): Prisma.Sql {
  return descending
    ? Prisma.sql`(${column}, "id") < (${value}, ${id}::uuid)`
    : Prisma.sql`(${column}, "id") > (${value}, ${id}::uuid)`;
}
