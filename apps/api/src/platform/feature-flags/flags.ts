/**
 * Every feature flag of the API, with the value the code uses when no provider answers (flagd
 * down, flag missing). flagd serves the same keys from k8s/base/flags.flagd.json; a test keeps
 * that file and this list in step.
 */
export const FLAGS = {
  /**
   * Products are read through the Redis cache (cache-aside). Off: every product read goes to
   * PostgreSQL, e.g. while the cache holds bad data or Redis misbehaves; writes still
   * invalidate, so turning it back on serves fresh entries.
   */
  'catalog-cache': { defaultValue: true },
} as const satisfies Record<string, { defaultValue: boolean }>;

export type FlagKey = keyof typeof FLAGS;

export const isFlagKey = (key: string): key is FlagKey => Object.hasOwn(FLAGS, key);
