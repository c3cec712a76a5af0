import { PrismaService } from '@libs/database';
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import request from 'supertest';
import type { TestApp } from './test-app.js';

export { decodeJwt, forge, newSigningKey } from './jwt.js';

export interface Tokens {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly expiresIn: number;
  readonly user: {
    id: string;
    email: string;
    name: string;
    role: 'user' | 'admin';
    emailVerified: boolean;
    createdAt: string;
    mfaEnabled: boolean;
  };
}

/** A strong password nobody else uses. */
export const PASSWORD = 'a quiet walk in the mist 42';

export const newEmail = (label = 'user'): string => `${label}-${randomUUID()}@example.com`;

export const bearer = (token: string): [string, string] => ['Authorization', `Bearer ${token}`];

/** The app under test: an in-process server, or the base URL of one listening (a process). */
export type Target = Server | string;

export async function register(
  server: Target,
  body: { email?: string; password?: string; name?: string } = {},
): Promise<Tokens> {
  const res = await request(server)
    .post('/v1/auth/register')
    .send({ email: newEmail(), password: PASSWORD, ...body })
    .expect(201);
  return res.body as Tokens;
}

export async function login(server: Target, email: string, password = PASSWORD): Promise<Tokens> {
  const res = await request(server).post('/v1/auth/login').send({ email, password }).expect(200);
  return res.body as Tokens;
}

/** Registers a user and makes it an admin directly in the database (there is no API for the first admin). */
export async function registerAdmin(t: TestApp): Promise<Tokens> {
  const { user } = await register(t.server, { email: newEmail('admin') });
  await t.app.get(PrismaService).user.update({ where: { id: user.id }, data: { role: 'admin' } });
  return login(t.server, user.email);
}
