import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { FlagdProvider } from '@openfeature/flagd-provider';
import { OpenFeature } from '@openfeature/server-sdk';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FLAGS } from './flags.js';

/** The flag definitions flagd serves in compose and Kubernetes (mounted from a ConfigMap). */
const definitions = new URL('../../../../../k8s/base/flags.flagd.json', import.meta.url);
interface FlagdFile {
  flags: Record<
    string,
    { state: string; defaultVariant: string; variants: Record<string, unknown> }
  >;
}

/**
 * flagd's own evaluation core (the provider's in-process mode on a file: no flagd server needed)
 * reading the repository's definitions, as flagd does.
 */
async function evaluate(file: string, key: string, fallback: boolean): Promise<boolean> {
  const domain = `flagd-file-${key}-${Math.random()}`;
  const provider = new FlagdProvider({ resolverType: 'in-process', offlineFlagSourcePath: file });
  await OpenFeature.setProviderAndWait(domain, provider);
  try {
    return await OpenFeature.getClient(domain).getBooleanValue(key, fallback);
  } finally {
    await provider.onClose();
  }
}

describe('flagd flag definitions (k8s/base/flags.flagd.json)', () => {
  const file = JSON.parse(readFileSync(definitions, 'utf8')) as FlagdFile;
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'flagd-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('define exactly the flags of the code, enabled', () => {
    expect(Object.keys(file.flags).sort()).toEqual(Object.keys(FLAGS).sort());
    for (const flag of Object.values(file.flags)) expect(flag.state).toBe('ENABLED');
  });

  it.each(Object.entries(FLAGS))(
    '%s: flagd serves the code default, and the other variant when the file says so',
    async (key, { defaultValue }) => {
      const copy = join(dir, `${key}.json`);
      copyFileSync(definitions, copy);
      // The opposite of the default as fallback: only a real evaluation returns the default.
      expect(await evaluate(copy, key, !defaultValue)).toBe(defaultValue);

      const flipped = structuredClone(file);
      const flag = flipped.flags[key]!;
      flag.defaultVariant = Object.keys(flag.variants).find(
        (variant) => flag.variants[variant] === !defaultValue,
      )!;
      writeFileSync(copy, JSON.stringify(flipped));
      expect(await evaluate(copy, key, defaultValue)).toBe(!defaultValue);
    },
  );
});
