import { beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { MemoryStore } from '@libs/cache';
import { type Config, loadConfig } from '@libs/config';
import type { Role } from '@libs/database';
import { CacheMetrics, MetricsRegistry } from '@libs/observability';
import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ManualClock, asReal, nextUuid } from '@libs/testing/fakes';
import { InMemorySessionsRepository } from '../../../test/fakes/sessions.repository.fake.js';
import { forge, newSigningKey } from '../../../test/support/jwt.js';
import { ProblemException } from '../../platform/problem/problem.exception.js';
import { Public } from '../decorators/public.decorator.js';
import { Roles } from '../decorators/roles.decorator.js';
import type { SessionsRepository } from '../sessions/sessions.repository.js';
import { SessionsService } from '../sessions/sessions.service.js';
import { AccessTokenService } from '../tokens/access-token.service.js';
import { SigningKeys } from '../tokens/signing-keys.js';
import { AuthGuard } from './auth.guard.js';
import type { AuthenticatedUser } from './authenticated-user.js';
import { JwtStrategy } from './jwt.strategy.js';

/** Route handlers whose metadata the guard reads, decorated as a controller's would be. */
const routes = {
  open: (): string => 'open',
  everyone: (): string => 'everyone',
  admins: (): string => 'admins',
};
Public()(routes.everyone);
Roles('admin')(routes.admins);

function contextFor(
  handler: keyof typeof routes,
  authorization?: string,
): { context: ExecutionContext; request: { headers: object; user?: AuthenticatedUser } } {
  const request = { headers: authorization === undefined ? {} : { authorization } };
  const response = { setHeader: () => undefined };
  const context = {
    getHandler: () => routes[handler],
    getClass: () => Object,
    getType: () => 'http',
    getArgs: () => [request, response],
    switchToHttp: () => ({ getRequest: () => request, getResponse: () => response }),
  } as unknown as ExecutionContext;
  return { context, request };
}

const rejection = async (work: Promise<unknown>): Promise<ProblemException> => {
  const error = await work.catch((caught: unknown) => caught);
  if (!(error instanceof ProblemException)) throw new Error(`not a problem: ${String(error)}`);
  return error;
};

describe('AuthGuard with JwtStrategy', () => {
  let config: Config;
  let roles: Map<string, { role: Role; disabled: boolean }>;
  let sessions: SessionsService;
  let accessTokens: AccessTokenService;
  let guard: AuthGuard;

  beforeAll(async () => {
    config = loadConfig({
      NODE_ENV: 'test',
      JWT_SIGNING_KEYS: JSON.stringify([await newSigningKey('active')]),
    });
  });

  beforeEach(async () => {
    const clock = new ManualClock(new Date());
    roles = new Map();
    const store = new MemoryStore(() => clock.now().getTime());
    sessions = new SessionsService(
      config,
      asReal<SessionsRepository>(new InMemorySessionsRepository((id) => roles.get(id))),
      store,
      clock,
      new CacheMetrics(new MetricsRegistry()),
    );
    const keys = new SigningKeys(config);
    await keys.onModuleInit();
    accessTokens = new AccessTokenService(config, keys, clock);
    // Registers the `jwt` strategy with passport, as Nest does when it builds the module.
    new JwtStrategy(accessTokens, sessions);
    guard = new AuthGuard(new Reflector());
  });

  const signIn = async (
    role: Role = 'user',
  ): Promise<{ token: string; userId: string; sessionId: string }> => {
    const userId = nextUuid();
    roles.set(userId, { role, disabled: false });
    const { sessionId } = await sessions.start(userId);
    return { token: await accessTokens.sign({ userId, sessionId, role }), userId, sessionId };
  };

  it('lets a public route through without a token', async () => {
    await expect(guard.canActivate(contextFor('everyone').context)).resolves.toBe(true);
  });

  it('puts the user of a valid token on the request', async () => {
    const { token, userId, sessionId } = await signIn();
    const { context, request } = contextFor('open', `Bearer ${token}`);
    await expect(guard.canActivate(context)).resolves.toBe(true);
    expect(request.user).toEqual({ id: userId, sessionId, role: 'user' });
  });

  it('denies a route without a token by default: 401 with a plain Bearer challenge', async () => {
    const error = await rejection(guard.canActivate(contextFor('open').context));
    expect(error.problem).toMatchObject({
      status: 401,
      detail: 'This route needs a bearer access token.',
    });
    expect(error.headers).toEqual({ 'www-authenticate': 'Bearer realm="api"' });
  });

  it.each([
    ['a token that is no JWT', 'Bearer not-a-token'],
    ['another scheme', 'Basic dXNlcjpwYXNz'],
    ['an empty bearer', 'Bearer '],
  ])('answers %s with 401 invalid_token', async (_case, authorization) => {
    const error = await rejection(guard.canActivate(contextFor('open', authorization).context));
    expect(error.problem.status).toBe(401);
    expect(error.headers['www-authenticate']).toMatch(/error="invalid_token"/);
  });

  it('refuses the token of a revoked session', async () => {
    const { token, sessionId } = await signIn();
    await sessions.revoke(sessionId, 'logout');
    const error = await rejection(guard.canActivate(contextFor('open', `Bearer ${token}`).context));
    expect(error.problem.status).toBe(401);
    expect(error.problem.detail).toMatch(/session of this access token has ended/);
  });

  it('refuses a token whose subject is not the session’s user', async () => {
    const { sessionId } = await signIn();
    const token = await accessTokens.sign({ userId: nextUuid(), sessionId, role: 'user' });
    const error = await rejection(guard.canActivate(contextFor('open', `Bearer ${token}`).context));
    expect(error.problem.status).toBe(401);
  });

  it('refuses a token signed by a key it does not hold', async () => {
    const { userId, sessionId } = await signIn();
    const token = await forge(
      await newSigningKey('active'),
      {},
      {
        sub: userId,
        sid: sessionId,
        role: 'user',
      },
    );
    const error = await rejection(guard.canActivate(contextFor('open', `Bearer ${token}`).context));
    expect(error.problem.status).toBe(401);
  });

  it('answers 403 to a user on an admin route', async () => {
    const { token } = await signIn('user');
    const error = await rejection(
      guard.canActivate(contextFor('admins', `Bearer ${token}`).context),
    );
    expect(error.problem).toMatchObject({ status: 403, detail: 'Your role does not allow this.' });
  });

  it('lets an admin through an admin route', async () => {
    const { token } = await signIn('admin');
    await expect(guard.canActivate(contextFor('admins', `Bearer ${token}`).context)).resolves.toBe(
      true,
    );
  });

  it('takes the role from the live account, not from the token', async () => {
    const { userId, sessionId } = await signIn('user');
    const token = await accessTokens.sign({ userId, sessionId, role: 'admin' });
    const error = await rejection(
      guard.canActivate(contextFor('admins', `Bearer ${token}`).context),
    );
    expect(error.problem.status).toBe(403);
  });

  it('lets a database failure through as it is, not as a 401', async () => {
    const { token } = await signIn();
    const outage = new Error('database down');
    sessions.live = () => Promise.reject(outage);
    await expect(guard.canActivate(contextFor('open', `Bearer ${token}`).context)).rejects.toBe(
      outage,
    );
  });
});
