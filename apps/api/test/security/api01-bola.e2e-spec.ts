import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { createProduct } from '../support/catalog.js';
import { bearer, register, registerAdmin, type Tokens } from '../support/identity.js';
import { placeOrder } from '../support/orders.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * OWASP API1:2023 Broken Object Level Authorization: an object is reachable only by its owner
 * (or an admin); someone else's looks exactly like one that does not exist.
 */
describe('API1 Broken Object Level Authorization', () => {
  let t: TestApp;
  let admin: Tokens;
  let owner: Tokens;
  let intruder: Tokens;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await registerAdmin(t);
    [owner, intruder] = await Promise.all([register(t.server), register(t.server)]);
  });

  afterAll(async () => {
    await t.close();
  });

  describe('API keys', () => {
    it("another user's key cannot be listed or revoked: 404, and it keeps working", async () => {
      const created = await request(t.server)
        .post('/v1/users/me/api-keys')
        .set(...bearer(owner.accessToken))
        .send({ name: 'owner', scopes: ['orders:read'] })
        .expect(201);
      const { id, key } = created.body as { id: string; key: string };
      await request(t.server)
        .delete(`/v1/users/me/api-keys/${id}`)
        .set(...bearer(intruder.accessToken))
        .expect(404);
      await request(t.server)
        .get(`/v1/users/${owner.user.id}/api-keys`)
        .set(...bearer(intruder.accessToken))
        .expect(403);
      const mine = await request(t.server)
        .get('/v1/users/me/api-keys')
        .set(...bearer(intruder.accessToken))
        .expect(200);
      expect(mine.body).toEqual({ items: [] });
      await request(t.server)
        .get('/v1/orders')
        .set(...bearer(key))
        .expect(200);
    });
  });

  describe('audit events', () => {
    it("a user sees only their own security events, never another's, and not the log", async () => {
      await request(t.server)
        .post('/v1/auth/login')
        .send({ email: owner.user.email, password: 'not the password' })
        .expect(401);
      const mine = await request(t.server)
        .get('/v1/users/me/security-events')
        .set(...bearer(intruder.accessToken))
        .expect(200);
      const events = mine.body as { data: { action: string; byYou: boolean }[] };
      // Nothing of the owner's (the refused sign-in above, the key made earlier) shows up.
      expect(events.data).toEqual([]);
      // No parameter names another user: an unknown one is refused, not ignored.
      await request(t.server)
        .get(`/v1/users/me/security-events?userId=${owner.user.id}`)
        .set(...bearer(intruder.accessToken))
        .expect(400);
      await request(t.server)
        .get(`/v1/admin/audit-events?targetId=${owner.user.id}`)
        .set(...bearer(intruder.accessToken))
        .expect(403);
      const owners = await request(t.server)
        .get('/v1/users/me/security-events')
        .set(...bearer(owner.accessToken))
        .expect(200);
      expect((owners.body as typeof events).data.map((event) => event.action)).toContain(
        'auth.sign_in',
      );
    });
  });

  describe('users', () => {
    it('a user reaches only their own account: /me, never /v1/users/:id of another', async () => {
      const me = await request(t.server)
        .get('/v1/users/me')
        .set(...bearer(intruder.accessToken))
        .expect(200);
      expect(me.body.id).toBe(intruder.user.id);
      for (const call of [
        request(t.server).get(`/v1/users/${owner.user.id}`),
        request(t.server).patch(`/v1/users/${owner.user.id}`).send({ disabled: true }),
      ]) {
        expect((await call.set(...bearer(intruder.accessToken))).status).toBe(403);
      }
      await request(t.server)
        .get('/v1/users/me')
        .set(...bearer(owner.accessToken))
        .expect(200);
    });

    it("a user cannot end another user's session with its refresh token (logout body)", async () => {
      const leaving = await register(t.server); // logout ends the caller's own session too
      await request(t.server)
        .post('/v1/auth/logout')
        .set(...bearer(leaving.accessToken))
        .send({ refreshToken: owner.refreshToken })
        .expect(204);
      const refreshed = await request(t.server)
        .post('/v1/auth/refresh')
        .send({ refreshToken: owner.refreshToken })
        .expect(200);
      owner = { ...owner, ...refreshed.body };
    });
  });

  describe('orders', () => {
    it("someone else's order is a 404 to read, cancel or list, and stays untouched", async () => {
      const product = await createProduct(t.server, admin.accessToken, { stock: 5 });
      const order = await placeOrder(t.server, owner.accessToken, [
        { productId: product.id, quantity: 1 },
      ]);
      const as = (tokens: Tokens) => (call: request.Test) =>
        call.set(...bearer(tokens.accessToken));
      const intruding = as(intruder);
      for (const call of [
        request(t.server).get(`/v1/orders/${order.id}`),
        request(t.server).post(`/v1/orders/${order.id}/cancel`),
      ]) {
        const res = await intruding(call);
        expect(res.status).toBe(404);
        expect(res.text).not.toContain(owner.user.id);
      }
      const listed = await intruding(request(t.server).get('/v1/orders')).expect(200);
      expect((listed.body.data as { id: string }[]).map((o) => o.id)).not.toContain(order.id);
      // Filtering by owner is an admin feature, not a way around ownership.
      expect(
        (await intruding(request(t.server).get(`/v1/orders?userId=${owner.user.id}`))).status,
      ).toBe(403);
      const mine = await as(owner)(request(t.server).get(`/v1/orders/${order.id}`)).expect(200);
      expect(mine.body.status).toBe('pending');
    });
  });
});
