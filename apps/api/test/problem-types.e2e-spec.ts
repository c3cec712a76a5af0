import { afterAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { startTestApp } from './support/test-app.js';

const t = await startTestApp();
afterAll(() => t.close());

/** Every `type` the OpenAPI document says some operation can answer with. */
function documentedTypes(document: unknown): string[] {
  const types = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const { type } = node as { type?: unknown };
    if (type && typeof type === 'object' && Array.isArray((type as { enum?: unknown }).enum)) {
      for (const value of (type as { enum: unknown[] }).enum) types.add(String(value));
    }
    Object.values(node).forEach(visit);
  };
  visit(document);
  return [...types].filter((type) => type.startsWith('/problems/'));
}

describe('problem types', () => {
  it('the type of a real error resolves to a page that explains it, without a token', async () => {
    const error = await request(t.server)
      .post('/v1/auth/register')
      .send({ email: 'not-an-email', password: 'x' })
      .expect(400);
    expect(error.body.type).toBe('/problems/validation-error');

    const page = await request(t.server)
      .get(error.body.type as string)
      .expect(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.text).toContain('<h1>Request is invalid</h1>');
    expect(page.text).toContain('JSON pointer');
  });

  it('every type the OpenAPI document lists resolves', async () => {
    const document = (await request(t.server).get('/openapi.json').expect(200)).body;
    const types = documentedTypes(document);
    expect(types.length).toBeGreaterThan(15);
    for (const type of types) {
      const page = await request(t.server).get(type);
      expect([type, page.status]).toEqual([type, 200]);
    }
  });

  it('are listed on /problems', async () => {
    const index = await request(t.server).get('/problems').expect(200);
    expect(index.text).toContain('<a href="/problems/insufficient-stock">');
  });

  it('an unknown type is a 404 problem', async () => {
    const res = await request(t.server).get('/problems/no-such-problem').expect(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ type: 'about:blank', status: 404 });
  });
});
