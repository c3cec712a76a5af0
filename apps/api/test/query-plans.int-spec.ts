import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PrismaService } from '@libs/database';
import { deployMigrations } from '@libs/database/migrate';
import { seedBulkData } from '@libs/database/seed';
import { createScratchDatabase, query, type ScratchDatabase } from '@libs/testing';
import { AuditService } from '../src/audit/audit.service.js';
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
    // A third of them with TOTP on, a few with an enrolment not confirmed.
    await query(
      db.url,
      `INSERT INTO user_totp (user_id, secret_key_id, secret_sealed, enabled_at)
       SELECT id, 'k1', '\\x00', CASE WHEN n % 30 = 0 THEN NULL ELSE now() END
       FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM users) AS numbered
       WHERE n % 3 = 0;
       ANALYZE user_totp`,
    );
    // 30 000 audit events of 30 users (their own sign-ins) over 300 days.
    await query(
      db.url,
      `INSERT INTO audit_events (id, occurred_at, actor_type, actor_id, actor_user_id, action,
                                 target_type, target_id, subject_user_id, outcome)
       SELECT gen_random_uuid(), now() - n * interval '15 minutes', 'user', u, u, 'auth.sign_in',
              'user', u::text, u, 'success'
       FROM generate_series(1, 30000) AS n,
            LATERAL (SELECT ('00000000-0000-4000-8000-' || lpad((n % 30)::text, 12, '0'))::uuid AS u) AS who;
       ANALYZE audit_events`,
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

  it('reads users (admin) from users_created_at_id_idx, deep pages too, and MFA by key', async () => {
    const users = t.app.get(UsersRepository);
    /** Each user of the page looks up its own user_totp row, in the same statement. */
    const expectMfaByKey = (nodes: PlanNode[]): void => {
      const totp = nodes.find((node) => node['Index Name'] === 'user_totp_pkey');
      expect(totp).toBeDefined();
      expect(totp!['Actual Loops']).toBeLessThanOrEqual(21);
    };
    const first = await users.list({ limit: 21 });
    let plan = await planOfLast('users');
    expectIndexOrder(plan, 'users_created_at_id_idx');
    expectMfaByKey(plan);
    expect(new Set(first.map((user) => user.mfaEnabled))).toEqual(new Set([true, false]));
    const middle = (await users.list({ limit: 1_500 })).at(-1)!;
    await users.list({ limit: 21, after: { createdAt: middle.createdAt, id: middle.id } });
    plan = await planOfLast('users');
    expectIndexOrder(plan, 'users_created_at_id_idx');
    expectMfaByKey(plan);
  });

  describe('audit events', () => {
    const someUser = '00000000-0000-4000-8000-000000000007';

    const deepAuditCursor = async (where = ''): Promise<{ occurredAt: Date; id: string }> => {
      const [row] = await query<{ occurred_at: Date; id: string }>(
        db.url,
        `SELECT occurred_at, id FROM audit_events ${where}
         ORDER BY occurred_at DESC, id DESC OFFSET 900 LIMIT 1`,
      );
      return { occurredAt: row!.occurred_at, id: row!.id };
    };

    it('reads the whole log (admin), first and deep pages, from its time index', async () => {
      const audit = t.app.get(AuditService);
      await audit.list({ limit: 20 });
      expectIndexOrder(await planOfLast('audit_events'), 'audit_events_occurred_at_id_idx');
      const { occurredAt, id } = await deepAuditCursor();
      await audit.list({ limit: 20, cursor: { key: occurredAt.toISOString(), id } });
      expectIndexOrder(await planOfLast('audit_events'), 'audit_events_occurred_at_id_idx');
    });

    it("reads a user's security events from the subject index, deep pages too", async () => {
      const audit = t.app.get(AuditService);
      await audit.listSecurityEvents(someUser, { limit: 20 });
      const index = 'audit_events_subject_user_id_occurred_at_id_idx';
      expectIndexOrder(await planOfLast('audit_events'), index);
      const { occurredAt, id } = await deepAuditCursor(`WHERE subject_user_id = '${someUser}'`);
      await audit.listSecurityEvents(someUser, {
        limit: 20,
        cursor: { key: occurredAt.toISOString(), id },
      });
      expectIndexOrder(await planOfLast('audit_events'), index);
    });

    it("reads one actor's events from the actor index", async () => {
      await t.app.get(AuditService).list({ limit: 20, actorId: someUser });
      expectIndexOrder(
        await planOfLast('audit_events'),
        'audit_events_actor_id_occurred_at_id_idx',
      );
    });
  });
});
