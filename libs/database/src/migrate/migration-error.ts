/** A migration command failed for a reason worth showing as is (no stack trace needed). */
export class MigrationError extends Error {
  override readonly name = 'MigrationError';
}

/** How the engine reports an error thrown on the JavaScript side (kept in the adapter's registry). */
const JS_ERROR_REFERENCE = /External error id#(\d+)/;

/**
 * Turns a schema engine failure into a MigrationError with a readable message: the engine's
 * message without the Rust span trace it appends ("   0: schema_engine_wasm::…"), or, for
 * errors raised in JavaScript (pg, sockets), the original error that `lookup` returns.
 */
export function toMigrationError(
  error: unknown,
  lookup: (id: number) => unknown = () => undefined,
): MigrationError {
  if (error instanceof MigrationError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const reference = JS_ERROR_REFERENCE.exec(message);
  const original = reference ? lookup(Number(reference[1])) : undefined;
  if (original !== undefined) return toMigrationError(original);
  const [readable = message] = message.split(/\n\s+0: /, 1);
  return new MigrationError(readable.trim(), { cause: error });
}
