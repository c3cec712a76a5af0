import { z } from 'zod';

/** NUL breaks C-string consumers and PostgreSQL text; lone surrogates are not valid Unicode. */
// eslint-disable-next-line no-control-regex -- matching NUL is the point
const UNSAFE_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * A length-bounded string without NUL characters or lone surrogates: every string a client
 * sends goes through this.
 */
export function text({ min = 0, max }: { min?: number; max: number }): z.ZodString {
  return z
    .string()
    .min(min)
    .max(max)
    .refine((value) => !UNSAFE_TEXT.test(value), {
      message: 'must not contain NUL characters or unpaired surrogates',
    });
}
