import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { looksLikeApiKey } from '../../api-keys/api-key-format.js';
import { ApiKeysService } from '../../api-keys/api-keys.service.js';
import { SessionsService } from '../sessions/sessions.service.js';
import { AccessTokenService, InvalidAccessTokenError } from '../tokens/access-token.service.js';
import type { AuthenticatedUser } from './authenticated-user.js';
import type { BearerFailure } from './bearer-challenge.js';

/** Marks why authentication failed, for the problem detail and `WWW-Authenticate` challenge. */
export class BearerError extends Error {
  constructor(readonly failure: BearerFailure) {
    super(`bearer authentication failed: ${failure}`);
  }
}

function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  const match = header ? /^Bearer ([A-Za-z0-9._~+/-]+=*)$/.exec(header) : null;
  return match?.[1];
}

/**
 * Authenticates `Authorization: Bearer <credential>`. An access token needs a valid signature
 * from our keys and a session that is still live (so logout, password change and disabling take
 * effect at once). A credential with the API key prefix is an API key instead: see
 * ApiKeysService.authenticate. A provider of its app (not a process-wide passport strategy), so
 * two apps in one process (tests, a replica beside another) each check with their own keys.
 */
@Injectable()
export class BearerAuthenticator {
  constructor(
    private readonly accessTokens: AccessTokenService,
    private readonly sessions: SessionsService,
    private readonly apiKeys: ApiKeysService,
  ) {}

  async authenticate(request: FastifyRequest): Promise<AuthenticatedUser> {
    const token = bearerToken(request);
    // A header that is not `Bearer <token>` is a malformed token, not a missing one.
    if (!token) {
      throw new BearerError(request.headers.authorization === undefined ? 'missing' : 'invalid');
    }
    if (looksLikeApiKey(token)) return this.apiKeyUser(token);
    try {
      const claims = await this.accessTokens.verify(token);
      const session = await this.sessions.live(claims.sessionId);
      if (session?.userId !== claims.userId) throw new BearerError('session-ended');
      return {
        kind: 'session',
        id: claims.userId,
        sessionId: claims.sessionId,
        role: session.role,
      };
    } catch (error) {
      if (error instanceof InvalidAccessTokenError) throw new BearerError(error.reason);
      throw error;
    }
  }

  private async apiKeyUser(token: string): Promise<AuthenticatedUser> {
    const key = await this.apiKeys.authenticate(token);
    if (!key) throw new BearerError('api-key-refused');
    return {
      kind: 'api-key',
      id: key.userId,
      apiKeyId: key.keyId,
      scopes: key.scopes,
      role: key.role,
    };
  }
}
