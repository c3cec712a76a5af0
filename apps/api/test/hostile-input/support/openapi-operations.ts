import type { Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { JsonSchema } from './json-schema-arbitrary.js';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface Parameter {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header';
  readonly required: boolean;
  readonly schema: JsonSchema;
}

/** One route of the OpenAPI document, as the fuzzer needs it. */
export interface Operation {
  readonly method: HttpMethod;
  /** OpenAPI template, e.g. /v1/users/{id}. */
  readonly path: string;
  readonly parameters: readonly Parameter[];
  /** JSON body schema, when the route takes one. */
  readonly body: JsonSchema | undefined;
  /** Whether it asks for a bearer token. */
  readonly secured: boolean;
}

interface OpenApiOperation {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  security?: unknown[];
}

interface OpenApiDocument {
  paths: Record<string, Partial<Record<HttpMethod, OpenApiOperation>>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

const METHODS: readonly HttpMethod[] = ['get', 'post', 'put', 'patch', 'delete'];

/** Replaces `{"$ref": "#/components/schemas/X"}` by X, everywhere. */
function dereference(value: unknown, schemas: Record<string, JsonSchema>): unknown {
  if (Array.isArray(value)) return value.map((item) => dereference(item, schemas));
  if (typeof value !== 'object' || value === null) return value;
  const ref = (value as { $ref?: unknown }).$ref;
  if (typeof ref === 'string') {
    return dereference(schemas[ref.replace('#/components/schemas/', '')] ?? {}, schemas);
  }
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [key, dereference(inner, schemas)]),
  );
}

/** Every operation of the document: new routes are fuzzed as soon as they are documented. */
export function operationsOf(document: unknown): Operation[] {
  const doc = document as OpenApiDocument;
  const schemas = doc.components?.schemas ?? {};
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    METHODS.flatMap((method) => {
      const operation = item[method];
      if (!operation) return [];
      const resolved = dereference(operation, schemas) as OpenApiOperation;
      return [
        {
          method,
          path,
          parameters: (resolved.parameters ?? []).map((p) => ({
            name: p.name,
            in: p.in,
            required: p.required,
            schema: p.schema,
          })),
          body: resolved.requestBody?.content?.['application/json']?.schema,
          secured: (resolved.security ?? []).length > 0,
        },
      ];
    }),
  );
}

export const routeName = (operation: Operation): string =>
  `${operation.method.toUpperCase()} ${operation.path}`;

/** `request(server)[method](url)`, for a method chosen at run time. */
export function requestTo(server: Server, method: HttpMethod, url: string): request.Test {
  const agent = request(server);
  return agent[method](url);
}

/** The operation's path with every parameter replaced by `value` (a fresh UUID by default). */
export const fillPath = (operation: Operation, value?: string): string =>
  operation.path.replaceAll(/\{[^}]+\}/g, () => value ?? randomUUID());
