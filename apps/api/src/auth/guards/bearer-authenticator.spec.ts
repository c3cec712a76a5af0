import { beforeEach, describe, expect, it } from '@jest/globals';
import type { FastifyRequest } from 'fastify';
import type { ApiKeyPrincipal, ApiKeysService } from '../../api-keys/api-keys.service.js';
import type { SessionsService } from '../sessions/sessions.service.js';
import {
  type AccessTokenService,
  InvalidAccessTokenError,
} from '../tokens/access-token.service.js';
import { BearerAuthenticator, BearerError } from './bearer-authenticator.js';

const USER = '00000000-0000-4000-8000-0000000000a1';
const SESSION = '00000000-0000-4000-8000-0000000000b1';

/**
 * The authenticator decides which credential a bearer is and what a failure is called; its three
 * collaborators (each unit-tested on its own) are stood in for by what they answer.
 */
describe('BearerAuthenticator', () => {
  let verified: () => Promise<{ userId: string; sessionId: string; role: 'user' | 'admin' }>;
  let live: { userId: string; role: 'user' | 'admin' } | null;
  let key: ApiKeyPrincipal | null;
  let authenticator: BearerAuthenticator;

  beforeEach(() => {
    verified = () => Promise.resolve({ userId: USER, sessionId: SESSION, role: 'user' });
    live = { userId: USER, role: 'admin' };
    key = null;
    const tokens: Pick<AccessTokenService, 'verify'> = { verify: () => verified() };
    const sessions = { live: () => Promise.resolve(live) };
    const apiKeys: Pick<ApiKeysService, 'authenticate'> = {
      authenticate: () => Promise.resolve(key),
    };
    authenticator = new BearerAuthenticator(
      tokens as AccessTokenService,
      sessions as unknown as SessionsService,
      apiKeys as ApiKeysService,
    );
  });

  const withAuthorization = (authorization?: string): FastifyRequest =>
    ({ headers: authorization === undefined ? {} : { authorization } }) as FastifyRequest;

  const failure = async (authorization?: string): Promise<string> => {
    const error = await authenticator
      .authenticate(withAuthorization(authorization))
      .catch((e: unknown) => e);
    if (!(error instanceof BearerError)) throw new Error(`not a BearerError: ${String(error)}`);
    return error.failure;
  };

  it('reads the role from the live session, not from the token', async () => {
    await expect(authenticator.authenticate(withAuthorization('Bearer a.b.c'))).resolves.toEqual({
      kind: 'session',
      id: USER,
      sessionId: SESSION,
      role: 'admin',
    });
  });

  it('calls a missing header missing, and any other scheme or shape invalid', async () => {
    expect(await failure()).toBe('missing');
    for (const header of ['Basic dXNlcjpwdw==', 'Bearer', 'Bearer a b', 'bearer a.b.c']) {
      expect({ header, failure: await failure(header) }).toEqual({ header, failure: 'invalid' });
    }
  });

  it('refuses a token whose session ended, or belongs to someone else', async () => {
    live = null;
    expect(await failure('Bearer a.b.c')).toBe('session-ended');
    live = { userId: '00000000-0000-4000-8000-0000000000ff', role: 'user' };
    expect(await failure('Bearer a.b.c')).toBe('session-ended');
  });

  it('passes the reason a token was refused on to the challenge', async () => {
    verified = () => Promise.reject(new InvalidAccessTokenError('expired', 'expired'));
    expect(await failure('Bearer a.b.c')).toBe('expired');
  });

  it('lets an outage through as it is (a 503, not a 401)', async () => {
    const outage = new Error('connection refused');
    verified = () => Promise.reject(outage);
    await expect(authenticator.authenticate(withAuthorization('Bearer a.b.c'))).rejects.toBe(
      outage,
    );
  });

  it('takes a credential with the API key prefix as a key, with its scopes', async () => {
    key = { userId: USER, keyId: 'k1', role: 'user', scopes: ['orders:read'] };
    await expect(authenticator.authenticate(withAuthorization('Bearer sak_abc'))).resolves.toEqual({
      kind: 'api-key',
      id: USER,
      apiKeyId: 'k1',
      scopes: ['orders:read'],
      role: 'user',
    });
    key = null;
    expect(await failure('Bearer sak_abc')).toBe('api-key-refused');
  });
});
