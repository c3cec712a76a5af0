import { type ExecutionContext, createParamDecorator } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ERROR_CODES } from '../errors/error-codes.js';
import { problem } from '../problem/problem-details.js';
import { ProblemException } from '../problem/problem.exception.js';

/** Printable ASCII, 1–255 characters (a UUID is a good key). */
export const idempotencyKey = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[\x20-\x7E]+$/);

/**
 * The request's `Idempotency-Key` header, required and validated like a field: a bad or missing
 * key is a 400, checked before any work (so a refused request does not consume the key).
 */
export const IdempotencyKey = createParamDecorator((_: unknown, context: ExecutionContext) =>
  idempotencyKeyOf(context.switchToHttp().getRequest<FastifyRequest>().headers['idempotency-key']),
);

/** The key in an `Idempotency-Key` header as received, or a 400 problem. */
export function idempotencyKeyOf(header: string | string[] | undefined): string {
  const parsed = idempotencyKey.safeParse(header);
  if (parsed.success) return parsed.data;
  throw new ProblemException(
    problem(400, {
      type: ERROR_CODES.validation_failed.type,
      title: ERROR_CODES.validation_failed.title,
      detail: 'The Idempotency-Key header is required: 1 to 255 printable ASCII characters.',
    }),
  );
}
