import type { ArgumentMetadata } from '@nestjs/common';
import type { StandardSchemaV1 } from '@standard-schema/spec';
import type { FieldError } from '../../src/platform/problem/problem-details.js';
import { ProblemException } from '../../src/platform/problem/problem.exception.js';
import { SchemaValidationPipe } from '../../src/platform/validation/schema-validation.pipe.js';

const pipe = new SchemaValidationPipe();

/**
 * Runs a value through the validation pipe exactly as a route would (`@Body({ schema })` with
 * `type: 'body'`, `@Query({ schema })` with `type: 'query'`): the parsed value, or the field
 * errors of the 400 problem.
 */
export async function validate(
  schema: StandardSchemaV1,
  value: unknown,
  type: ArgumentMetadata['type'] = 'body',
): Promise<{ value: unknown } | { errors: readonly FieldError[] }> {
  try {
    return { value: await pipe.transform(value, { type, schema }) };
  } catch (error) {
    if (error instanceof ProblemException && error.problem.status === 400)
      return { errors: error.problem.errors ?? [] };
    throw error;
  }
}

/** The pointers of the field errors, or [] when the value passed. */
export async function pointersOf(
  schema: StandardSchemaV1,
  value: unknown,
  type: ArgumentMetadata['type'] = 'body',
): Promise<string[]> {
  const result = await validate(schema, value, type);
  return 'errors' in result ? result.errors.map((error) => error.pointer) : [];
}
