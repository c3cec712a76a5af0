import { describe, expect, it } from '@jest/globals';
import type { ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { firstValueFrom, of } from 'rxjs';
import type { AuthenticatedUser } from '../../auth/guards/authenticated-user.js';
import { currentRequest } from './request-context.js';
import { RequestContextInterceptor, requestScopeOf } from './request-context.interceptor.js';

const fastifyRequest = (
  headers: Record<string, string>,
  user?: AuthenticatedUser,
): FastifyRequest & { user?: AuthenticatedUser } =>
  ({ id: 'req-7', ip: '198.51.100.4', headers, user }) as unknown as FastifyRequest & {
    user?: AuthenticatedUser;
  };

describe('request context', () => {
  it('takes the request id, client address and user agent of the request', () => {
    expect(requestScopeOf(fastifyRequest({ 'user-agent': 'curl/8.5' }))).toEqual({
      requestId: 'req-7',
      clientAddress: '198.51.100.4',
      userAgent: 'curl/8.5',
      actor: null,
    });
  });

  it('bounds the user agent and strips control characters from it', () => {
    const scope = requestScopeOf(
      fastifyRequest({ 'user-agent': `a\u0001b\u007f${'x'.repeat(400)}` }),
    );
    expect(scope.userAgent).toBe(`ab${'x'.repeat(254)}`);
  });

  it('names the caller: a signed-in user, or an API key and its owner', () => {
    const session: AuthenticatedUser = { kind: 'session', id: 'u1', sessionId: 's1', role: 'user' };
    const key: AuthenticatedUser = {
      kind: 'api-key',
      id: 'u2',
      apiKeyId: 'k2',
      scopes: [],
      role: 'admin',
    };
    expect(requestScopeOf(fastifyRequest({}, session)).actor).toEqual({ type: 'user', id: 'u1' });
    expect(requestScopeOf(fastifyRequest({}, key)).actor).toEqual({
      type: 'api_key',
      id: 'k2',
      userId: 'u2',
    });
  });

  it('is current while the handler runs, and only then', async () => {
    const context = {
      getType: () => 'http',
      switchToHttp: () => ({ getRequest: () => fastifyRequest({}) }),
    } as unknown as ExecutionContext;
    const handled = new RequestContextInterceptor().intercept(context, {
      handle: () => of(currentRequest()?.requestId),
    });
    expect(currentRequest()).toBeUndefined();
    await expect(firstValueFrom(handled)).resolves.toBe('req-7');
    expect(currentRequest()).toBeUndefined();
  });
});
