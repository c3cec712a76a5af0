import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Observable } from 'rxjs';
import type { AuthenticatedUser } from '../../auth/guards/authenticated-user.js';
import { type RequestActor, type RequestScope, runInRequest } from './request-context.js';

/** Longest user agent kept: enough to tell clients apart, bounded like every stored field. */
const USER_AGENT_MAX = 256;
// eslint-disable-next-line no-control-regex -- exactly what is removed
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/g;

function actorOf(user: AuthenticatedUser | undefined): RequestActor | null {
  if (!user) return null;
  return user.kind === 'api-key'
    ? { type: 'api_key', id: user.apiKeyId, userId: user.id }
    : { type: 'user', id: user.id };
}

/** The scope of an HTTP request: its id, the client (after trusted proxies) and the caller. */
export function requestScopeOf(
  request: FastifyRequest & { user?: AuthenticatedUser },
): RequestScope {
  const userAgent = request.headers['user-agent'];
  return {
    requestId: request.id,
    clientAddress: request.ip || null,
    userAgent:
      typeof userAgent === 'string'
        ? userAgent.replace(CONTROL_CHARACTERS, '').slice(0, USER_AGENT_MAX)
        : null,
    actor: actorOf(request.user),
  };
}

/**
 * Makes the request's scope available (`currentRequest()`) to everything the route handler
 * calls. An interceptor runs after the guards, so the authenticated caller is known.
 */
@Injectable()
export class RequestContextInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const scope = requestScopeOf(context.switchToHttp().getRequest());
    // handle() is called (and the handler started) inside the scope, so it carries over.
    return new Observable((subscriber) =>
      runInRequest(scope, () => next.handle().subscribe(subscriber)),
    );
  }
}
