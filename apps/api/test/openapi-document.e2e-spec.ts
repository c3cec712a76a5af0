import { afterAll, describe, expect, it } from '@jest/globals';
import { createConfig, lint } from '@redocly/openapi-core';
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import prettier from 'prettier';
import request from 'supertest';
import { DOCUMENT_FILE, GENERATED_TYPES_FILE } from './support/contract.js';
import { startTestApp } from './support/test-app.js';

/**
 * docs/openapi.json is the document the app serves, and the generated client types are built
 * from it. `npm run openapi:write` rewrites both from the running app (OPENAPI_WRITE=1).
 */
const WRITE = process.env.OPENAPI_WRITE === '1';

const t = await startTestApp();
const served = (await request(t.server).get('/openapi.json').expect(200)).body as object;
afterAll(() => t.close());

async function generatedTypes(document: object): Promise<string> {
  const banner =
    '// Generated from docs/openapi.json by openapi-typescript: `npm run openapi:write`.\n';
  return banner + astToString(await openapiTS(document as Parameters<typeof openapiTS>[0]));
}

if (WRITE) {
  const filepath = fileURLToPath(DOCUMENT_FILE);
  const options = await prettier.resolveConfig(filepath);
  const json = await prettier.format(JSON.stringify(served), { ...options, filepath });
  await writeFile(DOCUMENT_FILE, json);
  await writeFile(GENERATED_TYPES_FILE, await generatedTypes(served));
}

function refsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refsIn);
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) =>
    key === '$ref' && typeof child === 'string' ? [child] : refsIn(child),
  );
}

function resolvePointer(document: object, ref: string): unknown {
  return ref
    .slice(2)
    .split('/')
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce<unknown>(
      (node, segment) =>
        node !== null && typeof node === 'object'
          ? (node as Record<string, unknown>)[segment]
          : undefined,
      document,
    );
}

describe('the OpenAPI document', () => {
  it('is checked in as docs/openapi.json, exactly as the app serves it (npm run openapi:write)', async () => {
    const checkedIn: unknown = JSON.parse(await readFile(DOCUMENT_FILE, 'utf8'));
    expect(served).toEqual(checkedIn);
  });

  it('has no dangling $ref: each points into this document', () => {
    const refs = [...new Set(refsIn(served))];
    expect(refs).toEqual(
      expect.arrayContaining(
        ['Problem', 'TokenResponse', 'User', 'Product', 'Order'].map(
          (name) => `#/components/schemas/${name}`,
        ),
      ),
    );
    const dangling = refs.filter((ref) => !ref.startsWith('#/') || !resolvePointer(served, ref));
    expect(dangling).toEqual([]);
  });

  it("passes Redocly's recommended rules: no errors, and only the warnings that are by design", async () => {
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lint({ ref: fileURLToPath(DOCUMENT_FILE), config });
    const described = problems.map(
      ({ ruleId, severity, message, location }) =>
        `${severity} ${ruleId}: ${message} at ${location[0]?.pointer ?? '?'}`,
    );
    expect(described.filter((problem) => !problem.startsWith('warn'))).toEqual([]);
    expect(described.filter((problem) => problem.startsWith('warn')).sort()).toEqual(
      [
        // Starting a sign-in only ever redirects (302) to the identity provider.
        'warn operation-2xx-response: Operation must have at least one `2XX` response. at #/paths/~1v1~1auth~1oidc~1{provider}~1authorize/get/responses',
      ].sort(),
    );
  });

  it('is the source of the generated client types (npm run openapi:write)', async () => {
    const checkedIn = await readFile(GENERATED_TYPES_FILE, 'utf8');
    expect(checkedIn).toBe(await generatedTypes(served));
  });
});
