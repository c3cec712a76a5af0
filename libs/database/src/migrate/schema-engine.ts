import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type { SchemaContainer, SchemaEngine } from '@prisma/schema-engine-wasm';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { MigrationConnections } from './migration-connections.js';
import { toMigrationError } from './migration-error.js';

/** No tables or enums are managed outside Prisma in this project. */
export const NO_FILTERS = { externalTables: [], externalEnums: [] };

/** The part of the WebAssembly API used here (its type declarations live in lib.dom, not loaded). */
interface WebAssemblyApi {
  instantiate(
    bytes: Uint8Array,
    imports: Record<string, object>,
  ): Promise<{ instance: { exports: Record<string, unknown> } }>;
}

let engineClass: Promise<typeof SchemaEngine> | undefined;

/**
 * Timers the engine started. It never clears them (its futures are dropped, their setTimeout
 * stays), so a finished 10 s advisory-lock timeout would keep the process alive after the work.
 */
const engineTimers = new Set<NodeJS.Timeout>();
let runningEngines = 0;

function trackingTimers(bindings: Record<string, unknown>): Record<string, unknown> {
  const imports = { ...bindings };
  for (const name of Object.keys(bindings).filter((key) => key.startsWith('__wbg_setTimeout_'))) {
    imports[name] = (callback: () => void, ms: number): NodeJS.Timeout => {
      const timer = setTimeout(() => {
        engineTimers.delete(timer);
        callback();
      }, ms >>> 0);
      engineTimers.add(timer);
      return timer;
    };
  }
  return imports;
}

/**
 * Instantiates the engine's WebAssembly module by hand, on first use, instead of through the
 * package entry's `import "./schema_engine_bg.wasm"`, which Node 24 still reports as an
 * experimental feature (a warning on every run). Same bindings, same module.
 */
function loadSchemaEngine(): Promise<typeof SchemaEngine> {
  engineClass ??= (async () => {
    const bindings = await import('@prisma/schema-engine-wasm/schema_engine_bg');
    const entry = createRequire(import.meta.url).resolve('@prisma/schema-engine-wasm');
    const bytes = await readFile(join(dirname(entry), 'schema_engine_bg.wasm'));
    const { WebAssembly } = globalThis as unknown as { WebAssembly: WebAssemblyApi };
    const { instance } = await WebAssembly.instantiate(bytes, {
      './schema_engine_bg.js': trackingTimers(bindings),
    });
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bindings.SchemaEngine;
  })();
  return engineClass;
}

/**
 * Runs `work` with Prisma's schema engine (WebAssembly build) connected to `databaseUrl`, then
 * frees the engine and closes every connection it opened, whatever happened. Engine failures
 * become MigrationErrors carrying the engine's own message.
 */
export async function withSchemaEngine<T>(
  databaseUrl: string,
  schema: SchemaContainer,
  connectTimeoutMs: number,
  work: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const connections = new MigrationConnections(databaseUrl, connectTimeoutMs);
  const adapterFactory = bindMigrationAwareSqlAdapterFactory(connections);
  const fail = (error: unknown): never => {
    throw toMigrationError(error, (id) => adapterFactory.errorRegistry.consumeError(id)?.error);
  };
  runningEngines += 1;
  try {
    const Engine = await loadSchemaEngine();
    const engine = await Engine.new(
      { datamodels: [[schema.path, schema.content]] },
      // Informational tracing only: failures reject the command's promise.
      () => undefined,
      adapterFactory,
    ).catch(fail);
    try {
      return await work(engine).catch(fail);
    } finally {
      engine.free();
    }
  } finally {
    runningEngines -= 1;
    // Once no engine runs, none of its timers can matter any more.
    if (runningEngines === 0) {
      for (const timer of engineTimers) clearTimeout(timer);
      engineTimers.clear();
    }
    await connections.close();
  }
}
