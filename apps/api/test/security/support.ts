import request from 'supertest';
import type { Operation } from '../hostile-input/support/openapi-operations.js';
import { operationsOf } from '../hostile-input/support/openapi-operations.js';
import type { TestApp } from '../support/test-app.js';

/** Every operation the app documents: the checks that use it cover new routes on their own. */
export async function documentedOperations(t: TestApp): Promise<Operation[]> {
  return operationsOf((await request(t.server).get('/openapi.json').expect(200)).body);
}

export const PROBLEM = /^application\/problem\+json/;
