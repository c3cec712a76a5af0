import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { documentedOperations } from './support.js';

/**
 * "METHOD /path/{param}" of every route in Fastify's printed route tree, where each line is a
 * path segment relative to the line above it, indented four characters per level.
 */
function servedRoutes(tree: string): string[] {
  const parents: string[] = [];
  return tree.split('\n').flatMap((line) => {
    const match = /^([│ ]*)[├└]── (.+) \(([A-Z, ]+)\)$/.exec(line);
    if (!match) return [];
    const [, indent = '', segment = '', methods = ''] = match;
    const depth = indent.length / 4;
    const path = `${parents[depth - 1] ?? ''}${segment}`;
    parents[depth] = path;
    return methods
      .split(', ')
      .filter((method) => method !== 'HEAD' && method !== 'OPTIONS')
      .map((method) => `${method} ${path.replaceAll(/:(\w+)/g, '{$1}')}`);
  });
}

/**
 * OWASP API9:2023 Improper Inventory Management: every route the server answers is in the
 * OpenAPI document (nothing undocumented, nothing left over from older versions), and the
 * document and its UI can be switched off. Metrics live on their own port (telemetry.e2e-spec.ts).
 */
describe('API9 Improper Inventory Management', () => {
  describe('with the docs on', () => {
    let t: TestApp;

    beforeAll(async () => {
      t = await startTestApp();
    });

    afterAll(async () => {
      await t.close();
    });

    it('documents every route the server answers (besides the docs themselves)', async () => {
      const documented = new Set(
        (await documentedOperations(t)).map((o) => `${o.method.toUpperCase()} ${o.path}`),
      );
      const tree = t.app.getHttpAdapter().getInstance().printRoutes({ commonPrefix: false });
      const served = servedRoutes(tree);
      const undocumented = served.filter(
        (route) => !documented.has(route) && !/^GET \/(docs|openapi\.json)/.test(route),
      );
      expect(served.length).toBeGreaterThan(10);
      expect(undocumented).toEqual([]);
    });

    it('serves nothing at old, unversioned or internal paths', async () => {
      const paths = [
        '/users',
        '/api/users',
        '/v0/users',
        '/v2/users',
        '/metrics',
        '/debug',
        '/.env',
      ];
      const statuses: Record<string, number> = {};
      for (const path of paths) statuses[path] = (await request(t.server).get(path)).status;
      expect(statuses).toEqual(Object.fromEntries(paths.map((path) => [path, 404])));
    });
  });

  it('serves neither the document nor its UI when OPENAPI_ENABLED=false', async () => {
    const t = await startTestApp({ OPENAPI_ENABLED: 'false' });
    try {
      for (const path of [
        '/openapi.json',
        '/docs',
        '/docs/',
        '/docs/json',
        '/docs/yaml',
        '/docs/static/index.html',
      ]) {
        expect({ path, status: (await request(t.server).get(path)).status }).toEqual({
          path,
          status: 404,
        });
      }
    } finally {
      await t.close();
    }
  });
});
