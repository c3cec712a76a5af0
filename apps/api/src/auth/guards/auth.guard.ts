import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
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
import { BearerAuthenticator, BearerError } from './bearer-authenticator.js';

/**
 * The global guard: every route needs a valid bearer credential unless marked `@Public()`, and
 * `@Roles(...)` further restricts it. API keys only reach routes whose `@Scopes(...)` they hold.
 * Deny by default, so a new route is never open by accident, to people or to machines.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly bearer: BearerAuthenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context
      .switchToHttp()
      .getRequest<FastifyRequest & { user?: AuthenticatedUser }>();
    const user = await this.authenticate(request);
    request.user = user;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
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

  /** A refused credential is a 401 with its challenge; anything else (an outage) keeps its answer. */
  private async authenticate(request: FastifyRequest): Promise<AuthenticatedUser> {
    try {
      return await this.bearer.authenticate(request);
    } catch (error) {
      if (!(error instanceof BearerError)) throw error;
      const { detail, challenge } = bearerChallenge(error.failure);
      throw new ProblemException(problem(401, { detail }), { 'www-authenticate': challenge });
    }
  }
}
