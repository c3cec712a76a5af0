import { z } from 'zod';
import { pageQuery, pageSchema } from '../../platform/pagination/cursor.js';
import { text } from '../../platform/validation/fields.js';
import type { UserRecord } from '../users.repository.js';

/** Trimmed, lower-cased (emails compare case-insensitively), at most 254 characters. */
export const email = text({ max: 320 })
  .trim()
  .toLowerCase()
  .pipe(z.email().max(254))
  .meta({ format: 'email', example: 'ada@example.com' });

export const displayName = text({ max: 100 }).trim();

export const userResponse = z
  .object({
    id: z.uuid(),
    email: z.email(),
    name: z.string(),
    role: z.enum(['user', 'admin']),
    emailVerified: z.boolean().meta({
      description:
        'Whether the owner proved the address is theirs (the token of the verification mail, or a provider that vouched for it).',
    }),
    createdAt: z.iso.datetime(),
    mfaEnabled: z
      .boolean()
      .describe('A password sign-in asks for a code of the authenticator app (TOTP is on)'),
  })
  .meta({
    id: 'User',
    examples: [
      {
        id: '01936f8e-5c3a-7b1e-9d2f-4a6b8c0d2e4f',
        email: 'ada@example.com',
        name: 'Ada Lovelace',
        role: 'user',
        emailVerified: true,
        createdAt: '2026-01-15T09:30:00.000Z',
        mfaEnabled: false,
      },
    ],
  });
export type UserResponse = z.infer<typeof userResponse>;
export const userPage = pageSchema(userResponse, 'UserPage');

export const updateMeBody = z.strictObject({ name: displayName.optional() });
export const adminUpdateUserBody = z.strictObject({
  role: z.enum(['user', 'admin']).optional(),
  disabled: z.boolean().optional(),
});
export const listUsersQuery = pageQuery.extend({ q: text({ max: 100 }).trim().optional() });
export const userIdParam = z.uuid();

export function toUserResponse(user: UserRecord): UserResponse {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    emailVerified: user.emailVerifiedAt !== null,
    createdAt: user.createdAt.toISOString(),
    mfaEnabled: user.mfaEnabled,
  };
}
