import { describe, expect, it } from '@jest/globals';
import { pointersOf, validate } from '../../../test/support/validate.js';
import { apiKeyDisplayPrefix } from '../api-key-format.js';
import { createApiKeyBody, toApiKeyResponse } from './api-key.schemas.js';

describe('API key schemas', () => {
  describe('createApiKeyBody', () => {
    it('trims the name and reads the expiry, with its offset, as a Date', async () => {
      await expect(
        validate(createApiKeyBody, {
          name: ' ci ',
          scopes: ['orders:read'],
          expiresAt: '2026-06-01T12:00:00+02:00',
        }),
      ).resolves.toEqual({
        value: {
          name: 'ci',
          scopes: ['orders:read'],
          expiresAt: new Date('2026-06-01T10:00:00.000Z'),
        },
      });
    });

    it.each<[object, string]>([
      [{ scopes: [] }, '#/scopes'],
      [{ scopes: ['orders:delete'] }, '#/scopes/0'],
      [{ name: '   ' }, '#/name'],
      [{ name: 'n'.repeat(101) }, '#/name'],
      [{ expiresAt: 'tomorrow' }, '#/expiresAt'],
      [{ expiresAt: '2026-06-01' }, '#/expiresAt'],
      [{ role: 'admin' }, '#'],
    ])('refuses %j at %s', async (fields, pointer) => {
      const body = { name: 'ci', scopes: ['orders:read'], ...fields };
      expect(await pointersOf(createApiKeyBody, body)).toEqual([pointer]);
    });
  });

  it('shows a key by its public part, dropping scopes this version no longer knows', () => {
    const id = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
    const response = toApiKeyResponse({
      id,
      userId: 'u',
      name: 'ci',
      scopes: ['orders:read', 'retired:scope'],
      createdAt: new Date('2026-01-01T00:00:00.000Z'),
      lastUsedAt: null,
      expiresAt: new Date('2026-02-01T00:00:00.000Z'),
    });
    expect(response).toEqual({
      id,
      name: 'ci',
      scopes: ['orders:read'],
      prefix: apiKeyDisplayPrefix(id),
      createdAt: '2026-01-01T00:00:00.000Z',
      lastUsedAt: null,
      expiresAt: '2026-02-01T00:00:00.000Z',
    });
  });
});
