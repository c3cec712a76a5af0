import { afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { MemoryStore } from '@libs/cache';
import { type Config, loadConfig } from '@libs/config';
import type { Role } from '@libs/database';
import { CacheMetrics, MetricsRegistry } from '@libs/observability';
import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ManualClock, asReal, nextUuid } from '@libs/testing/fakes';
import { InMemoryApiKeysRepository } from '../../../test/fakes/api-keys.repository.fake.js';
import { inMemoryAudit } from '../../../test/fakes/audit.fake.js';
import { InMemorySessionsRepository } from '../../../test/fakes/sessions.repository.fake.js';
import { forge, newSigningKey } from '../../../test/support/jwt.js';
import { ApiKeyUsage } from '../../api-keys/api-key-usage.js';
import type { ApiKeysRepository } from '../../api-keys/api-keys.repository.js';
import { ApiKeysService } from '../../api-keys/api-keys.service.js';
import { ProblemException } from '../../platform/problem/problem.exception.js';
import { Public } from '../decorators/public.decorator.js';
import { Roles } from '../decorators/roles.decorator.js';
import { Scopes } from '../decorators/scopes.decorator.js';
import type { SessionsRepository } from '../sessions/sessions.repository.js';
import { SessionsService } from '../sessions/sessions.service.js';
import { AccessTokenService } from '../tokens/access-token.service.js';
import { SigningKeys } from '../tokens/signing-keys.js';
import { AuthGuard } from './auth.guard.js';
import type { AuthenticatedUser } from './authenticated-user.js';
import { BearerAuthenticator } from './bearer-authenticator.js';

/** Route handlers whose metadata the guard reads, decorated as a controller's would be. */
const routes = {
  open: (): string => 'open',
  everyone: (): string => 'everyone',
  admins: (): string => 'admins',
  readOrders: (): string => 'readOrders',
  writeProducts: (): string => 'writeProducts',
};
Public()(routes.everyone);
Roles('admin')(routes.admins);
Roles('admin')(routes.writeProducts);
// @Scopes also writes OpenAPI metadata, which needs the method's property descriptor.
const asMethod = (name: keyof typeof routes): [object, string, PropertyDescriptor] => [
  routes,
  name,
  { value: routes[name] },
];
Scopes('orders:read')(...asMethod('readOrders'));
Scopes('products:write')(...asMethod('writeProducts'));

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

describe('AuthGuard with BearerAuthenticator', () => {
  let config: Config;
  let roles: Map<string, { role: Role; disabled: boolean }>;
  let sessions: SessionsService;
  let accessTokens: AccessTokenService;
  let guard: AuthGuard;
  let apiKeys: ApiKeysService;
  let usage: ApiKeyUsage;

  beforeAll(async () => {
    config = loadConfig({
      NODE_ENV: 'test',
      JWT_SIGNING_KEYS: JSON.stringify([await newSigningKey('active')]),
    });
  });

  beforeEach(async () => {
    const clock = new ManualClock(new Date());
    roles = new Map();
    const { audit, unitOfWork } = inMemoryAudit(clock);
    const store = new MemoryStore(() => clock.now().getTime());
    sessions = new SessionsService(
      config,
      asReal<SessionsRepository>(new InMemorySessionsRepository((id) => roles.get(id))),
      store,
      clock,
      new CacheMetrics(new MetricsRegistry()),
      unitOfWork,
    );
    const keys = new SigningKeys(config);
    await keys.onModuleInit();
    accessTokens = new AccessTokenService(config, keys, clock);
    const keyRows = asReal<ApiKeysRepository>(
      new InMemoryApiKeysRepository(
        () => clock.now(),
        (id) => roles.get(id),
      ),
    );
    usage = new ApiKeyUsage(keyRows, clock);
    apiKeys = new ApiKeysService(keyRows, usage, clock, unitOfWork, audit);
    guard = new AuthGuard(
      new Reflector(),
      new BearerAuthenticator(accessTokens, sessions, apiKeys),
    );
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
    expect(request.user).toEqual({ kind: 'session', id: userId, sessionId, role: 'user' });
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

  describe('with an API key', () => {
    afterEach(() => usage.flush());

    const keyOf = async (
      role: Role,
      scopes: ('orders:read' | 'orders:write' | 'products:write')[],
    ): Promise<{ key: string; userId: string }> => {
      const userId = nextUuid();
      roles.set(userId, { role, disabled: false });
      const { key } = await apiKeys.create({ id: userId, role }, { name: 'ci', scopes });
      return { key, userId };
    };

    it('puts the key’s owner and scopes on the request of a route with its scope', async () => {
      const { key, userId } = await keyOf('user', ['orders:read']);
      const { context, request } = contextFor('readOrders', `Bearer ${key}`);
      await expect(guard.canActivate(context)).resolves.toBe(true);
      expect(request.user).toMatchObject({ kind: 'api-key', id: userId, scopes: ['orders:read'] });
    });

    it('answers 403 on a route whose scope the key lacks', async () => {
      const { key } = await keyOf('user', ['orders:write']);
      const error = await rejection(
        guard.canActivate(contextFor('readOrders', `Bearer ${key}`).context),
      );
      expect(error.problem).toMatchObject({
        status: 403,
        detail: 'This API key lacks the scope orders:read.',
      });
    });

    it('answers 403 on a route that declares no scope', async () => {
      const { key } = await keyOf('user', ['orders:read']);
      const error = await rejection(guard.canActivate(contextFor('open', `Bearer ${key}`).context));
      expect(error.problem).toMatchObject({
        status: 403,
        detail: /API keys cannot use this route/,
      });
    });

    it('never exceeds the owner’s role: a demoted admin’s key loses its admin routes', async () => {
      const { key, userId } = await keyOf('admin', ['products:write']);
      await expect(
        guard.canActivate(contextFor('writeProducts', `Bearer ${key}`).context),
      ).resolves.toBe(true);
      roles.set(userId, { role: 'user', disabled: false });
      const error = await rejection(
        guard.canActivate(contextFor('writeProducts', `Bearer ${key}`).context),
      );
      expect(error.problem.status).toBe(403);
    });

    it('answers 401 to a mistyped key, naming API keys in the challenge', async () => {
      const { key } = await keyOf('user', ['orders:read']);
      const mistyped = `${key.slice(0, -1)}${key.endsWith('0') ? '1' : '0'}`;
      const error = await rejection(
        guard.canActivate(contextFor('readOrders', `Bearer ${mistyped}`).context),
      );
      expect(error.problem).toMatchObject({ status: 401, detail: /API key is not valid/ });
      expect(error.headers['www-authenticate']).toMatch(/error="invalid_token"/);
    });

    it('does not limit an access token by scopes', async () => {
      const { token } = await signIn('admin');
      await expect(
        guard.canActivate(contextFor('writeProducts', `Bearer ${token}`).context),
      ).resolves.toBe(true);
    });
  });
});
