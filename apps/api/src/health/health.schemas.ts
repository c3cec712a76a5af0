import { z } from 'zod';

export const liveResponse = z.object({ status: z.literal('ok') });

const checks = z
  .record(z.string(), z.object({ status: z.string() }).catchall(z.unknown()))
  .describe('One entry per dependency checked (database, redis)');

/** What @nestjs/terminus answers when every check passed. */
export const readyResponse = z.object({
  status: z.literal('ok'),
  info: checks.optional(),
  error: checks.optional(),
  details: checks,
});
