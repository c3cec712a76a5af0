import { type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard as PassportAuthGuard } from '@nestjs/passport';
import type { Role } from '@libs/database';
import type { FastifyRequest } from 'fastify';
import { problem } from '../../platform/problem/problem-details.js';
import { ProblemException } from '../../platform/problem/problem.exception.js';
import { IS_PUBLIC } from '../decorators/public.decorator.js';
import type { ApiKeyScope } from '../../api-keys/api-key-scopes.js';
import { ROLES } from '../decorators/roles.decorator.js';
import { SCOPES } from '../decorators/scopes.decorator.js';
import type { AuthenticatedUser } from './authenticated-user.js';
import { bearerChallenge } from './bearer-challenge.js';
import { BearerError, JWT_STRATEGY } from './jwt.strategy.js';

/**
 * The global guard: every route needs a valid bearer credential unless marked `@Public()`, and
 * `@Roles(...)` further restricts it. API keys only reach routes whose `@Scopes(...)` they hold.
 * Deny by default, so a new route is never open by accident, to people or to machines.
 */
@Injectable()
export class AuthGuard extends PassportAuthGuard(JWT_STRATEGY) {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    await super.canActivate(context);
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    const { user } = context
      .switchToHttp()
      .getRequest<FastifyRequest & { user: AuthenticatedUser }>();
    if (roles && !roles.includes(user.role)) {
      throw new ProblemException(problem(403, { detail: 'Your role does not allow this.' }));
    }
    if (user.kind === 'api-key') {
      const scopes = this.reflector.getAllAndOverride<ApiKeyScope[] | undefined>(SCOPES, targets);
      const missing = scopes?.filter((scope) => !user.scopes.includes(scope));
      if (!missing) {
        throw new ProblemException(
          problem(403, { detail: 'API keys cannot use this route: sign in instead.' }),
        );
      }
      if (missing.length > 0) {
        throw new ProblemException(
          problem(403, { detail: `This API key lacks the scope ${missing.join(', ')}.` }),
        );
      }
    }
    return true;
  }

  override handleRequest<User = AuthenticatedUser>(error: unknown, user: User | false): User {
    if (user && !error) return user;
    // Anything but a bad token (e.g. the database is down) keeps its own answer.
    if (error instanceof Error && !(error instanceof BearerError)) throw error;
    const { detail, challenge } = bearerChallenge(
      error instanceof BearerError ? error.failure : 'missing',
    );
    throw new ProblemException(problem(401, { detail }), { 'www-authenticate': challenge });
  }
}
