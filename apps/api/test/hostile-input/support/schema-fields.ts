import fc from 'fast-check';
import { type JsonSchema, validValue } from './json-schema-arbitrary.js';

/** A leaf of a body schema: where it is (JSON pointer segments) and its schema. */
export interface SchemaField {
  readonly path: readonly (string | number)[];
  readonly schema: JsonSchema;
}

/** Every string, number and boolean in a body schema, through objects and the first array item. */
export function fieldsOf(schema: JsonSchema, path: (string | number)[] = []): SchemaField[] {
  if (schema.type === 'object') {
    return Object.entries(schema.properties ?? {}).flatMap(([key, inner]) =>
      fieldsOf(inner, [...path, key]),
    );
  }
  if (schema.type === 'array') return schema.items ? fieldsOf(schema.items, [...path, 0]) : [];
  return path.length > 0 ? [{ path, schema }] : [];
}

export const pointerOf = (path: readonly (string | number)[]): string =>
  path.length === 0 ? '#' : `#/${path.join('/')}`;

/** A body the schema accepts, fixed by the seed, with every optional field present. */
export function sampleBody(schema: JsonSchema, seed = 1): Record<string, unknown> {
  const complete: JsonSchema = {
    ...schema,
    required: Object.keys(schema.properties ?? {}),
    ...(schema.type === 'array' ? { minItems: 1 } : {}),
  };
  const withItems = JSON.parse(
    JSON.stringify(complete, (_key, value: unknown) =>
      typeof value === 'object' && value !== null && (value as JsonSchema).type === 'array'
        ? { ...value, minItems: Math.max(1, (value as JsonSchema).minItems ?? 0) }
        : value,
    ),
  ) as JsonSchema;
  const [body] = fc.sample(validValue(withItems), { seed, numRuns: 1 });
  return body as Record<string, unknown>;
}

/** A copy of `body` with the value at `path` replaced. */
export function withValueAt(
  body: Record<string, unknown>,
  path: readonly (string | number)[],
  value: unknown,
): Record<string, unknown> {
  const copy = structuredClone(body);
  let node: Record<string | number, unknown> = copy;
  for (const segment of path.slice(0, -1)) node = node[segment] as Record<string | number, unknown>;
  node[path.at(-1)!] = value;
  return copy;
}
