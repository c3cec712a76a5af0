import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PrismaService } from '@libs/database';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { createProduct } from './support/catalog.js';
import {
  PASSWORD,
  type Tokens,
  bearer,
  login,
  register,
  registerAdmin,
} from './support/identity.js';
import { startTestApp, type TestApp } from './support/test-app.js';

interface AuditEvent {
  id: string;
  occurredAt: string;
  actor: { type: string; id: string | null; userId: string | null };
  action: string;
  target: { type: string; id: string } | null;
  subjectUserId: string | null;
  outcome: string;
  clientAddress: string | null;
  userAgent: string | null;
  requestId: string | null;
  traceId: string | null;
  details: Record<string, unknown>;
}

interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

const USER_AGENT = 'audit-e2e/1.0';

describe('audit log', () => {
  let t: TestApp;
  let prisma: PrismaService;
  let admin: Tokens;

  beforeAll(async () => {
    t = await startTestApp();
    prisma = t.app.get(PrismaService);
    admin = await registerAdmin(t);
  });

  afterAll(async () => {
    await t.close();
  });

  /** A request id of this test's own, sent as X-Request-Id. */
  const newRequestId = (): string => `audit-${randomUUID()}`;

  /** The audit rows written under `requestId`, as the admin route shows them. */
  const eventsOf = async (requestId: string): Promise<AuditEvent[]> => {
    const rows = await prisma.auditEvent.findMany({ where: { requestId }, select: { id: true } });
    const page = await request(t.server)
      .get('/v1/admin/audit-events')
      .query({ limit: 100 })
      .set(...bearer(admin.accessToken))
      .expect(200);
    const ids = new Set(rows.map((row) => row.id));
    return (page.body as Page<AuditEvent>).data.filter((event) => ids.has(event.id));
  };

  /** Sends `req` with a fresh request id and a user agent; returns the id. */
  const tagged = async (req: request.Test, status: number): Promise<string> => {
    const requestId = newRequestId();
    await req.set('X-Request-Id', requestId).set('User-Agent', USER_AGENT).expect(status);
    return requestId;
  };

  it('records a sign-in, a refused one, and a sign-out with actor, request id and client', async () => {
    const user = await register(t.server);
    const signedIn = await tagged(
      request(t.server).post('/v1/auth/login').send({ email: user.user.email, password: PASSWORD }),
      200,
    );
    const refused = await tagged(
      request(t.server).post('/v1/auth/login').send({ email: user.user.email, password: 'nope' }),
      401,
    );
    const signedOut = await tagged(
      request(t.server)
        .post('/v1/auth/logout')
        .set(...bearer(user.accessToken))
        .send({}),
      204,
    );

    const [success] = await eventsOf(signedIn);
    expect(success).toMatchObject({
      action: 'auth.sign_in',
      outcome: 'success',
      actor: { type: 'user', id: user.user.id },
      target: { type: 'user', id: user.user.id },
      requestId: signedIn,
      userAgent: USER_AGENT,
      clientAddress: expect.stringMatching(/127\.0\.0\.1|::1/),
      details: { method: 'password' },
    });
    expect(await eventsOf(refused)).toEqual([
      expect.objectContaining({
        action: 'auth.sign_in',
        outcome: 'failure',
        actor: { type: 'anonymous', id: null, userId: null },
        target: { type: 'user', id: user.user.id },
      }),
    ]);
    expect(await eventsOf(signedOut)).toEqual([
      expect.objectContaining({
        action: 'auth.sign_out',
        actor: expect.objectContaining({ type: 'user', id: user.user.id }),
        subjectUserId: user.user.id,
      }),
    ]);
    // Nothing a client sent as a credential is stored.
    const stored = JSON.stringify(
      await prisma.auditEvent.findMany({ where: { subjectUserId: user.user.id } }),
    );
    expect(stored).not.toContain(PASSWORD);
    expect(stored).not.toContain('nope');
    expect(stored).not.toContain(user.refreshToken);
  });

  // What each service records (actions, outcomes, details) is unit-tested with its service
  // (users, orders, products, API keys); here, that a request's actor, client and ids reach it.
  it('records API key creation and revocation, never the key', async () => {
    const user = await register(t.server);
    const created = newRequestId();
    const res = await request(t.server)
      .post('/v1/users/me/api-keys')
      .set('X-Request-Id', created)
      .set(...bearer(user.accessToken))
      .send({ name: 'ci', scopes: ['orders:read'] })
      .expect(201);
    const { id, key } = res.body as { id: string; key: string };
    const revoked = await tagged(
      request(t.server)
        .delete(`/v1/users/${user.user.id}/api-keys/${id}`)
        .set(...bearer(admin.accessToken)),
      204,
    );
    expect(await eventsOf(created)).toEqual([
      expect.objectContaining({
        action: 'api_key.create',
        actor: expect.objectContaining({ type: 'user', id: user.user.id }),
        target: { type: 'api_key', id },
        subjectUserId: user.user.id,
      }),
    ]);
    expect(await eventsOf(revoked)).toEqual([
      expect.objectContaining({
        action: 'api_key.revoke',
        actor: expect.objectContaining({ type: 'user', id: admin.user.id }),
        target: { type: 'api_key', id },
        subjectUserId: user.user.id,
      }),
    ]);
    const stored = JSON.stringify(await prisma.auditEvent.findMany({ where: { targetId: id } }));
    expect(stored).not.toContain(key.slice(26));
  });

  it('records product changes, and names the API key when one made them', async () => {
    const keyRes = await request(t.server)
      .post('/v1/users/me/api-keys')
      .set(...bearer(admin.accessToken))
      .send({ name: 'catalog bot', scopes: ['products:write'] })
      .expect(201);
    const { id: keyId, key } = keyRes.body as { id: string; key: string };
    const product = await createProduct(t.server, admin.accessToken);
    const updated = await tagged(
      request(t.server)
        .patch(`/v1/products/${product.id}`)
        .set(...bearer(key))
        .send({ priceCents: 1_500 }),
      200,
    );
    const archived = await tagged(
      request(t.server)
        .delete(`/v1/products/${product.id}`)
        .set(...bearer(admin.accessToken)),
      204,
    );
    const history = await request(t.server)
      .get('/v1/admin/audit-events')
      .query({ targetType: 'product', targetId: product.id })
      .set(...bearer(admin.accessToken))
      .expect(200);
    const events = (history.body as Page<AuditEvent>).data;
    expect(events.map((event) => [event.action, event.requestId])).toEqual([
      ['product.archive', archived],
      ['product.update', updated],
      ['product.create', expect.any(String)],
    ]);
    expect(events[1]?.actor).toEqual({ type: 'api_key', id: keyId, userId: admin.user.id });
    expect(events[1]?.details).toEqual({ fields: 'priceCents' });
  });

  describe('GET /v1/admin/audit-events', () => {
    it('pages newest first with a cursor, and filters by actor, action and time', async () => {
      const user = await register(t.server);
      const from = new Date().toISOString();
      for (let i = 0; i < 3; i += 1) await login(t.server, user.user.email);
      const seen: AuditEvent[] = [];
      let cursor: string | null = null;
      do {
        const res = await request(t.server)
          .get('/v1/admin/audit-events')
          .query({
            actorId: user.user.id,
            action: 'auth.sign_in',
            from,
            limit: 2,
            ...(cursor ? { cursor } : {}),
          })
          .set(...bearer(admin.accessToken))
          .expect(200);
        const page = res.body as Page<AuditEvent>;
        seen.push(...page.data);
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toHaveLength(3);
      const times = seen.map((event) => event.occurredAt);
      expect([...times].sort().reverse()).toEqual(times);
      expect(new Set(seen.map((event) => event.id)).size).toBe(3);

      const none = await request(t.server)
        .get('/v1/admin/audit-events')
        .query({ actorId: user.user.id, to: from })
        .set(...bearer(admin.accessToken))
        .expect(200);
      expect((none.body as Page<AuditEvent>).data).toEqual([]);
    });

    it('refuses a query the schema refuses with 400 and the pointer (the rules: audit.schemas.spec.ts)', async () => {
      const res = await request(t.server)
        .get('/v1/admin/audit-events')
        .query({ from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' })
        .set(...bearer(admin.accessToken));
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ errors: [expect.objectContaining({ pointer: '#/to' })] });
    });

    it('is refused to a user (403) and to an API key, even an admin’s (no scope opens it)', async () => {
      const user = await register(t.server);
      await request(t.server)
        .get('/v1/admin/audit-events')
        .set(...bearer(user.accessToken))
        .expect(403);
      const keyRes = await request(t.server)
        .post('/v1/users/me/api-keys')
        .set(...bearer(admin.accessToken))
        .send({ name: 'reader', scopes: ['orders:read', 'users:read', 'products:write'] })
        .expect(201);
      await request(t.server)
        .get('/v1/admin/audit-events')
        .set(...bearer((keyRes.body as { key: string }).key))
        .expect(403);
    });
  });

  describe('GET /v1/users/me/security-events', () => {
    it("shows the user their own sign-ins and security changes, an admin's as not theirs", async () => {
      const user = await register(t.server);
      await login(t.server, user.user.email);
      await request(t.server)
        .post('/v1/auth/login')
        .send({ email: user.user.email, password: 'wrong' })
        .expect(401);
      await request(t.server)
        .patch(`/v1/users/${user.user.id}`)
        .set(...bearer(admin.accessToken))
        .send({ role: 'admin' })
        .expect(200);
      const res = await request(t.server)
        .get('/v1/users/me/security-events')
        .set('User-Agent', USER_AGENT)
        .set(...bearer(user.accessToken))
        .expect(200);
      const events = (res.body as Page<Record<string, unknown>>).data;
      expect(
        events.map(({ action, outcome, actorType, byYou }) => [action, outcome, actorType, byYou]),
      ).toEqual([
        ['user.role.change', 'success', 'user', false],
        ['auth.sign_in', 'failure', 'anonymous', false],
        ['auth.sign_in', 'success', 'user', true],
      ]);
      // No other user's or key's id is shown.
      expect(JSON.stringify(events)).not.toContain(admin.user.id);
    });
  });
});
