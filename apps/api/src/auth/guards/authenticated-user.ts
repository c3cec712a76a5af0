import type { Role } from '@libs/database';
import type { ApiKeyScope } from '../../api-keys/api-key-scopes.js';

/** A user signed in with an access token (a human session). */
export interface SessionUser {
  readonly kind: 'session';
  readonly id: string;
  readonly sessionId: string;
  /** Read from the database (briefly cached), not the token: a role change applies at once. */
  readonly role: Role;
}

/** A machine client calling with one of the user's API keys. */
export interface ApiKeyUser {
  readonly kind: 'api-key';
  readonly id: string;
  readonly apiKeyId: string;
  /** The key's scopes that its owner's current role still allows. */
  readonly scopes: readonly ApiKeyScope[];
  /** The owner's current role, read from the database on every request. */
  readonly role: Role;
}

/** Who a request acts for: resolved from the credential on each request. */
export type AuthenticatedUser = SessionUser | ApiKeyUser;
