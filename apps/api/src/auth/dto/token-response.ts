import { z } from 'zod';
import { type UserResponse, userResponse } from '../../users/dto/user.schemas.js';

export const tokenResponse = z
  .object({
    tokenType: z.literal('Bearer'),
    accessToken: z.string(),
    expiresIn: z.number().int().describe('Seconds until the access token expires'),
    refreshToken: z.string(),
    user: userResponse,
  })
  .meta({ id: 'TokenResponse' });

export interface TokenResponse {
  readonly tokenType: 'Bearer';
  readonly accessToken: string;
  readonly expiresIn: number;
  readonly refreshToken: string;
  readonly user: UserResponse;
}
