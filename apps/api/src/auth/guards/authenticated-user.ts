import type { Role } from '@libs/database';

/** Who a request acts for: resolved from the access token and the live session on each request. */
export interface AuthenticatedUser {
  readonly id: string;
  readonly sessionId: string;
  /** Read from the database (briefly cached), not the token: a role change applies at once. */
  readonly role: Role;
}
