import { type Config, ConfigError } from '@libs/config';
import { FlagdProvider } from '@openfeature/flagd-provider';
import { type Provider, TypedInMemoryProvider } from '@openfeature/server-sdk';
import { FLAGS, isFlagKey } from './flags.js';

/**
 * flagd (gRPC) when FLAGD_HOST is set; otherwise the built-in in-process provider: each flag's
 * default, overridden by FEATURE_FLAGS. An unknown name in FEATURE_FLAGS stops startup (a typo
 * would otherwise be silently ignored).
 */
export function createFlagProvider({ featureFlags }: Config): Provider {
  if (featureFlags.flagd) {
    return new FlagdProvider({ ...featureFlags.flagd, resolverType: 'rpc' });
  }
  const unknown = Object.keys(featureFlags.overrides).filter((key) => !isFlagKey(key));
  if (unknown.length > 0) {
    throw new ConfigError(unknown.map((key) => `FEATURE_FLAGS.${key}: no such feature flag`));
  }
  return new TypedInMemoryProvider(
    Object.fromEntries(
      Object.entries(FLAGS).map(([key, { defaultValue }]) => [
        key,
        {
          variants: { on: true, off: false },
          defaultVariant:
            (featureFlags.overrides[key] ?? defaultValue) ? ('on' as const) : ('off' as const),
          disabled: false,
        },
      ]),
    ),
  );
}
