import { z } from 'zod';
import { mfaChallengeResponse } from '../../mfa/dto/mfa.schemas.js';
import { type UserResponse, userResponse } from '../../users/dto/user.schemas.js';

export const tokenResponse = z
  .object({
    tokenType: z.literal('Bearer'),
    accessToken: z.string(),
    expiresIn: z.number().int().describe('Seconds until the access token expires'),
    refreshToken: z.string(),
    user: userResponse,
  })
  .meta({
    id: 'TokenResponse',
    examples: [
      {
        tokenType: 'Bearer',
        accessToken:
          'eyJhbGciOiJFZERTQSIsInR5cCI6ImF0K2p3dCIsImtpZCI6ImsxIn0.eyJzdWIiOiIuLi4ifQ.c2ln',
        expiresIn: 900,
        refreshToken: 'Xv3qP2dL8mN0rT5wY7zA1bC4eF6gH9jK2lM5nP8qR0s',
        user: {
          id: '01936f8e-5c3a-7b1e-9d2f-4a6b8c0d2e4f',
          email: 'ada@example.com',
          name: 'Ada Lovelace',
          role: 'user',
          emailVerified: false,
          createdAt: '2026-01-15T09:30:00.000Z',
          mfaEnabled: false,
        },
      },
    ],
  });

export interface TokenResponse {
  readonly tokenType: 'Bearer';
  readonly accessToken: string;
  readonly expiresIn: number;
  readonly refreshToken: string;
  readonly user: UserResponse;
}

/**
 * What a password sign-in answers: the tokens, or, when the account has multi-factor sign-in on,
 * the challenge to complete with POST /v1/auth/mfa/verify. Tell them apart by `mfaRequired`.
 */
export const loginResponse = z.union([tokenResponse, mfaChallengeResponse]).meta({
  id: 'LoginResponse',
  description: 'Tokens, or `mfaRequired: true` with an mfaToken when the account uses TOTP.',
});
