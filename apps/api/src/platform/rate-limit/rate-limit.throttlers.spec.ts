import { describe, expect, it } from '@jest/globals';
import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { ThrottlerOptions } from '@nestjs/throttler';
import { formatApiKey } from '../../api-keys/api-key-format.js';
import { AuthRateLimit, THROTTLERS } from './rate-limit.decorators.js';
import { rateLimitThrottlers } from './rate-limit.throttlers.js';

const LIMITS = { perMinute: 100, authPerMinute: 10, accountPerMinute: 5, apiKeyPerMinute: 50 };
const KEY_ID = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
const KEY = formatApiKey(KEY_ID);
/** The key with its last checksum character changed. */
const FORGED_KEY = KEY.slice(0, -1) + (KEY.endsWith('0') ? '1' : '0');

class Routes {
  plain(): string {
    return 'plain';
  }
  @AuthRateLimit()
  login(): string {
    return 'login';
  }
  @AuthRateLimit({ account: false })
  refresh(): string {
    return 'refresh';
  }
}

@AuthRateLimit()
class CredentialRoutes {
  register(): string {
    return 'register';
  }
}

type Route = 'plain' | 'login' | 'refresh' | 'register';

function contextOf(
  route: Route,
  request: { body?: unknown; authorization?: string } = {},
): ExecutionContext {
  const target = route === 'register' ? CredentialRoutes : Routes;
  const handler = (target.prototype as unknown as Record<Route, () => string>)[route];
  const http = { body: request.body, headers: { authorization: request.authorization } };
  return {
    getHandler: () => handler,
    getClass: () => target,
    switchToHttp: () => ({ getRequest: () => http }),
  } as unknown as ExecutionContext;
}

const throttlers = rateLimitThrottlers(LIMITS, new Reflector());
const throttler = (name: string): ThrottlerOptions => {
  const found = throttlers.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no throttler ${name}`);
  return found;
};
/** Whether the named throttler counts this request. */
const applies = (name: string, context: ExecutionContext): boolean =>
  !(throttler(name).skipIf?.(context) ?? false);
const trackerOf = async (name: string, context: ExecutionContext): Promise<string | undefined> =>
  throttler(name).getTracker?.({}, context);

describe('rateLimitThrottlers', () => {
  it('counts each limit per minute from the configuration, and blocks for a minute', () => {
    expect(
      throttlers.map(({ name, limit, ttl, blockDuration }) => [name, limit, ttl, blockDuration]),
    ).toEqual([
      [THROTTLERS.default, 100, 60_000, 60_000],
      [THROTTLERS.auth, 10, 60_000, 60_000],
      [THROTTLERS.account, 5, 60_000, 60_000],
      [THROTTLERS.apiKey, 50, 60_000, 60_000],
    ]);
    expect(throttler(THROTTLERS.default).skipIf).toBeUndefined();
  });

  it.each<[string, Route, boolean]>([
    ['a route without @AuthRateLimit', 'plain', false],
    ['a route marked @AuthRateLimit()', 'login', true],
    ['a route marked @AuthRateLimit({ account: false })', 'refresh', true],
    ['a route of a controller marked @AuthRateLimit()', 'register', true],
  ])('the auth limit, on %s (%s), applies: %s', (_case, route, expected) => {
    expect(applies(THROTTLERS.auth, contextOf(route))).toBe(expected);
  });

  it.each<[string, Route, boolean, unknown]>([
    ['an email on a marked route', 'login', true, { email: 'a@x.io' }],
    ['an email on a controller marked as a whole', 'register', true, { email: 'a@x.io' }],
    ['an email on a route without @AuthRateLimit', 'plain', false, { email: 'a@x.io' }],
    ['an email on a route marked account: false', 'refresh', false, { email: 'a@x.io' }],
    ['no email on a marked route', 'login', false, { password: 'x' }],
    ['a blank email on a marked route', 'login', false, { email: '  ' }],
    ['no body on a marked route', 'login', false, undefined],
  ])('the account limit, for %s (%s), applies: %s', (_case, route, expected, body) => {
    expect(applies(THROTTLERS.account, contextOf(route, { body }))).toBe(expected);
  });

  it('counts an account by its normalised email', async () => {
    const context = contextOf('login', { body: { email: ' Alice@Example.com' } });
    expect(await trackerOf(THROTTLERS.account, context)).toBe('alice@example.com');
  });

  it.each<[string, boolean, string | undefined]>([
    ['no Authorization header', false, undefined],
    ['an access token', false, 'Bearer eyJhbGciOiJFZERTQSJ9.e30.c2ln'],
    ['an API key', true, `Bearer ${KEY}`],
    ['an API key with a wrong checksum', false, `Bearer ${FORGED_KEY}`],
    ['an API key under another scheme', false, `Basic ${KEY}`],
  ])('the per-key limit, with %s, applies: %s', (_case, expected, authorization) => {
    const context = contextOf('plain', authorization === undefined ? {} : { authorization });
    expect(applies(THROTTLERS.apiKey, context)).toBe(expected);
  });

  it('counts a key by its id, whatever its secret', async () => {
    const one = contextOf('plain', { authorization: `Bearer ${formatApiKey(KEY_ID)}` });
    const other = contextOf('plain', { authorization: `Bearer ${formatApiKey(KEY_ID)}` });
    expect(await trackerOf(THROTTLERS.apiKey, one)).toBe(KEY_ID);
    expect(await trackerOf(THROTTLERS.apiKey, other)).toBe(KEY_ID);
  });
});
