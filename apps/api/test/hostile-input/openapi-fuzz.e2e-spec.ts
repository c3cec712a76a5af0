import { afterAll, describe, expect, it } from '@jest/globals';
import { workerDatabaseUrl } from '@libs/testing';
import fc from 'fast-check';
import type { IncomingMessage, ServerResponse } from 'node:http';
import request from 'supertest';
import { startTestApp } from '../support/test-app.js';
import { CALLERS, type Caller, Callers } from './support/callers.js';
import { DatabaseFingerprint, changedTables } from './support/database-fingerprint.js';
import {
  HOSTILE_STRINGS,
  type JsonSchema,
  breakingValue,
  validValue,
} from './support/json-schema-arbitrary.js';
import {
  type Operation,
  type Parameter,
  operationsOf,
  requestTo,
  routeName,
} from './support/openapi-operations.js';
import { type QueryValue, hostileQueryValue } from './support/parameter-values.js';

/**
 * Property-based fuzzing of every route the OpenAPI document lists, with schema-valid and
 * schema-breaking bodies, parameters and headers, as every kind of caller; then each query
 * parameter on its own with long, NUL-bearing, wrongly shaped and repeated values. Any 5xx the
 * server sends during the run fails the suite. Deterministic: a fixed seed and run count
 * (override with FUZZ_SEED / FUZZ_RUNS to explore further locally).
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20_230_607);
const RUNS = Number(process.env.FUZZ_RUNS ?? 15);

const PROBLEM = /^application\/problem\+json/;
/** Nothing secret ever leaves the service. */
const SECRETS = /passwordHash|password_hash|token_hash|tokenHash|\$argon2|"d":"/;
/**
 * Rejections that are recorded on purpose: an order refused for stock or currency is kept under
 * its Idempotency-Key so a retry gets the same answer (docs/api.md, Idempotency); a refused
 * sign-in or password change is an audit event (docs/security.md, Audit log).
 */
const RECORDED_REJECTIONS: Readonly<Record<string, readonly number[]>> = {
  idempotency_keys: [409, 422],
  audit_events: [401],
};

interface FuzzRequest {
  readonly caller: Caller;
  readonly path: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, QueryValue>>;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: { readonly value: unknown } | undefined;
}

const t = await startTestApp();
const callers = await Callers.create(t);
const fingerprint = await DatabaseFingerprint.open(workerDatabaseUrl());
const operations = operationsOf((await request(t.server).get('/openapi.json').expect(200)).body);
/** Ids seen in successful answers (users, products, orders...), so fuzzed ids sometimes exist. */
const knownIds: string[] = [];
/** Every answer of the server during the run, whoever asked: a 5xx anywhere is a failure. */
const answered = { count: 0, serverErrors: [] as string[] };
t.server.on('request', (req: IncomingMessage, res: ServerResponse) => {
  res.once('finish', () => {
    answered.count += 1;
    if (res.statusCode >= 500)
      answered.serverErrors.push(`${req.method} ${req.url} → ${res.statusCode}`);
  });
});

afterAll(async () => {
  await fingerprint.close();
  await t.close();
});

const asText = (value: unknown): string =>
  typeof value === 'string' ? value : JSON.stringify(value);

/** Header values must be sendable at all: printable ASCII. */
const headerValue = fc.oneof(
  fc.uuid(),
  fc.string({
    maxLength: 300,
    unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
  }),
  fc.constantFrom('', '*', 'W/"x"', '"x"', 'null'),
);

const validParameter = (parameter: Parameter): fc.Arbitrary<string> =>
  validValue(parameter.schema).map(asText);

/** The enum words of an operation's parameters (sort fields...): forged tokens reuse them. */
const vocabularyOf = (operation: Operation): string[] =>
  operation.parameters.flatMap((p) => (p.schema.enum ?? []).map(String));

function parameterValue(parameter: Parameter, operation: Operation): fc.Arbitrary<QueryValue> {
  if (parameter.in === 'header') return headerValue;
  const known =
    parameter.schema.format === 'uuid'
      ? [fc.nat().map((n) => knownIds[n % Math.max(knownIds.length, 1)] ?? '')]
      : [];
  const hostileQuery =
    parameter.in === 'query'
      ? [hostileQueryValue(parameter.schema, validParameter(parameter), vocabularyOf(operation))]
      : [];
  const value = fc.oneof(
    { arbitrary: validParameter(parameter), weight: 3 },
    ...known.map((arbitrary) => ({ arbitrary, weight: 2 })),
    { arbitrary: fc.constantFrom(...HOSTILE_STRINGS), weight: 2 },
    { arbitrary: fc.string({ maxLength: 50 }), weight: 1 },
    ...hostileQuery.map((arbitrary) => ({ arbitrary, weight: 2 })),
  );
  // An empty path segment is another route; those are fuzzed on their own.
  return parameter.in === 'path' ? value.filter((v) => v.length > 0) : value;
}

function parametersArbitrary(
  operation: Operation,
  where: Parameter['in'],
): fc.Arbitrary<Record<string, QueryValue>> {
  const chosen = operation.parameters.filter((p) => p.in === where);
  const shape = Object.fromEntries(chosen.map((p) => [p.name, parameterValue(p, operation)]));
  const requiredKeys = where === 'path' ? chosen.map((p) => p.name) : [];
  return fc.record(shape, { requiredKeys });
}

function bodyArbitrary(
  schema: JsonSchema | undefined,
): fc.Arbitrary<{ value: unknown } | undefined> {
  if (!schema) {
    return fc.option(
      fc.jsonValue({ maxDepth: 2 }).map((value) => ({ value })),
      { nil: undefined },
    );
  }
  return fc.oneof(
    { arbitrary: validValue(schema).map((value) => ({ value })), weight: 2 },
    { arbitrary: breakingValue(schema).map((value) => ({ value })), weight: 3 },
    { arbitrary: fc.constant(undefined), weight: 1 },
  );
}

function requestArbitrary(operation: Operation): fc.Arbitrary<FuzzRequest> {
  return fc.record({
    caller: fc.constantFrom(...(operation.secured ? CALLERS : (['anonymous', 'user'] as const))),
    path: parametersArbitrary(operation, 'path') as fc.Arbitrary<Record<string, string>>,
    query: parametersArbitrary(operation, 'query'),
    headers: parametersArbitrary(operation, 'header') as fc.Arbitrary<Record<string, string>>,
    body: bodyArbitrary(operation.body),
  });
}

/** Requests whose `parameter` is always hostile, the other parameters as usual. */
function hostileParameterArbitrary(
  operation: Operation,
  parameter: Parameter,
): fc.Arbitrary<FuzzRequest> {
  const hostile = hostileQueryValue(
    parameter.schema,
    validParameter(parameter),
    vocabularyOf(operation),
  );
  return fc
    .tuple(requestArbitrary(operation), hostile)
    .map(([input, value]) => ({ ...input, query: { ...input.query, [parameter.name]: value } }));
}

/**
 * encodeURIComponent, except that a lone surrogate becomes the bytes a careless client would send
 * for it (its WTF-8 form, not valid UTF-8) instead of an exception.
 */
function encodeLoosely(value: string): string {
  return Array.from(value, (char) => {
    const unit = char.charCodeAt(0);
    if (char.length === 1 && unit >= 0xd800 && unit <= 0xdfff) {
      return [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)]
        .map((byte) => `%${byte.toString(16).toUpperCase()}`)
        .join('');
    }
    return encodeURIComponent(char);
  }).join('');
}

function send(operation: Operation, input: FuzzRequest): request.Test {
  const path = operation.path.replaceAll(/\{([^}]+)\}/g, (_, name: string) =>
    encodeLoosely(input.path[name] ?? ''),
  );
  const query = Object.entries(input.query)
    .flatMap(([name, value]) => (typeof value === 'string' ? [value] : value).map((v) => [name, v]))
    .map(([name, value]) => `${encodeLoosely(name ?? '')}=${encodeLoosely(value ?? '')}`)
    .join('&');
  const call = requestTo(t.server, operation.method, query ? `${path}?${query}` : path).set({
    ...input.headers,
    ...callers.headers(input.caller),
  });
  return input.body === undefined
    ? call
    : call.set('Content-Type', 'application/json').send(JSON.stringify(input.body.value));
}

function remember(body: unknown): void {
  const items = [body, ...((body as { data?: unknown[] } | null)?.data ?? [])];
  for (const item of items) {
    const id = (item as { id?: unknown } | null)?.id;
    if (typeof id === 'string' && !callers.ownIds.includes(id) && !knownIds.includes(id)) {
      knownIds.push(id);
    }
  }
}

async function checkOne(operation: Operation, input: FuzzRequest): Promise<void> {
  const before = await fingerprint.take();
  const res = await send(operation, input);
  const what = `${routeName(operation)} → ${res.status} ${res.text.slice(0, 300)}`;
  expect({ what, serverError: res.status >= 500 }).toEqual({ what, serverError: false });
  expect(res.text).not.toMatch(SECRETS);
  if (res.status >= 400) {
    expect({ what, contentType: res.headers['content-type'] }).toEqual({
      what,
      contentType: expect.stringMatching(PROBLEM),
    });
    expect(res.body.status).toBe(res.status);
    const changed = changedTables(before, await fingerprint.take()).filter(
      (table) => !RECORDED_REJECTIONS[table]?.includes(res.status),
    );
    expect({ what, changed }).toEqual({ what, changed: [] });
  } else {
    remember(res.body);
    if (operation.method !== 'get') await callers.restore();
  }
}

describe('every documented route, fuzzed', () => {
  it('covers the routes of the contract', () => {
    const routes = operations.map(routeName);
    expect(routes).toEqual(
      expect.arrayContaining([
        'POST /v1/auth/register',
        'POST /v1/auth/password/reset',
        'POST /v1/auth/email/verify',
        'PATCH /v1/users/{id}',
        'GET /v1/users',
      ]),
    );
  });

  describe.each(
    operations.map((operation, index) => [routeName(operation), operation, index] as const),
  )('%s', (_name, operation, index) => {
    it('never answers 5xx, answers errors as problem+json, and a rejected request changes nothing', async () => {
      await fc.assert(
        fc.asyncProperty(requestArbitrary(operation), (input) => checkOne(operation, input)),
        { seed: SEED + index, numRuns: RUNS, endOnFailure: true },
      );
    }, 60_000);
  });
});

const queryParameters = operations
  .flatMap((operation) =>
    operation.parameters
      .filter((parameter) => parameter.in === 'query')
      .map((parameter) => [operation, parameter] as const),
  )
  .map(([operation, parameter], index) => ({ operation, parameter, seed: SEED + 1_000 + index }));
/** The routes with a query string, each with its parameters (one case per route). */
const queryRoutes = [...new Set(queryParameters.map(({ operation }) => operation))].map(
  (operation) =>
    [
      routeName(operation),
      queryParameters.filter((entry) => entry.operation === operation),
    ] as const,
);

describe('every documented query parameter, with hostile values', () => {
  it('the document has query parameters on the lists', () => {
    expect(
      queryParameters.map(
        ({ operation, parameter }) => `${routeName(operation)} ?${parameter.name}`,
      ),
    ).toEqual(expect.arrayContaining(['GET /v1/products ?cursor', 'GET /v1/users ?cursor']));
  });

  describe.each(queryRoutes)('%s', (_name, parameters) => {
    it('each parameter too long, NUL-bearing, wrongly shaped or repeated: never a 5xx, errors as problem+json', async () => {
      for (const { operation, parameter, seed } of parameters) {
        await fc.assert(
          fc.asyncProperty(hostileParameterArbitrary(operation, parameter), (input) =>
            checkOne(operation, input),
          ),
          { seed, numRuns: RUNS * 2, endOnFailure: true },
        );
      }
    }, 120_000);
  });
});

describe('the whole run', () => {
  it('had no 5xx answer at all, to any request', () => {
    expect(answered.count).toBeGreaterThan(0);
    expect(answered.serverErrors).toEqual([]);
  });
});
