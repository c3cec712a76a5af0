import { expect } from '@jest/globals';
import type { Server } from 'node:http';
import request from 'supertest';
import { bearer, login, type Tokens } from '../../support/identity.js';

export const PROBLEM = /^application\/problem\+json/;

/** Nothing about the failing dependency reaches the client. */
const INTERNALS =
  /ECONN|ETIMEDOUT|127\.0\.0\.1|P\d{4}|prisma|pg-pool|ioredis|timeout exceeded|\bat /i;

/** A 503 problem with Retry-After that says nothing about the failure inside. */
export function expectUnavailable(res: request.Response): void {
  expect({ status: res.status, contentType: res.headers['content-type'] }).toEqual({
    status: 503,
    contentType: expect.stringMatching(PROBLEM),
  });
  expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  expect(res.body).toMatchObject({ status: 503 });
  expect(res.text).not.toMatch(INTERNALS);
}

/** Runs `call` and measures how long it took, in milliseconds. */
export async function timed<T>(call: () => PromiseLike<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await call();
  return { value, ms: performance.now() - started };
}

/**
 * The account is whole after a fault: its session still works, its refresh token still rotates,
 * and its password still signs in, all to the same user. Spends the refresh token: once per account.
 */
export async function expectAccountIntact(server: Server, account: Tokens): Promise<void> {
  const me = await request(server)
    .get('/v1/users/me')
    .set(...bearer(account.accessToken));
  expect({ status: me.status, body: me.body as unknown }).toEqual({
    status: 200,
    body: account.user,
  });
  const refreshed = await request(server)
    .post('/v1/auth/refresh')
    .send({ refreshToken: account.refreshToken });
  expect(refreshed.status).toBe(200);
  expect(refreshed.body.user).toEqual(account.user);
  expect((await login(server, account.user.email)).user).toEqual(account.user);
}
