import { describe, expect, it } from '@jest/globals';
import { MigrationError, toMigrationError } from './migration-error.js';

describe('toMigrationError', () => {
  it("keeps the engine's message and drops its span trace", () => {
    const engineError = new Error(
      'Database `app` does not exist\n   0: schema_engine_wasm::wasm::engine::ApplyMigrations\n' +
        '             at schema-engine/schema-engine-wasm/src/wasm/engine.rs:167',
    );
    const error = toMigrationError(engineError);
    expect(error).toBeInstanceOf(MigrationError);
    expect(error.message).toBe('Database `app` does not exist');
    expect(error.cause).toBe(engineError);
  });

  it('replaces a reference to a JavaScript error by that error', () => {
    const original = new Error('Connection terminated due to connection timeout');
    const error = toMigrationError(new Error('External error id#3'), (id) =>
      id === 3 ? original : undefined,
    );
    expect(error.message).toBe('Connection terminated due to connection timeout');
    expect(error.cause).toBe(original);
  });

  it('keeps the reference when the error is no longer known', () => {
    expect(toMigrationError(new Error('External error id#3')).message).toBe('External error id#3');
  });

  it('returns MigrationErrors as they are', () => {
    const error = new MigrationError('nothing to migrate');
    expect(toMigrationError(error)).toBe(error);
  });

  it('accepts non-errors', () => {
    expect(toMigrationError('boom').message).toBe('boom');
  });
});
