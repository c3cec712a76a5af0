import { type ArgumentMetadata, Injectable, StandardSchemaValidationPipe } from '@nestjs/common';
import type { StandardSchemaV1 } from '@standard-schema/spec';
import { ERROR_CODES } from '../errors/error-codes.js';
import { problem, toJsonPointer } from '../problem/problem-details.js';
import { ProblemException } from '../problem/problem.exception.js';

class SchemaIssues extends Error {
  constructor(readonly issues: readonly StandardSchemaV1.Issue[]) {
    super('schema validation failed');
  }
}

function segmentKey(segment: PropertyKey | StandardSchemaV1.PathSegment): PropertyKey {
  return typeof segment === 'object' ? segment.key : segment;
}

/**
 * Validates every `@Body/@Query/@Param({ schema })` with its zod schema (Nest's Standard Schema
 * pipe) and answers failures as a 400 problem whose `errors` point at each bad field:
 * `#/items/0/quantity` in the body, `#/limit` in the query string.
 */
@Injectable()
export class SchemaValidationPipe extends StandardSchemaValidationPipe {
  constructor() {
    super({ transform: true, exceptionFactory: (issues) => new SchemaIssues(issues) });
  }

  override async transform<T>(value: T, metadata: ArgumentMetadata): Promise<T> {
    try {
      return await super.transform(value, metadata);
    } catch (error) {
      if (!(error instanceof SchemaIssues)) throw error;
      // `@Query('limit', { schema })` validates one value: its issues carry no path of their own.
      const prefix = typeof metadata.data === 'string' ? [metadata.data] : [];
      const where = metadata.type === 'body' ? 'body' : `${metadata.type} parameters`;
      throw new ProblemException(
        problem(400, {
          type: ERROR_CODES.validation_failed.type,
          title: ERROR_CODES.validation_failed.title,
          detail: `The request ${where} did not pass validation.`,
          errors: error.issues.map((issue) => ({
            pointer: toJsonPointer([...prefix, ...(issue.path ?? []).map(segmentKey)]),
            detail: issue.message,
          })),
        }),
      );
    }
  }
}
