import { z } from 'zod';

/** RFC 9457 problem details as the OpenAPI document describes them (see ProblemDetails). */
export const problemSchema = z
  .object({
    type: z
      .string()
      .describe('`about:blank`, or the path of a page on this server that describes the problem'),
    title: z.string().describe('Short summary of the problem type'),
    status: z.int().min(400).max(599).describe('The HTTP status of the response'),
    detail: z.string().optional().describe('What went wrong with this request'),
    instance: z.string().optional().describe('The path of the request'),
    traceId: z.string().optional().describe('W3C trace id, for support requests'),
    errors: z
      .array(
        z.object({
          pointer: z.string().describe('JSON pointer into the request, e.g. `#/items/0/quantity`'),
          detail: z.string(),
        }),
      )
      .optional()
      .describe('Each invalid field of a validation error'),
  })
  .catchall(z.unknown());
