import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { Strategy } from 'passport-custom';
import { SessionsService } from '../sessions/sessions.service.js';
import { AccessTokenService, InvalidAccessTokenError } from '../tokens/access-token.service.js';
import type { AuthenticatedUser } from './authenticated-user.js';

export const JWT_STRATEGY = 'jwt';

/** Marks why authentication failed, for the `WWW-Authenticate` challenge. */
export class BearerError extends Error {
  constructor(readonly tokenPresent: boolean) {
    super(tokenPresent ? 'invalid token' : 'missing token');
  }
}

function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  const match = header ? /^Bearer ([A-Za-z0-9._~+/-]+=*)$/.exec(header) : null;
  return match?.[1];
}

/**
 * Authenticates `Authorization: Bearer <access token>`: a valid signature from our keys, and a
 * session that is still live (so logout, password change and disabling take effect at once).
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, JWT_STRATEGY) {
  constructor(
    private readonly accessTokens: AccessTokenService,
    private readonly sessions: SessionsService,
  ) {
    super();
  }

  async validate(request: FastifyRequest): Promise<AuthenticatedUser> {
    const token = bearerToken(request);
    if (!token) throw new BearerError(request.headers.authorization !== undefined);
    try {
      const claims = await this.accessTokens.verify(token);
      const session = await this.sessions.live(claims.sessionId);
      if (session?.userId !== claims.userId) throw new BearerError(true);
      return { id: claims.userId, sessionId: claims.sessionId, role: session.role };
    } catch (error) {
      if (error instanceof InvalidAccessTokenError) throw new BearerError(true);
      throw error;
    }
  }
}
