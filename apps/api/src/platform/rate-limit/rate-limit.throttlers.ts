import type { ExecutionContext } from '@nestjs/common';
import type { Reflector } from '@nestjs/core';
import type { ThrottlerOptions } from '@nestjs/throttler';
import type { Config } from '@libs/config';
import type { FastifyRequest } from 'fastify';
import { parseApiKey } from '../../api-keys/api-key-format.js';
import { accountOf } from './rate-limit.account.js';
import { AUTH_RATE_LIMIT, type AuthRateLimitScope, THROTTLERS } from './rate-limit.decorators.js';

const MINUTE_MS = 60_000;

function bodyOf(context: ExecutionContext): unknown {
  return context.switchToHttp().getRequest<FastifyRequest>().body;
}

/**
 * The id of the API key a request presents, read from the key itself (its checksum checked, no
 * database read): the limiter runs before authentication, and a forged id only spends the
 * forger's own address limit besides.
 */
function apiKeyIdOf(context: ExecutionContext): string | undefined {
  const header = context.switchToHttp().getRequest<FastifyRequest>().headers.authorization;
  return header?.startsWith('Bearer ')
    ? parseApiKey(header.slice('Bearer '.length))?.keyId
    : undefined;
}

/**
 * The named throttlers. All count per minute; a client that goes over a limit is blocked for a
 * minute from that request. `default` applies everywhere; `auth` and `account` only where
 * @AuthRateLimit() asks for them; `api-key` to requests that present an API key (throttler applies every named throttler unless skipped).
 */
export function rateLimitThrottlers(
  limits: Config['rateLimit'],
  reflector: Reflector,
): ThrottlerOptions[] {
  const scope = (context: ExecutionContext): AuthRateLimitScope | undefined =>
    reflector.getAllAndOverride<AuthRateLimitScope | undefined>(AUTH_RATE_LIMIT, [
      context.getHandler(),
      context.getClass(),
    ]);
  return [
    {
      name: THROTTLERS.default,
      limit: limits.perMinute,
      ttl: MINUTE_MS,
      blockDuration: MINUTE_MS,
    },
    {
      name: THROTTLERS.auth,
      limit: limits.authPerMinute,
      ttl: MINUTE_MS,
      blockDuration: MINUTE_MS,
      skipIf: (context) => scope(context) === undefined,
    },
    {
      name: THROTTLERS.account,
      limit: limits.accountPerMinute,
      ttl: MINUTE_MS,
      blockDuration: MINUTE_MS,
      skipIf: (context) => !scope(context)?.account || accountOf(bodyOf(context)) === undefined,
      // skipIf has ruled out a body without an email.
      getTracker: (_request, context) => accountOf(bodyOf(context)) ?? '',
    },
    {
      name: THROTTLERS.apiKey,
      limit: limits.apiKeyPerMinute,
      ttl: MINUTE_MS,
      blockDuration: MINUTE_MS,
      skipIf: (context) => apiKeyIdOf(context) === undefined,
      getTracker: (_request, context) => apiKeyIdOf(context) ?? '',
    },
  ];
}
