import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { eventually } from '@libs/testing';
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const DEV_SCRIPT = join(process.cwd(), 'scripts', 'dev.ts');

/**
 * A stand-in app that says which version of its source it runs, and when it is stopped. Its
 * build copies src/ to dist/ and fails on a source that says BROKEN, like a syntax error.
 */
const appSource = (version: string): string => `
const version = '${version}';
console.log('app ' + version + ' started');
process.on('SIGTERM', () => { console.log('app ' + version + ' stopped'); process.exit(0); });
setInterval(() => {}, 1000);
`;
const BUILD = `
import { cpSync, readFileSync } from 'node:fs';
if (readFileSync('src/local.js', 'utf8').includes('BROKEN')) {
  console.error('cannot compile src/local.js');
  process.exit(1);
}
cpSync('src', 'dist', { recursive: true });
`;

/** `npm run dev` on a workspace of one package whose entry point is apps/api/dist/local.js. */
describe('npm run dev (scripts/dev.ts)', () => {
  let root: string;
  let dev: ChildProcessWithoutNullStreams | undefined;
  let output = '';
  const write = (file: string, content: string): void => {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), content);
  };
  const saw = (text: string) => eventually(`"${text}" in the output`, () => output.includes(text));

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'dev-watch-'));
    output = '';
    write('pnpm-workspace.yaml', 'packages:\n  - apps/*\n');
    write(
      'apps/api/package.json',
      JSON.stringify({
        name: 'api',
        private: true,
        type: 'module',
        scripts: { build: 'node build.mjs' },
      }),
    );
    write('apps/api/build.mjs', BUILD);
    write('apps/api/src/local.js', appSource('v1'));
  });

  afterEach(async () => {
    if (dev?.exitCode === null) {
      dev.kill('SIGKILL');
      await once(dev, 'exit');
    }
    rmSync(root, { recursive: true, force: true });
  });

  it('builds and starts, restarts on a change, keeps the last good build when a build fails', async () => {
    const child = spawn(process.execPath, [DEV_SCRIPT, root], { env: process.env });
    dev = child;
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await saw('app v1 started');
    await saw('[dev] watching 1 package');

    write('apps/api/src/local.js', appSource('v2'));
    await saw('app v2 started');
    expect(output.indexOf('app v1 stopped')).toBeGreaterThan(output.indexOf('app v1 started'));
    expect(output.indexOf('app v1 stopped')).toBeLessThan(output.indexOf('app v2 started'));

    write('apps/api/src/local.js', `${appSource('v3')}\nBROKEN`);
    await saw('the build of apps/api failed: the API keeps running the last good build');
    expect(output).not.toContain('app v2 stopped');

    write('apps/api/src/local.js', appSource('v4'));
    await saw('app v4 started');
    expect(output).toContain('app v2 stopped');
    expect(output).not.toContain('app v3 started');

    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    expect((await exited)[0]).toBe(0);
    expect(output).toContain('app v4 stopped');
  }, 60_000);
});
