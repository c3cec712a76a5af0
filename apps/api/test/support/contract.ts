import { Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { readFileSync } from 'node:fs';

/** The checked-in contract, and the client types generated from it. */
export const DOCUMENT_FILE = new URL('../../../../docs/openapi.json', import.meta.url);
export const GENERATED_TYPES_FILE = new URL('./generated/api-schema.ts', import.meta.url);

interface ResponseObject {
  readonly content?: Record<string, { readonly schema: object }>;
}
interface Document {
  readonly paths: Record<string, Record<string, { responses: Record<string, ResponseObject> }>>;
}

const document = JSON.parse(readFileSync(DOCUMENT_FILE, 'utf8')) as Document;
const DOCUMENT_ID = 'openapi.json';
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);
ajv.addSchema(document, DOCUMENT_ID);

const validators = new Map<string, ValidateFunction>();
const escape = (segment: string): string => segment.replaceAll('~', '~0').replaceAll('/', '~1');

function validatorFor(path: string, method: string, status: string, mediaType: string) {
  const pointer = ['paths', path, method, 'responses', status, 'content', mediaType, 'schema']
    .map(escape)
    .join('/');
  let validate = validators.get(pointer);
  if (!validate) {
    validate = ajv.compile({ $ref: `${DOCUMENT_ID}#/${pointer}` });
    validators.set(pointer, validate);
  }
  return validate;
}

let enabled = false;
const violations: string[] = [];

/** Turns the checks on for the apps this test file starts (the e2e setup file does). */
export function checkContract(): void {
  enabled = true;
}

export function contractChecked(): boolean {
  return enabled;
}

/** What was found since the last call, and forgets it. */
export function takeContractViolations(): string[] {
  return violations.splice(0);
}

/** A response as the client received it, with the route (`/v1/orders/:id`) that answered. */
export interface ObservedResponse {
  readonly method: string;
  /** Undefined when no route matched. */
  readonly route: string | undefined;
  readonly status: number;
  readonly contentType: string | undefined;
  /** Undefined for a streamed body (static files). */
  readonly body: string | undefined;
}

/** How `response` breaks docs/openapi.json, if it does; responses of no documented operation pass. */
export function contractViolationsOf(response: ObservedResponse): string[] {
  if (response.route === undefined) return []; // no route matched: not an operation
  const path = response.route.replace(/:(\w+)/g, '{$1}');
  const method = response.method.toLowerCase();
  const operation = document.paths[path]?.[method];
  if (!operation) return []; // test-only routes, /docs, /openapi.json
  const name = `${response.method} ${path} → ${response.status}`;
  const status = String(response.status);
  const documented = operation.responses[status];
  if (!documented) {
    return [
      `${name}: status not documented (documented: ${Object.keys(operation.responses).join(', ')})`,
    ];
  }
  const { body } = response;
  if (!documented.content) {
    return body ? [`${name}: has a body, but the document describes none`] : [];
  }
  const contentType = response.contentType ?? '';
  const mediaType = contentType.split(';', 1)[0]?.trim() ?? '';
  if (!(mediaType in documented.content)) {
    return [`${name}: Content-Type ${contentType || '(none)'} is not documented`];
  }
  if (body === undefined || !mediaType.endsWith('json')) return [];
  const validate = validatorFor(path, method, status, mediaType);
  if (validate(JSON.parse(body))) return [];
  const errors = (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
  return [`${name}: body does not match the schema: ${errors.join('; ')} in ${body.slice(0, 500)}`];
}

function observed(
  request: FastifyRequest,
  reply: FastifyReply,
  payload: unknown,
): ObservedResponse {
  const contentType = reply.getHeader('content-type');
  return {
    method: request.method,
    route: request.routeOptions.url,
    status: reply.statusCode,
    contentType: contentType === undefined ? undefined : String(contentType),
    body:
      typeof payload === 'string'
        ? payload
        : Buffer.isBuffer(payload)
          ? payload.toString('utf8')
          : undefined,
  };
}

/**
 * Checks every response of a documented operation against docs/openapi.json: its status must be
 * listed, its Content-Type documented and its body valid against the schema. Violations are
 * collected here and fail the test (see contract.setup.ts), so the app and its document cannot
 * drift apart unnoticed.
 */
@Module({})
export class ContractCheckModule implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    fastify.addHook('onSend', (request, reply, payload, done) => {
      violations.push(...contractViolationsOf(observed(request, reply, payload)));
      done(null, payload);
    });
  }
}
