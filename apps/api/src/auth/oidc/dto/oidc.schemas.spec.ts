import { describe, expect, it } from '@jest/globals';
import { pointersOf, validate } from '../../../../test/support/validate.js';
import { authorizeQuery, callbackQuery, providerParam } from './oidc.schemas.js';

describe('OIDC request schemas', () => {
  describe('providerParam', () => {
    it.each<[string, string, boolean]>([
      ['accepts a provider name', 'corp', true],
      ['accepts 64 characters', 'p'.repeat(64), true],
      ['refuses an empty name', '', false],
      ['refuses 65 characters', 'p'.repeat(65), false],
      ['refuses a NUL', 'co\u0000rp', false],
    ])('%s', async (_case, name, passes) => {
      const pointers = await pointersOf(providerParam, name, 'param');
      expect(pointers.length === 0).toBe(passes);
    });
  });

  describe('authorizeQuery', () => {
    it('takes no parameter, or a returnTo as it is (isSafeReturnTo judges it)', async () => {
      await expect(validate(authorizeQuery, {}, 'query')).resolves.toEqual({ value: {} });
      await expect(
        validate(authorizeQuery, { returnTo: '/orders?tab=open' }, 'query'),
      ).resolves.toEqual({ value: { returnTo: '/orders?tab=open' } });
    });

    it.each<[string, Record<string, unknown>, string]>([
      ['an empty returnTo', { returnTo: '' }, '#/returnTo'],
      ['a returnTo over 512 characters', { returnTo: `/${'x'.repeat(512)}` }, '#/returnTo'],
      ['a returnTo sent twice', { returnTo: ['/a', '/b'] }, '#/returnTo'],
      ['a parameter of the provider’s (prompt)', { prompt: 'none' }, '#'],
    ])('refuses %s', async (_case, query, pointer) => {
      expect(await pointersOf(authorizeQuery, query, 'query')).toEqual([pointer]);
    });
  });

  describe('callbackQuery', () => {
    it('takes the authorization response, and parameters a provider adds of its own', async () => {
      const query = {
        code: 'c0de',
        state: 's7ate',
        iss: 'https://id.example.com',
        session_state: 'abc',
      };
      await expect(validate(callbackQuery, query, 'query')).resolves.toEqual({ value: query });
    });

    it('takes an error response without a code', async () => {
      const query = { error: 'access_denied', error_description: 'no', state: 's' };
      expect(await pointersOf(callbackQuery, query, 'query')).toEqual([]);
    });

    it.each<[string, Record<string, unknown>, string]>([
      ['a code over 4096 characters', { code: 'c'.repeat(4097) }, '#/code'],
      ['a state over 512 characters', { state: 's'.repeat(513) }, '#/state'],
      ['an iss over 2048 characters', { iss: 'i'.repeat(2049) }, '#/iss'],
      ['an error over 256 characters', { error: 'e'.repeat(257) }, '#/error'],
      ['a code sent twice', { code: ['a', 'b'] }, '#/code'],
      ['a state with a NUL', { state: 'a\u0000b' }, '#/state'],
      ['a provider parameter sent twice', { session_state: ['a', 'b'] }, '#/session_state'],
      ['a provider parameter over 4096 characters', { extra: 'x'.repeat(4097) }, '#/extra'],
    ])('refuses %s', async (_case, query, pointer) => {
      expect(await pointersOf(callbackQuery, query, 'query')).toEqual([pointer]);
    });
  });
});
