import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  DocumentBuilder,
  type OpenAPIObject,
  type StandardSchemaConverter,
  SwaggerModule,
} from '@nestjs/swagger';
import { z } from 'zod';
import { describeProblems } from './problem-responses.js';
import { problemSchema } from './problem-schema.js';

export const OPENAPI_JSON_PATH = '/openapi.json';
export const DOCS_PATH = '/docs';

function toJsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  return z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' });
}

/**
 * zod schemas given to `@Body/@Query/@Param({ schema })` and `@ApiResponse({ standardSchema })`
 * become JSON Schema 2020-12 (OAS 3.1). Schemas named with `.meta({ id })` land in
 * `components.schemas` (Nest rewrites their `#/$defs/` references to point there).
 */
const zodToOpenApi: StandardSchemaConverter = (schema, { schemaType }) => {
  if (!(schema instanceof z.ZodType)) return undefined;
  const { $schema: _dialect, $defs, ...jsonSchema } = toJsonSchema(schema, schemaType);
  return { schema: jsonSchema, components: $defs as Record<string, unknown> | undefined };
};

const DESCRIPTION = `Users, catalog and orders.

Errors are RFC 9457 problem details (\`application/problem+json\`); each problem \`type\` other
than \`about:blank\` is a URI on this server that describes the problem (e.g.
[/problems/validation-error](/problems/validation-error)). Conventions (pagination, ETags,
idempotency, authentication, rate limits) are described in the repository's docs/api.md.`;

export function buildOpenApiDocument(app: NestFastifyApplication, version: string): OpenAPIObject {
  const config = new DocumentBuilder()
    .setOpenAPIVersion('3.1.0')
    .setTitle('API')
    .setDescription(DESCRIPTION)
    .setVersion(version)
    .setLicense('MIT', 'https://opensource.org/license/mit')
    .addServer('/', 'This server')
    .addBearerAuth({
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
      description: 'An access token from `/v1/auth/login`, `/register` or `/refresh` (15 min).',
    })
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    standardSchemaConverter: zodToOpenApi,
  });
  const { $schema: _dialect, ...problem } = toJsonSchema(problemSchema, 'output');
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, Problem: problem },
  };
  describeProblems(document);
  return document;
}

/** Serves the OpenAPI document at /openapi.json and a Swagger UI at /docs. */
export function setupOpenApi(app: NestFastifyApplication, version: string): void {
  SwaggerModule.setup(DOCS_PATH.slice(1), app, () => buildOpenApiDocument(app, version), {
    jsonDocumentUrl: OPENAPI_JSON_PATH.slice(1),
    raw: ['json'],
    customSiteTitle: 'API docs',
  });
}
