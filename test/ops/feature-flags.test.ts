import { describe, expect, it } from '@jest/globals';
import { FlagdCore } from '@openfeature/flagd-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const file = join(process.cwd(), 'k8s', 'base', 'flags.flagd.json');

interface FlagdFlag {
  state: 'ENABLED' | 'DISABLED';
  variants: Record<string, unknown>;
  defaultVariant: string;
}

/**
 * flagd's own evaluation core (the library inside flagd's in-process providers) loading the
 * definitions: schema validation, then every flag resolved, as flagd in compose and the api pods
 * would. Returns the problems (empty: flagd serves every flag).
 */
function definitionProblems(json: string): string[] {
  const core = new FlagdCore();
  try {
    core.setConfigurations(json);
  } catch (error) {
    return [`rejected: ${String(error)}`];
  }
  const { flags } = JSON.parse(json) as { flags: Record<string, FlagdFlag> };
  return Object.entries(flags).flatMap(([key, flag]) => {
    if (flag.state !== 'ENABLED') return [`${key}: ${flag.state}`];
    try {
      const resolved = core.resolveBooleanEvaluation(key, false);
      return resolved.value === flag.variants[flag.defaultVariant]
        ? []
        : [`${key}: resolved ${String(resolved.value)}`];
    } catch (error) {
      return [`${key}: ${String(error)}`];
    }
  });
}

describe('flag definitions of flagd (k8s/base/flags.flagd.json)', () => {
  const json = readFileSync(file, 'utf8');

  it('load in flagd and resolve every flag to its default variant', () => {
    expect(Object.keys((JSON.parse(json) as { flags: object }).flags).length).toBeGreaterThan(0);
    expect(definitionProblems(json)).toEqual([]);
  });

  it('the check can fail: a default variant that does not exist, a misspelt key', () => {
    const parsed = JSON.parse(json) as { flags: Record<string, FlagdFlag> };
    const [key] = Object.keys(parsed.flags);
    const missing = structuredClone(parsed);
    missing.flags[key!]!.defaultVariant = 'maybe';
    expect(definitionProblems(JSON.stringify(missing))).not.toEqual([]);
    const misspelt = JSON.stringify(parsed).replace('"defaultVariant"', '"defaultVarient"');
    expect(definitionProblems(misspelt)).not.toEqual([]);
  });
});
