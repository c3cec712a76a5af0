import fc from 'fast-check';
import { HOSTILE_STRINGS, type JsonSchema } from './json-schema-arbitrary.js';

/** A query parameter's value; an array is sent as the parameter repeated (`a=1&a=2`). */
export type QueryValue = string | readonly string[];

/** Past any bound a query parameter has, up to what fits comfortably in one request line. */
const LONG_LENGTHS = [1_201, 3_000];

/** Numbers as a careless parser reads them: all of them must be refused or read exactly. */
const ODD_NUMBERS = ['1e309', '-0', '0x1F', '1_000', ' 1', '1 ', 'Infinity', '9'.repeat(30), '+1'];

/** Dates that parse in one place and not in another (JavaScript vs PostgreSQL). */
const ODD_TIMES = [
  '0000-01-01T00:00:00.000Z',
  '+275760-09-13T00:00:00.000Z',
  '2026-02-30T00:00:00.000Z',
  '2026-01-01T24:00:00.000Z',
];

const base64url = (value: unknown): string =>
  Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * Strings longer than the schema allows and than any bound a careless decoder should trust. Long
 * ones are ASCII so that the URL stays within the header limit (that limit has its own tests).
 */
function tooLong(schema: JsonSchema): fc.Arbitrary<string> {
  const repeat = (unit: string, length: number): string =>
    unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
  const pastMax =
    schema.maxLength === undefined
      ? []
      : [
          fc
            .constantFrom('x', '\u00e9', '%')
            .map((unit) => repeat(unit, (schema.maxLength ?? 0) + 1)),
        ];
  return fc.oneof(
    fc
      .tuple(fc.constantFrom(...LONG_LENGTHS), fc.constantFrom('a', '9', 'A_-'))
      .map(([length, unit]) => repeat(unit, length)),
    ...pastMax,
  );
}

/** `valid` with a NUL byte somewhere: the start, the end or between two characters. */
function withNul(valid: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return valid.chain((value) =>
    fc.nat({ max: value.length }).map((at) => `${value.slice(0, at)}\u0000${value.slice(at)}`),
  );
}

/**
 * Opaque tokens (cursors and the like) as a client could forge them: base64url JSON of any shape,
 * or of the `{k, i}` shape with keys built from the operation's own words (`priceCents:`) and
 * hostile or out-of-range values.
 */
function forgedToken(vocabulary: readonly string[]): fc.Arbitrary<string> {
  const prefix = fc.constantFrom('', ...vocabulary.map((word) => `${word}:`));
  const value = fc.oneof(
    fc.constantFrom(...HOSTILE_STRINGS, ...ODD_NUMBERS, ...ODD_TIMES),
    fc.string({ maxLength: 40 }),
  );
  const key = fc.tuple(prefix, value).map(([p, v]) => `${p}${v}`);
  return fc.oneof(
    fc.jsonValue({ maxDepth: 2 }).map(base64url),
    fc
      .record({ k: fc.oneof(key, fc.jsonValue({ maxDepth: 1 })), i: fc.oneof(fc.uuid(), key) })
      .map(base64url),
  );
}

/** Values of another kind than the schema's: numbers where text goes, words where numbers go. */
function wronglyShaped(schema: JsonSchema, vocabulary: readonly string[]): fc.Arbitrary<string> {
  const nearMisses = (schema.enum ?? []).flatMap((word) => {
    const text = String(word);
    return [`${text}x`, text.toUpperCase(), `-${text}`, ` ${text}`, `${text},${text}`];
  });
  return fc.oneof(
    forgedToken(vocabulary),
    fc.constantFrom(...ODD_NUMBERS, ...ODD_TIMES, '[]', '{}', 'true', 'null', '[object Object]'),
    ...(nearMisses.length > 0 ? [fc.constantFrom(...nearMisses)] : []),
  );
}

/**
 * Values a query parameter must refuse cleanly (400) or read exactly, never fail on: too long,
 * NUL-bearing, wrongly shaped, and repeated. `valid` makes schema-valid values, `vocabulary` is
 * the operation's enum words.
 */
export function hostileQueryValue(
  schema: JsonSchema,
  valid: fc.Arbitrary<string>,
  vocabulary: readonly string[],
): fc.Arbitrary<QueryValue> {
  return fc.oneof(
    tooLong(schema),
    withNul(valid),
    wronglyShaped(schema, vocabulary),
    fc.constantFrom(...HOSTILE_STRINGS),
    fc.array(fc.oneof(valid, fc.constantFrom(...HOSTILE_STRINGS)), { minLength: 2, maxLength: 3 }),
  );
}
