import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { ProblemException } from '../problem/problem.exception.js';
import { SchemaValidationPipe } from './schema-validation.pipe.js';

const pipe = new SchemaValidationPipe();
const body = z.strictObject({
  name: z.string().min(1),
  items: z.array(z.strictObject({ quantity: z.int().min(1) })),
  'a/b~c': z.string().optional(),
});

async function refusal(
  value: unknown,
  metadata: Parameters<SchemaValidationPipe['transform']>[1],
): Promise<ProblemException> {
  const error = await pipe.transform(value, metadata).catch((caught: unknown) => caught);
  if (!(error instanceof ProblemException)) throw new Error(`not refused: ${String(error)}`);
  return error;
}

describe('SchemaValidationPipe', () => {
  it('returns the parsed value (defaults and transforms applied)', async () => {
    const schema = z.object({ limit: z.coerce.number().default(20) });
    await expect(pipe.transform({}, { type: 'query', schema })).resolves.toEqual({ limit: 20 });
  });

  it('answers a bad body with one 400 problem pointing at every bad field', async () => {
    const error = await refusal(
      { name: '', items: [{ quantity: 1 }, { quantity: 0 }], extra: 1 },
      { type: 'body', schema: body },
    );
    expect(error.problem).toMatchObject({
      status: 400,
      type: '/problems/validation-error',
      detail: 'The request body did not pass validation.',
    });
    expect(error.problem.errors?.map((e) => e.pointer).sort()).toEqual([
      '#',
      '#/items/1/quantity',
      '#/name',
    ]);
  });

  it('escapes pointer segments as RFC 6901 says', async () => {
    const error = await refusal(
      { name: 'x', items: [], 'a/b~c': 7 },
      { type: 'body', schema: body },
    );
    expect(error.problem.errors?.map((e) => e.pointer)).toEqual(['#/a~1b~0c']);
  });

  it('names a single query or path value by its parameter', async () => {
    const query = await refusal('0', {
      type: 'query',
      data: 'limit',
      schema: z.coerce.number().min(1),
    });
    expect(query.problem).toMatchObject({
      detail: 'The request query parameters did not pass validation.',
      errors: [{ pointer: '#/limit' }],
    });
    const param = await refusal('42', { type: 'param', data: 'id', schema: z.uuid() });
    expect(param.problem.errors).toEqual([{ pointer: '#/id', detail: expect.any(String) }]);
  });
});
