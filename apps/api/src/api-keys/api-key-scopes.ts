import type { Role } from '@libs/database';

/**
 * What an API key may be granted, and the least role its owner needs for each: a key never
 * does more than its owner's role allows (routes keep their @Roles check as well).
 */
export const API_KEY_SCOPES = {
  'orders:read': 'user',
  'orders:write': 'user',
  'products:write': 'admin',
  'users:read': 'user',
} as const satisfies Record<string, Role>;

export type ApiKeyScope = keyof typeof API_KEY_SCOPES;
export const apiKeyScopeNames = Object.keys(API_KEY_SCOPES) as [ApiKeyScope, ...ApiKeyScope[]];

export function roleAllowsScope(role: Role, scope: ApiKeyScope): boolean {
  return API_KEY_SCOPES[scope] === 'user' || role === 'admin';
}
