import { type ExecutionContext, createParamDecorator } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { AuthenticatedUser, SessionUser } from '../guards/authenticated-user.js';

function userOf(context: ExecutionContext): AuthenticatedUser {
  const request = context
    .switchToHttp()
    .getRequest<FastifyRequest & { user?: AuthenticatedUser }>();
  if (!request.user) throw new Error('CurrentUser used on a public route');
  return request.user;
}

/** The user the bearer credential (access token or API key) belongs to (set by the guard). */
export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthenticatedUser => userOf(context),
);

/**
 * The signed-in user of a route about the session itself (logout, password change). Such routes
 * declare no @Scopes, so the guard never lets an API key reach them.
 */
export const CurrentSession = createParamDecorator(
  (_data: unknown, context: ExecutionContext): SessionUser => {
    const user = userOf(context);
    if (user.kind !== 'session') throw new Error('CurrentSession used on a route open to API keys');
    return user;
  },
);
