import { describe, expect, it } from '@jest/globals';
import type { OpenAPIObject } from '@nestjs/swagger';
import { ERROR_CODES } from '../errors/error-codes.js';
import { PROBLEM_CONTENT_TYPE } from '../problem/problem-details.js';
import { PLATFORM_PROBLEMS, describeProblems } from './problem-responses.js';

type Operation = Record<string, unknown> & { responses: Record<string, Record<string, unknown>> };

/** Runs describeProblems on a document of one operation and returns that operation. */
function described(path: string, operation: object, method = 'post'): Operation {
  const document = {
    openapi: '3.1.0',
    info: { title: 't', version: '1' },
    paths: { [path]: { [method]: { responses: {}, ...operation } } },
  } as unknown as OpenAPIObject;
  describeProblems(document);
  return (document.paths[path] as Record<string, Operation>)[method]!;
}

/** The problem types a response of `status` narrows to. */
function typesAt(operation: Operation, status: number): unknown {
  const response = operation.responses[String(status)] as
    | {
        content: Record<
          string,
          { schema: { allOf: [unknown, { properties: { type: { enum: string[] } } }] } }
        >;
      }
    | undefined;
  return response?.content[PROBLEM_CONTENT_TYPE]?.schema.allOf[1].properties.type.enum;
}

const statuses = (operation: Operation): string[] => Object.keys(operation.responses).sort();

describe('describeProblems', () => {
  it('gives a public route without input only what every route can answer', () => {
    const operation = described('/v1/things', { responses: { 200: { description: '' } } }, 'get');
    expect(statuses(operation)).toEqual(['200', '400', '415', '429']);
    expect(typesAt(operation, 400)).toEqual(['about:blank']);
    expect(operation.security).toEqual([]);
  });

  it('adds the validation problem to a route with parameters, next to the plain 400', () => {
    const operation = described('/v1/things', { parameters: [{ in: 'query' }] }, 'get');
    expect(typesAt(operation, 400)).toEqual(['about:blank', ERROR_CODES.validation_failed.type]);
    expect(operation.responses['413']).toBeUndefined();
  });

  it('adds validation and 413 to a route with a body', () => {
    const operation = described('/v1/things', { requestBody: {} });
    expect(statuses(operation)).toEqual(['400', '413', '415', '429']);
    expect(typesAt(operation, 400)).toContain(ERROR_CODES.validation_failed.type);
    expect(typesAt(operation, 413)).toEqual([PLATFORM_PROBLEMS.bodyTooLarge.type]);
  });

  it('adds 401 (with WWW-Authenticate), 403 and 503 (with Retry-After) to a secured route', () => {
    const operation = described('/v1/things', { security: [{ bearer: [] }] }, 'get');
    expect(statuses(operation)).toEqual(['400', '401', '403', '415', '429', '503']);
    expect(operation.responses['401']?.headers).toHaveProperty('WWW-Authenticate');
    expect(typesAt(operation, 403)).toEqual([ERROR_CODES.forbidden.type]);
    expect(typesAt(operation, 503)).toEqual([ERROR_CODES.dependency_unavailable.type]);
    expect(operation.responses['503']?.headers).toHaveProperty('Retry-After');
    expect(operation.security).toEqual([{ bearer: [] }]);
  });

  it('documents the rate-limit headers on 429, and no 429 on health routes', () => {
    const limited = described('/v1/things', {}, 'get');
    expect(Object.keys(limited.responses['429']?.headers as object).sort()).toEqual([
      'RateLimit-Limit',
      'RateLimit-Remaining',
      'RateLimit-Reset',
      'Retry-After',
    ]);
    expect(described('/health/ready', {}, 'get').responses['429']).toBeUndefined();
  });

  it("merges a route's own problems into the implied ones by status, each type once", () => {
    const operation = described('/v1/users', {
      requestBody: {},
      'x-problems': [ERROR_CODES.email_taken, ERROR_CODES.weak_password, ERROR_CODES.weak_password],
    });
    expect(operation['x-problems']).toBeUndefined();
    expect(typesAt(operation, 409)).toEqual([ERROR_CODES.email_taken.type]);
    expect(typesAt(operation, 400)).toEqual([
      ERROR_CODES.weak_password.type,
      'about:blank',
      ERROR_CODES.validation_failed.type,
    ]);
    const response = operation.responses['400'] as {
      description: string;
      content: Record<string, { examples: Record<string, { value: object }> }>;
    };
    expect(response.description).toBe(
      `${ERROR_CODES.weak_password.title} (\`${ERROR_CODES.weak_password.type}\`); Bad Request (\`about:blank\`); ${ERROR_CODES.validation_failed.title} (\`${ERROR_CODES.validation_failed.type}\`)`,
    );
    // Examples are keyed by the type's slug, about:blank as about-blank.
    expect(response.content[PROBLEM_CONTENT_TYPE]?.examples).toEqual({
      'weak-password': {
        summary: ERROR_CODES.weak_password.title,
        value: {
          type: ERROR_CODES.weak_password.type,
          title: ERROR_CODES.weak_password.title,
          status: 400,
        },
      },
      'about-blank': {
        summary: 'Bad Request',
        value: { type: 'about:blank', title: 'Bad Request', status: 400 },
      },
      'validation-error': {
        summary: ERROR_CODES.validation_failed.title,
        value: {
          type: ERROR_CODES.validation_failed.type,
          title: ERROR_CODES.validation_failed.title,
          status: 400,
        },
      },
    });
  });

  it('narrows each problem response to its status', () => {
    const operation = described('/v1/things', {});
    const schema = (
      operation.responses['415'] as {
        content: Record<string, { schema: { allOf: unknown[] } }>;
      }
    ).content[PROBLEM_CONTENT_TYPE]?.schema;
    expect(schema?.allOf).toEqual([
      { $ref: '#/components/schemas/Problem' },
      { properties: { type: { enum: ['about:blank'] }, status: { const: 415 } } },
    ]);
  });

  it('titles success responses declared without a description by their status, keeps given ones', () => {
    const operation = described('/v1/things', {
      responses: { 201: { description: '' }, 202: {}, 200: { description: 'The thing' } },
    });
    expect(operation.responses['201']?.description).toBe('Created');
    expect(operation.responses['202']?.description).toBe('Accepted');
    expect(operation.responses['200']?.description).toBe('The thing');
  });

  it('completes every method of a path, and leaves other keys of the path alone', () => {
    const document = {
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
      paths: {
        '/v1/things/{id}': {
          parameters: [{ in: 'path' }],
          get: { responses: {} },
          delete: { responses: {}, security: [{ bearer: [] }] },
        },
      },
    } as unknown as OpenAPIObject;
    describeProblems(document);
    const item = document.paths['/v1/things/{id}'] as unknown as Record<string, Operation>;
    expect(statuses(item.get!)).toEqual(['400', '415', '429']);
    expect(statuses(item.delete!)).toContain('401');
    expect(item.parameters).toEqual([{ in: 'path' }]);
  });
});
