import type { TestServices } from './test-services.js';

interface HarnessState {
  users: number;
  services?: TestServices;
}

const KEY = Symbol.for('api.test-harness');

/** Shared by global setup and teardown, which run in jest's main process. */
export function harnessState(): HarnessState {
  const holder = globalThis as typeof globalThis & { [KEY]?: HarnessState };
  holder[KEY] ??= { users: 0 };
  return holder[KEY];
}
