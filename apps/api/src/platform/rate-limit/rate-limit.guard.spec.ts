import { describe, expect, it } from '@jest/globals';
import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { ThrottlerStorage } from '@nestjs/throttler';
import { createHash } from 'node:crypto';
import { NoRateLimit } from './rate-limit.decorators.js';
import { RateLimitGuard } from './rate-limit.guard.js';

class Routes {
  limited(): string {
    return 'limited';
  }
  @NoRateLimit()
  exempt(): string {
    return 'exempt';
  }
}

@NoRateLimit()
class ExemptRoutes {
  probe(): string {
    return 'probe';
  }
}

/** The guard's own decisions, reachable from a subclass (they are protected). */
class ProbedGuard extends RateLimitGuard {
  skips(context: ExecutionContext): Promise<boolean> {
    return this.shouldSkip(context);
  }

  keyOf(context: ExecutionContext, tracker: string, name: string): string {
    return this.generateKey(context, tracker, name);
  }
}

const guard = new ProbedGuard({ throttlers: [] }, {} as ThrottlerStorage, new Reflector());

function contextOf(
  target: typeof Routes | typeof ExemptRoutes,
  method: string,
  url: string | undefined,
): ExecutionContext {
  const handler = (target.prototype as unknown as Record<string, () => string>)[method];
  return {
    getHandler: () => handler,
    getClass: () => target,
    switchToHttp: () => ({ getRequest: () => ({ routeOptions: { url } }) }),
  } as unknown as ExecutionContext;
}

describe('RateLimitGuard', () => {
  it.each<[string, boolean, ExecutionContext]>([
    ['an API route', false, contextOf(Routes, 'limited', '/v1/products')],
    ['a route without a matched URL (404)', false, contextOf(Routes, 'limited', undefined)],
    ['a health route', true, contextOf(Routes, 'limited', '/health/ready')],
    [
      'a route named like health but outside /health/',
      false,
      contextOf(Routes, 'limited', '/healthz'),
    ],
    ['a route marked @NoRateLimit()', true, contextOf(Routes, 'exempt', '/v1/probe')],
    [
      'a route of a controller marked @NoRateLimit()',
      true,
      contextOf(ExemptRoutes, 'probe', '/v1/x'),
    ],
  ])('skips %s: %s', async (_case, skipped, context) => {
    await expect(guard.skips(context)).resolves.toBe(skipped);
  });

  it('keys a counter by throttler and the SHA-256 of the client, never the client itself', () => {
    const context = contextOf(Routes, 'limited', '/v1/products');
    const key = guard.keyOf(context, 'alice@example.com', 'account');
    expect(key).toBe(`account:${createHash('sha256').update('alice@example.com').digest('hex')}`);
    expect(key).not.toContain('alice');
  });

  it('counts a client on one counter across routes, and on one per throttler', () => {
    const one = guard.keyOf(contextOf(Routes, 'limited', '/v1/products'), '203.0.113.9', 'default');
    const other = guard.keyOf(contextOf(Routes, 'exempt', '/v1/orders'), '203.0.113.9', 'default');
    expect(one).toBe(other);
    expect(
      guard.keyOf(contextOf(Routes, 'limited', '/v1/products'), '203.0.113.9', 'auth'),
    ).not.toBe(one);
  });
});
