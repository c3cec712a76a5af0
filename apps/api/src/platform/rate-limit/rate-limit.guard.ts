import { type ExecutionContext, Injectable } from '@nestjs/common';
import type { ThrottlerRequest } from '@nestjs/throttler';
import type { FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { NO_RATE_LIMIT } from './rate-limit.decorators.js';
import { rateLimited } from './rate-limit.problem.js';
import { mostRestrictive, type Quota, quotaHeaders, quotaOf } from './rate-limit.quota.js';
import { ThrottlerGuard } from './throttler.loader.js';

/**
 * Routes never limited, besides those marked @NoRateLimit(): orchestrators and monitors poll
 * them, and readiness must tell the truth about the process rather than about one client.
 * (/openapi.json and /docs are served by Fastify directly, outside Nest's guards.)
 */
const UNLIMITED_ROUTE_PREFIXES = ['/health/'] as const;

/**
 * Throttler's guard, answering like the rest of the API: a 429 problem (through
 * ProblemDetailsFilter) with Retry-After and the RateLimit-* trio, and the same trio on every
 * limited response, describing the most restrictive quota the request passed.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  /** Quotas of the request being guarded, gathered while each throttler runs. */
  private readonly quotas = new WeakMap<object, Quota>();

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const allowed = await super.canActivate(context);
    const { req, res } = this.getRequestResponse(context);
    const quota = this.quotas.get(req);
    if (quota) {
      for (const [name, value] of Object.entries(quotaHeaders(quota))) {
        this.setResponseHeader(res, name, value);
      }
    }
    return allowed;
  }

  protected override shouldSkip(context: ExecutionContext): Promise<boolean> {
    const exempt = this.reflector.getAllAndOverride<boolean | undefined>(NO_RATE_LIMIT, [
      context.getHandler(),
      context.getClass(),
    ]);
    const route = context.switchToHttp().getRequest<FastifyRequest>().routeOptions.url;
    return Promise.resolve(
      exempt === true ||
        (route !== undefined &&
          UNLIMITED_ROUTE_PREFIXES.some((prefix) => route.startsWith(prefix))),
    );
  }

  /** Counts the hit and throws the 429 itself, instead of throttler's plain-text exception. */
  protected override async handleRequest({
    context,
    limit,
    ttl,
    throttler,
    blockDuration,
    getTracker,
    generateKey,
  }: ThrottlerRequest): Promise<boolean> {
    const { req } = this.getRequestResponse(context);
    const name = throttler.name ?? 'default';
    const key = generateKey(context, await getTracker(req, context), name);
    const record = await this.storageService.increment(key, ttl, limit, blockDuration, name);
    const quota = quotaOf(name, limit, record);
    if (quota.blocked) throw rateLimited(quota);
    const earlier = this.quotas.get(req);
    this.quotas.set(req, earlier ? mostRestrictive(earlier, quota) : quota);
    return true;
  }

  /**
   * One counter per client (address or account) and throttler across all routes (throttler's
   * own key is per route). Hashed, so no address or email is written into Redis keys.
   */
  protected override generateKey(
    _context: ExecutionContext,
    tracker: string,
    name: string,
  ): string {
    return `${name}:${createHash('sha256').update(tracker).digest('hex')}`;
  }
}
