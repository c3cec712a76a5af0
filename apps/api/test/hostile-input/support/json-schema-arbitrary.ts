import fc from 'fast-check';

/** The part of JSON Schema 2020-12 that zod emits for request shapes. */
export interface JsonSchema {
  readonly type?: string | readonly string[];
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean | JsonSchema;
  readonly items?: JsonSchema;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly format?: string;
  readonly pattern?: string;
  readonly anyOf?: readonly JsonSchema[];
  readonly oneOf?: readonly JsonSchema[];
}

/** Arrays stay short: the point is variety of shapes, not volume (volume has its own tests). */
const MAX_ITEMS = 4;
/** Long strings are generated up to this; longer bounds are probed by the boundary values. */
const MAX_GENERATED_LENGTH = 40;

/** Strings that break parsers, databases and naive code, all valid JSON strings. */
export const HOSTILE_STRINGS: readonly string[] = [
  '',
  ' ',
  'a\u0000b',
  '\uD800',
  'x\uDFFFy',
  "'); DROP TABLE users;--",
  '" OR 1=1 --',
  '%',
  '_',
  '\\',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '${jndi:ldap://x}',
  '{{7*7}}',
  '__proto__',
  'constructor',
  '\u202Eevil',
  '🔑'.repeat(10),
  'null',
  'NaN',
  '-1',
  '1e309',
];

/** Values that stand in for a string where a careless ORM would read them as query operators. */
export const OPERATOR_OBJECTS: readonly unknown[] = [
  { contains: 'a' },
  { not: '' },
  { equals: 'admin@example.com' },
  { in: ['a', 'b'] },
  { startsWith: '' },
  { gt: '' },
  { $ne: null },
];

/** The schema's (first) type, or '' when it names none. */
function typeOf({ type }: JsonSchema): string {
  if (type === undefined) return '';
  return typeof type === 'string' ? type : (type[0] ?? '');
}

const uuid = (): fc.Arbitrary<string> => fc.uuid({ version: [4, 7] });

function validString(schema: JsonSchema): fc.Arbitrary<string> {
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.min(schema.maxLength ?? MAX_GENERATED_LENGTH, MAX_GENERATED_LENGTH);
  switch (schema.format ?? '') {
    case 'uuid':
      return uuid();
    case 'email':
      return fc.stringMatching(/^[a-z0-9]{1,16}$/).map((local) => `${local}@example.com`);
    case 'date-time':
      return fc
        .date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
        .map((date) => date.toISOString());
    default:
      // A pattern (six-digit codes, currencies, SKUs) is what makes a value valid at all.
      return schema.pattern
        ? fc
            .stringMatching(new RegExp(schema.pattern))
            .filter(
              (value) =>
                value.length >= minLength && value.length <= (schema.maxLength ?? Infinity),
            )
        : fc.string({ minLength, maxLength: Math.max(minLength, maxLength), unit: 'grapheme' });
  }
}

function validNumber(schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const min = schema.minimum ?? (schema.exclusiveMinimum ?? -1e9) + (integer ? 1 : 0);
  const max = schema.maximum ?? (schema.exclusiveMaximum ?? 1e9) - (integer ? 1 : 0);
  const edges = fc.constantFrom(min, max);
  const inside = integer
    ? fc.integer({ min, max })
    : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
  return fc.oneof(edges, inside);
}

/** Values that the schema accepts (as far as JSON Schema can say: refinements may still refuse). */
export function validValue(schema: JsonSchema): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map(validValue));
  switch (typeOf(schema)) {
    case 'string':
      return validString(schema);
    case 'integer':
      return validNumber(schema, true);
    case 'number':
      return validNumber(schema, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(validValue(schema.items ?? {}), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.max(
          schema.minItems ?? 0,
          Math.min(schema.maxItems ?? MAX_ITEMS, MAX_ITEMS),
        ),
      });
    case 'object': {
      const properties = schema.properties ?? {};
      const shape = Object.fromEntries(
        Object.entries(properties).map(([key, value]) => [key, validValue(value)]),
      );
      return fc.record(shape, { requiredKeys: [...(schema.required ?? [])] });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** Values of the wrong kind, or of the right kind just past a bound. */
function wrongValue(schema: JsonSchema): fc.Arbitrary<unknown> {
  const kind = typeOf(schema);
  const pastBounds: unknown[] = [];
  if (kind === 'string') {
    if (schema.maxLength !== undefined) pastBounds.push('x'.repeat(schema.maxLength + 1));
    if (schema.minLength !== undefined && schema.minLength > 0) {
      pastBounds.push('x'.repeat(schema.minLength - 1));
    }
  }
  if (kind === 'integer' || kind === 'number') {
    if (schema.minimum !== undefined) pastBounds.push(schema.minimum - 1);
    if (schema.maximum !== undefined) pastBounds.push(schema.maximum + 1);
    pastBounds.push(1e300, -1e300, Number.MAX_SAFE_INTEGER + 2, String(schema.minimum ?? 1));
    if (kind === 'integer') pastBounds.push(1.5);
  }
  if (kind === 'array' && schema.maxItems !== undefined) {
    pastBounds.push(Array.from({ length: schema.maxItems + 1 }, () => null));
  }
  return fc.oneof(
    fc.constantFrom(...HOSTILE_STRINGS, ...OPERATOR_OBJECTS, null, true, 0, -1, [], {}),
    ...(pastBounds.length > 0 ? [fc.constantFrom(...pastBounds)] : []),
    fc.jsonValue({ maxDepth: 3 }),
  );
}

/**
 * Values the schema should refuse, most of them close to valid: one field wrong, missing or
 * extra, so validation of every field is exercised, not only the first check.
 */
export function breakingValue(schema: JsonSchema): fc.Arbitrary<unknown> {
  if (typeOf(schema) !== 'object' || !schema.properties) return wrongValue(schema);
  const keys = Object.keys(schema.properties);
  const base = validValue(schema) as fc.Arbitrary<Record<string, unknown>>;
  const oneFieldWrong =
    keys.length === 0
      ? base
      : fc
          .tuple(base, fc.constantFrom(...keys))
          .chain(([value, key]) =>
            wrongValue(schema.properties?.[key] ?? {}).map((wrong) => ({ ...value, [key]: wrong })),
          );
  const extraField = fc
    .tuple(base, fc.constantFrom('role', 'id', 'userId', 'status', 'isAdmin', 'x'), fc.jsonValue())
    .filter(([, key]) => !keys.includes(key))
    .map(([value, key, extra]) => ({ ...value, [key]: extra }));
  const missingRequired = (schema.required ?? []).map((key) =>
    base.map((value) => Object.fromEntries(Object.entries(value).filter(([k]) => k !== key))),
  );
  return fc.oneof(oneFieldWrong, extraField, ...missingRequired, wrongValue(schema));
}
