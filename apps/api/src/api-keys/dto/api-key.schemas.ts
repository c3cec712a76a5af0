import { z } from 'zod';
import { text } from '../../platform/validation/fields.js';
import { API_KEY_LENGTH, apiKeyDisplayPrefix } from '../api-key-format.js';
import { apiKeyScopeNames } from '../api-key-scopes.js';
import type { ApiKeyRecord } from '../api-keys.repository.js';

const scope = z.enum(apiKeyScopeNames);

export const createApiKeyBody = z.strictObject({
  name: text({ min: 1, max: 100 }).trim().min(1),
  scopes: z.array(scope).min(1).max(apiKeyScopeNames.length),
  /** When the key stops working; without it the key lives until revoked. */
  expiresAt: z.iso.datetime({ offset: true }).pipe(z.coerce.date()).optional(),
});

export const apiKeyIdParam = z.uuid();
export const userIdParam = z.uuid();

export const apiKeyResponse = z
  .object({
    id: z.uuid(),
    name: z.string(),
    scopes: z.array(scope),
    /** The public start of the key (prefix and key id), to tell keys apart. */
    prefix: z.string(),
    createdAt: z.iso.datetime(),
    lastUsedAt: z.iso.datetime().nullable(),
    expiresAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'ApiKey' });
export type ApiKeyResponse = z.infer<typeof apiKeyResponse>;

export const createdApiKeyResponse = apiKeyResponse
  .extend({
    /** The key itself: shown this once, never stored. */
    key: z.string().length(API_KEY_LENGTH),
  })
  .meta({ id: 'CreatedApiKey' });
export type CreatedApiKeyResponse = z.infer<typeof createdApiKeyResponse>;

export const apiKeyListResponse = z
  .object({ items: z.array(apiKeyResponse) })
  .meta({ id: 'ApiKeyList' });
export type ApiKeyListResponse = z.infer<typeof apiKeyListResponse>;

export function toApiKeyResponse(key: ApiKeyRecord): ApiKeyResponse {
  return {
    id: key.id,
    name: key.name,
    scopes: key.scopes.filter(
      (name): name is z.infer<typeof scope> => scope.safeParse(name).success,
    ),
    prefix: apiKeyDisplayPrefix(key.id),
    createdAt: key.createdAt.toISOString(),
    lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
    expiresAt: key.expiresAt?.toISOString() ?? null,
  };
}
