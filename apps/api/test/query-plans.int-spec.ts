import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PrismaService } from '@libs/database';
import { deployMigrations } from '@libs/database/migrate';
import { seedBulkData } from '@libs/database/seed';
import { createScratchDatabase, query, type ScratchDatabase } from '@libs/testing';
import type { AuthenticatedUser } from '../src/auth/guards/authenticated-user.js';
import { OrdersService } from '../src/orders/orders.service.js';
import { encodeCursor, pageQuery } from '../src/platform/pagination/cursor.js';
import { PRODUCT_SORTS, ProductsRepository } from '../src/products/products.repository.js';
import { UsersRepository } from '../src/users/users.repository.js';
import { startTestApp, type TestApp } from './support/test-app.js';

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Actual Rows': number;
  'Actual Loops': number;
  'Rows Removed by Filter'?: number;
  Plans?: PlanNode[];
}

const nodesOf = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodesOf)];

/**
 * The listing queries, exactly as the repositories send them, EXPLAINed on a database with
 * 30 000 orders and 3 000 users: each page must be read from an index in order (no sequential scan, no sort),
 * which is what keeps deep pages as cheap as the first.
 */
describe('query plans of the listings', () => {
  let db: ScratchDatabase;
  let t: TestApp;
  let statements: { query: string; params: string }[];

  beforeAll(async () => {
    db = await createScratchDatabase();
    await deployMigrations(db.url);
    await seedBulkData(db.url, { products: 3_000, users: 30, orders: 30_000 });
    await query(
      db.url,
      `INSERT INTO users (id, email, updated_at)
       SELECT gen_random_uuid(), 'extra-' || n || '@example.com', now() FROM generate_series(1, 3000) AS n;
       ANALYZE users`,
    );
    t = await startTestApp({ DATABASE_URL: db.url, DATABASE_LOG_QUERIES: 'true' });
    statements = [];
    t.app.get(PrismaService).onQuery((event) => statements.push(event));
  }, 120_000);

  afterAll(async () => {
    await t.close();
    await db.drop();
  });

  /** EXPLAINs the last SELECT sent that reads `table`, with the parameters it was sent with. */
  async function planOfLast(table: string): Promise<PlanNode[]> {
    const statement = statements.findLast(
      ({ query: sql }) => sql.trimStart().startsWith('SELECT') && sql.includes(`"${table}"`),
    );
    if (!statement) throw new Error(`no query on ${table} was sent`);
    const [row] = await query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(
      db.url,
      `EXPLAIN (ANALYZE, FORMAT JSON) ${statement.query}`,
      JSON.parse(statement.params) as unknown[],
    );
    return nodesOf(row!['QUERY PLAN'][0].Plan);
  }

  /** Read in index order, starting at the cursor: only about one page of rows is touched. */
  function expectIndexOrder(nodes: PlanNode[], index: string): void {
    const types = nodes.map((node) => node['Node Type']);
    expect(types).not.toContain('Seq Scan');
    expect(types).not.toContain('Sort');
    const scan = nodes.find((node) => node['Index Name'] === index);
    expect(scan).toBeDefined();
    const touched =
      (scan!['Actual Rows'] + (scan!['Rows Removed by Filter'] ?? 0)) * scan!['Actual Loops'];
    expect(touched).toBeLessThanOrEqual(101);
  }

  const asUser = (id: string, role: 'user' | 'admin'): AuthenticatedUser => ({
    kind: 'session',
    id,
    role,
    sessionId: '00000000-0000-7000-8000-000000000000',
  });

  async function deepCursor(where = ''): Promise<string> {
    const [row] = await query<{ created_at: Date; id: string }>(
      db.url,
      `SELECT created_at, id FROM orders ${where} ORDER BY created_at DESC, id DESC OFFSET 25000 LIMIT 1`,
    );
    return encodeCursor({ key: row!.created_at.toISOString(), id: row!.id });
  }

  it('reads all orders (admin), first and deep pages, from orders_created_at_id_idx', async () => {
    const orders = t.app.get(OrdersService);
    const admin = asUser('00000000-0000-7000-8000-000000000001', 'admin');
    await orders.list(admin, { limit: 20 });
    expectIndexOrder(await planOfLast('orders'), 'orders_created_at_id_idx');
    const { cursor } = pageQuery.parse({ cursor: await deepCursor() });
    await orders.list(admin, { limit: 20, cursor });
    expectIndexOrder(await planOfLast('orders'), 'orders_created_at_id_idx');
  });

  it("reads one user's orders from orders_user_id_created_at_id_idx", async () => {
    const [user] = await query<{ id: string }>(
      db.url,
      `SELECT id FROM users WHERE email = 'bulk-user-1@example.com'`,
    );
    await t.app.get(OrdersService).list(asUser(user!.id, 'user'), { limit: 20 });
    expectIndexOrder(await planOfLast('orders'), 'orders_user_id_created_at_id_idx');
  });

  it('reads the lines of a page by order id, not by scanning', async () => {
    await t.app.get(OrdersService).list(asUser('00000000-0000-7000-8000-000000000001', 'admin'), {
      limit: 100,
    });
    const types = (await planOfLast('order_lines')).map((node) => node['Node Type']);
    expect(types).not.toContain('Seq Scan');
  });

  it.each(PRODUCT_SORTS)(
    'reads the catalog sorted by %s from its index, deep pages too',
    async (sort) => {
      const products = t.app.get(ProductsRepository);
      const [middle] = await products.list({ limit: 1, sort, after: undefined });
      await products.list({ limit: 21, sort });
      const column = sort.replace('-', '');
      const index = {
        name: 'products_active_name_id_idx',
        priceCents: 'products_active_price_cents_id_idx',
        createdAt: 'products_active_created_at_id_idx',
      }[column]!;
      expectIndexOrder(await planOfLast('products'), index);
      const value =
        column === 'name'
          ? middle!.name
          : column === 'priceCents'
            ? String(middle!.priceCents)
            : middle!.createdAt.toISOString();
      await products.list({ limit: 21, sort, after: { value, id: middle!.id } });
      expectIndexOrder(await planOfLast('products'), index);
    },
  );

  it('reads users (admin) from users_created_at_id_idx, deep pages too', async () => {
    const users = t.app.get(UsersRepository);
    await users.list({ limit: 21 });
    expectIndexOrder(await planOfLast('users'), 'users_created_at_id_idx');
    const middle = (await users.list({ limit: 1_500 })).at(-1)!;
    await users.list({ limit: 21, after: { createdAt: middle.createdAt, id: middle.id } });
    expectIndexOrder(await planOfLast('users'), 'users_created_at_id_idx');
  });
});
