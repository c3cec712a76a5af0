import { describe, expect, it } from '@jest/globals';
import { pointersOf, validate } from '../../../test/support/validate.js';
import {
  changePasswordBody,
  loginBody,
  logoutBody,
  refreshBody,
  registerBody,
} from './auth.schemas.js';

const PASSWORD = 'correct horse battery staple';

describe('auth request schemas', () => {
  describe('registerBody', () => {
    it('lower-cases and trims the email, trims the name', async () => {
      await expect(
        validate(registerBody, { email: '  Ada@Example.COM ', password: PASSWORD, name: ' Ada ' }),
      ).resolves.toEqual({ value: { email: 'ada@example.com', password: PASSWORD, name: 'Ada' } });
    });

    it('takes a password as it is: never trimmed, counted in characters (128 emoji pass)', async () => {
      const padded = `  ${PASSWORD}  `;
      await expect(
        validate(registerBody, { email: 'a@example.com', password: padded }),
      ).resolves.toEqual({ value: { email: 'a@example.com', password: padded } });
      expect(
        await pointersOf(registerBody, { email: 'a@example.com', password: '🔑'.repeat(128) }),
      ).toEqual([]);
    });

    it.each<[string, object, string]>([
      ['a password of 11 characters', { password: 'x7!kq2#mv9z' }, '#/password'],
      ['a password of 129 characters', { password: 'x'.repeat(129) }, '#/password'],
      ['a password with NUL', { password: `${PASSWORD}\u0000` }, '#/password'],
      ['a malformed email', { email: 'not-an-email' }, '#/email'],
      ['an email over 254 characters', { email: `${'a'.repeat(250)}@example.com` }, '#/email'],
      ['a name over 100 characters', { name: 'n'.repeat(101) }, '#/name'],
      ['a role (mass assignment)', { role: 'admin' }, '#'],
      ['an id (mass assignment)', { id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b' }, '#'],
      ['a password hash (mass assignment)', { passwordHash: '$argon2id$v=19$x' }, '#'],
    ])('refuses %s, pointing at %s', async (_case, fields, pointer) => {
      const body = { email: 'a@example.com', password: PASSWORD, ...fields };
      expect(await pointersOf(registerBody, body)).toEqual([pointer]);
    });

    it('names the unknown field it refuses', async () => {
      const result = await validate(registerBody, {
        email: 'a@example.com',
        password: PASSWORD,
        passwordHash: 'x',
      });
      expect(JSON.stringify(result)).toContain('passwordHash');
    });
  });

  describe('loginBody and changePasswordBody: a presented password is only bounded', () => {
    it.each(['short', 'x'.repeat(1024), '   '])(
      'lets %j through, to be answered 401 if wrong',
      async (password) => {
        expect(await pointersOf(loginBody, { email: 'a@example.com', password })).toEqual([]);
      },
    );

    it.each([
      ['empty', ''],
      ['over 1024 characters (no hashing work for it)', 'x'.repeat(1025)],
    ])('refuses a presented password %s', async (_case, password) => {
      expect(await pointersOf(loginBody, { email: 'a@example.com', password })).toEqual([
        '#/password',
      ]);
      expect(
        await pointersOf(changePasswordBody, { currentPassword: password, newPassword: PASSWORD }),
      ).toEqual(['#/currentPassword']);
    });

    it('holds the new password to the rules of a new one', async () => {
      expect(
        await pointersOf(changePasswordBody, { currentPassword: 'old', newPassword: 'short' }),
      ).toEqual(['#/newPassword']);
    });
  });

  describe('refresh and logout', () => {
    it('needs a refresh token of 1 to 512 characters to refresh', async () => {
      expect(await pointersOf(refreshBody, { refreshToken: 'r'.repeat(512) })).toEqual([]);
      expect(await pointersOf(refreshBody, { refreshToken: '' })).toEqual(['#/refreshToken']);
      expect(await pointersOf(refreshBody, { refreshToken: 'r'.repeat(513) })).toEqual([
        '#/refreshToken',
      ]);
    });

    it('logs out with no body, an empty one, or a refresh token', async () => {
      for (const body of [undefined, {}, { refreshToken: 'r' }]) {
        expect(await pointersOf(logoutBody, body)).toEqual([]);
      }
      expect(await pointersOf(logoutBody, { everywhere: true })).toEqual(['#']);
    });
  });
});
