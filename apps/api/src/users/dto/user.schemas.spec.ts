import { describe, expect, it } from '@jest/globals';
import { pointersOf, validate } from '../../../test/support/validate.js';
import {
  adminUpdateUserBody,
  listUsersQuery,
  toUserResponse,
  updateMeBody,
} from './user.schemas.js';

describe('user schemas', () => {
  describe('updateMeBody', () => {
    it('changes only the name, trimmed', async () => {
      await expect(validate(updateMeBody, { name: '  Grace ' })).resolves.toEqual({
        value: { name: 'Grace' },
      });
    });

    it.each([{ role: 'admin' }, { email: 'x@example.com' }, { disabled: true }])(
      'refuses %j (mass assignment) at #',
      async (body) => {
        expect(await pointersOf(updateMeBody, body)).toEqual(['#']);
      },
    );

    it('refuses a name over 100 characters', async () => {
      expect(await pointersOf(updateMeBody, { name: 'n'.repeat(101) })).toEqual(['#/name']);
    });
  });

  describe('adminUpdateUserBody', () => {
    it('sets a role and the disabled flag', async () => {
      await expect(
        validate(adminUpdateUserBody, { role: 'admin', disabled: true }),
      ).resolves.toEqual({ value: { role: 'admin', disabled: true } });
    });

    it.each<[object, string]>([
      [{ role: 'root' }, '#/role'],
      [{ disabled: 'yes' }, '#/disabled'],
      [{ email: 'x@example.com' }, '#'],
      [{ passwordHash: 'x' }, '#'],
    ])('refuses %j at %s', async (body, pointer) => {
      expect(await pointersOf(adminUpdateUserBody, body)).toEqual([pointer]);
    });
  });

  describe('listUsersQuery', () => {
    it('trims the search and keeps the page defaults', async () => {
      await expect(validate(listUsersQuery, { q: ' ada ' }, 'query')).resolves.toEqual({
        value: { q: 'ada', limit: 20 },
      });
    });

    it.each<[object, string]>([
      [{ limit: '0' }, '#/limit'],
      [{ limit: '101' }, '#/limit'],
      [{ cursor: 'not-a-cursor' }, '#/cursor'],
      [{ offset: '3' }, '#'],
      [{ q: 'q'.repeat(101) }, '#/q'],
    ])('refuses %j at %s', async (query, pointer) => {
      expect(await pointersOf(listUsersQuery, query, 'query')).toEqual([pointer]);
    });
  });

  it('shows a user by its public fields only', () => {
    const record = {
      id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
      email: 'ada@example.com',
      name: 'Ada',
      role: 'user' as const,
      emailVerifiedAt: null,
      createdAt: new Date('2026-01-01T00:00:00.000Z'),
      mfaEnabled: true,
      passwordHash: '$argon2id$secret',
      disabled: false,
    };
    expect(toUserResponse(record)).toEqual({
      id: record.id,
      email: 'ada@example.com',
      name: 'Ada',
      role: 'user',
      emailVerified: false,
      createdAt: '2026-01-01T00:00:00.000Z',
      mfaEnabled: true,
    });
  });
});
