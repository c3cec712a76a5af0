import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const dist = (file: string): string => fileURLToPath(new URL(`../dist/${file}`, import.meta.url));

/** Runs a built entry point (pnpm test builds first) with exactly this environment. */
function run(
  entry: string,
  env: Record<string, string>,
): { status: number | null; stderr: string } {
  const result = spawnSync(process.execPath, [dist(entry)], {
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { status: result.status, stderr: result.stderr };
}

describe('startup with bad configuration', () => {
  it('exits 1 with one message naming every bad variable', () => {
    const { status, stderr } = run('main.js', {
      PORT: 'eighty',
      DATABASE_URL: 'mysql://db/app',
      LOG_LEVEL: 'loud',
    });
    expect(status).toBe(1);
    expect(stderr).toContain('Invalid configuration');
    for (const name of ['PORT', 'DATABASE_URL', 'LOG_LEVEL']) expect(stderr).toContain(`${name}:`);
    expect(stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace
  });

  it.each(['main.js', 'local.js'])(
    '%s refuses NODE_ENV=production without DATABASE_URL and REDIS_URL',
    (entry) => {
      const { status, stderr } = run(entry, { NODE_ENV: 'production' });
      expect(status).toBe(1);
      expect(stderr).toContain('DATABASE_URL: required when NODE_ENV=production');
      expect(stderr).toContain('REDIS_URL: required when NODE_ENV=production');
    },
  );
});
