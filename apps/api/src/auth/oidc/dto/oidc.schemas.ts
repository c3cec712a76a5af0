import { z } from 'zod';
import { text } from '../../../platform/validation/fields.js';
import { RETURN_TO_MAX_LENGTH } from '../return-to.js';

/** Matched against the configured providers only; an unknown name is a 404. */
export const providerParam = text({ min: 1, max: 64 }).describe(
  'Name of a configured identity provider',
);

export const authorizeQuery = z.strictObject({
  returnTo: text({ min: 1, max: RETURN_TO_MAX_LENGTH })
    .optional()
    .describe('Path on this site to return to after sign-in, e.g. /orders (relative only)'),
});
export type AuthorizeQuery = z.output<typeof authorizeQuery>;

/**
 * The provider's authorization response (RFC 6749 §4.1.2, RFC 9207). Providers may add
 * parameters of their own, so others are allowed, but each must be a single bounded string.
 */
export const callbackQuery = z
  .object({
    code: text({ max: 4096 }).optional(),
    state: text({ max: 512 }).optional(),
    iss: text({ max: 2048 }).optional().describe('Issuer identifier (RFC 9207)'),
    error: text({ max: 256 }).optional(),
    error_description: text({ max: 2048 }).optional(),
    error_uri: text({ max: 2048 }).optional(),
  })
  .catchall(text({ max: 4096 }));
export type CallbackQuery = z.output<typeof callbackQuery>;
