import type { InvalidTokenReason } from '../tokens/access-token.service.js';

/** Why a request did not authenticate: no token, a token we refuse, or a session that ended. */
export type BearerFailure = 'missing' | InvalidTokenReason | 'session-ended' | 'api-key-refused';

const DETAILS: Readonly<Record<Exclude<BearerFailure, 'missing'>, string>> = {
  expired: 'The access token has expired: get a new one from POST /v1/auth/refresh',
  'unknown-key':
    'The access token was not signed by a key this server holds (another server issued it, or its key was replaced since): sign in again',
  invalid: 'The access token is malformed or not an access token of this API',
  'session-ended':
    'The session of this access token has ended (logout, password change or disabled account): sign in again',
  'api-key-refused':
    'The API key is not valid (mistyped, revoked or expired, or its owner is disabled)',
};

/**
 * The problem detail and `WWW-Authenticate` challenge of a 401 (RFC 6750 §3): a missing token
 * gets a bare challenge; a refused one names why, so a client knows to refresh or sign in again.
 */
export function bearerChallenge(failure: BearerFailure): { detail: string; challenge: string } {
  if (failure === 'missing') {
    return { detail: 'This route needs a bearer access token.', challenge: 'Bearer realm="api"' };
  }
  const description = DETAILS[failure];
  return {
    detail: `${description}.`,
    challenge: `Bearer realm="api", error="invalid_token", error_description="${description}"`,
  };
}
