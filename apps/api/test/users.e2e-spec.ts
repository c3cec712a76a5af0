import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import {
  PASSWORD,
  bearer,
  login,
  newEmail,
  register,
  registerAdmin,
  type Tokens,
} from './support/identity.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('users', () => {
  let t: TestApp;
  let admin: Tokens;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await registerAdmin(t);
  });

  afterAll(async () => {
    await t.close();
  });

  describe('GET/PATCH /v1/users/me', () => {
    it('returns the signed-in user', async () => {
      const { accessToken, user } = await register(t.server, { name: 'Grace' });
      const res = await request(t.server)
        .get('/v1/users/me')
        .set(...bearer(accessToken))
        .expect(200);
      expect(res.body).toEqual(user);
      expect(res.headers['cache-control']).toBe('no-store');
    });

    it('changes the name', async () => {
      const { accessToken } = await register(t.server);
      const res = await request(t.server)
        .patch('/v1/users/me')
        .set(...bearer(accessToken))
        .send({ name: ' Lin ' })
        .expect(200);
      expect(res.body.name).toBe('Lin');
    });

    // Which fields are refused is unit-tested (user.schemas.spec.ts); here, that nothing changes.
    it('refuses other fields (mass assignment) with 400, changing nothing', async () => {
      const { accessToken, user } = await register(t.server);
      await request(t.server)
        .patch('/v1/users/me')
        .set(...bearer(accessToken))
        .send({ name: 'Mallory', role: 'admin', disabled: false })
        .expect(400);
      const me = await request(t.server)
        .get('/v1/users/me')
        .set(...bearer(accessToken))
        .expect(200);
      expect(me.body).toEqual(user);
    });
  });

  describe('POST /v1/users/me/password', () => {
    it('changes the password and signs out every other session', async () => {
      const email = newEmail();
      const current = await register(t.server, { email });
      const other = await login(t.server, email);
      const newPassword = 'an entirely different phrase 7';
      await request(t.server)
        .post('/v1/users/me/password')
        .set(...bearer(current.accessToken))
        .send({ currentPassword: PASSWORD, newPassword })
        .expect(204);
      await request(t.server)
        .get('/v1/users/me')
        .set(...bearer(other.accessToken))
        .expect(401);
      await request(t.server)
        .post('/v1/auth/refresh')
        .send({ refreshToken: other.refreshToken })
        .expect(401);
      await request(t.server)
        .get('/v1/users/me')
        .set(...bearer(current.accessToken))
        .expect(200);
      await request(t.server)
        .post('/v1/auth/login')
        .send({ email, password: PASSWORD })
        .expect(401);
      await login(t.server, email, newPassword);
    });

    it('refuses a wrong current password (401) and a weak new one (400)', async () => {
      const { accessToken } = await register(t.server);
      await request(t.server)
        .post('/v1/users/me/password')
        .set(...bearer(accessToken))
        .send({
          currentPassword: 'wrong wrong wrong',
          newPassword: 'an entirely different phrase 7',
        })
        .expect(401);
      const weak = await request(t.server)
        .post('/v1/users/me/password')
        .set(...bearer(accessToken))
        .send({ currentPassword: PASSWORD, newPassword: 'qwerty123456' })
        .expect(400);
      expect(weak.body.errors).toEqual([expect.objectContaining({ pointer: '#/newPassword' })]);
    });
  });

  describe('admin routes', () => {
    it('GET /v1/users pages with an opaque cursor and filters with q', async () => {
      const tag = `pager${Date.now()}`;
      const created = [];
      for (let i = 0; i < 3; i++)
        created.push((await register(t.server, { name: `${tag} ${i}` })).user);
      const first = await request(t.server)
        .get('/v1/users')
        .query({ q: tag, limit: 2 })
        .set(...bearer(admin.accessToken))
        .expect(200);
      expect(first.body.data).toEqual(created.slice(0, 2));
      expect(first.body.nextCursor).toEqual(expect.any(String));
      const second = await request(t.server)
        .get('/v1/users')
        .query({ q: tag, limit: 2, cursor: first.body.nextCursor as string })
        .set(...bearer(admin.accessToken))
        .expect(200);
      expect(second.body).toEqual({ data: created.slice(2), nextCursor: null });
    });

    it('GET /v1/users refuses a bad page with a 400 problem pointing at it', async () => {
      const res = await request(t.server)
        .get('/v1/users')
        .query({ limit: '0', cursor: 'not-a-cursor' })
        .set(...bearer(admin.accessToken))
        .expect(400);
      const errors = res.body.errors as { pointer: string }[];
      expect(errors.map((error) => error.pointer).sort()).toEqual(['#/cursor', '#/limit']);
    });

    it('GET /v1/users/:id: 200, unknown 404, malformed 400', async () => {
      const { user } = await register(t.server);
      const res = await request(t.server)
        .get(`/v1/users/${user.id}`)
        .set(...bearer(admin.accessToken))
        .expect(200);
      expect(res.body).toEqual(user);
      await request(t.server)
        .get('/v1/users/0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b')
        .set(...bearer(admin.accessToken))
        .expect(404);
      await request(t.server)
        .get('/v1/users/42')
        .set(...bearer(admin.accessToken))
        .expect(400);
    });

    it('PATCH /v1/users/:id changes the role, effective at once', async () => {
      const member = await register(t.server);
      await request(t.server)
        .get('/v1/users')
        .set(...bearer(member.accessToken))
        .expect(403);
      const res = await request(t.server)
        .patch(`/v1/users/${member.user.id}`)
        .set(...bearer(admin.accessToken))
        .send({ role: 'admin' })
        .expect(200);
      expect(res.body.role).toBe('admin');
      await request(t.server)
        .get('/v1/users')
        .set(...bearer(member.accessToken))
        .expect(200);
    });

    it('disabling a user kills their tokens and blocks login', async () => {
      const email = newEmail();
      const member = await register(t.server, { email });
      await request(t.server)
        .patch(`/v1/users/${member.user.id}`)
        .set(...bearer(admin.accessToken))
        .send({ disabled: true })
        .expect(200);
      await request(t.server)
        .get('/v1/users/me')
        .set(...bearer(member.accessToken))
        .expect(401);
      await request(t.server)
        .post('/v1/auth/refresh')
        .send({ refreshToken: member.refreshToken })
        .expect(401);
      await request(t.server)
        .post('/v1/auth/login')
        .send({ email, password: PASSWORD })
        .expect(401);
    });

    it('refuses fields an admin may not set: 400', async () => {
      const { user } = await register(t.server);
      await request(t.server)
        .patch(`/v1/users/${user.id}`)
        .set(...bearer(admin.accessToken))
        .send({ email: 'new@example.com' })
        .expect(400);
    });
  });
});
