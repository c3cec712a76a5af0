import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildChanged, buildInputs } from './build-changed.js';

describe('buildChanged', () => {
  let root: string;
  let builds: string[];
  let failing: Set<string>;
  const write = (file: string, content: string): void => {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), content);
  };
  /** Records the packages it builds; fails those in `failing`. */
  const build = (_root: string, pkg: string): boolean => {
    builds.push(pkg);
    return !failing.has(pkg);
  };
  const run = (): string[] => {
    builds = [];
    return buildChanged(root, build);
  };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'build-changed-'));
    failing = new Set();
    write('pnpm-workspace.yaml', 'packages:\n  - apps/*\n  - libs/*\n');
    write('.swcrc', '{}');
    write('pnpm-lock.yaml', 'lockfileVersion: 9\n');
    write('prisma/schema.prisma', 'model A {}');
    for (const pkg of ['apps/api', 'libs/config', 'libs/database']) {
      write(`${pkg}/package.json`, JSON.stringify({ scripts: { build: 'swc src -d dist' } }));
      write(`${pkg}/src/index.ts`, 'export {};');
    }
    write('libs/docs-only/package.json', JSON.stringify({ scripts: {} }));
  });

  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('builds every package with a build script the first time, then none', () => {
    expect(run()).toEqual(['apps/api', 'libs/config', 'libs/database']);
    expect(run()).toEqual([]);
    expect(builds).toEqual([]);
  });

  it('rebuilds only the package whose source changed, was added or was removed', () => {
    run();
    write('libs/config/src/index.ts', 'export const changed = 1;');
    expect(run()).toEqual(['libs/config']);
    write('apps/api/src/new.ts', 'export {};');
    expect(run()).toEqual(['apps/api']);
    unlinkSync(join(root, 'apps/api/src/new.ts'));
    expect(run()).toEqual(['apps/api']);
  });

  it('rebuilds everything when the compiler settings or the lockfile change', () => {
    run();
    write('.swcrc', '{"minify": true}');
    expect(run()).toEqual(['apps/api', 'libs/config', 'libs/database']);
    write('pnpm-lock.yaml', 'lockfileVersion: 9\n# swc upgraded\n');
    expect(run()).toEqual(['apps/api', 'libs/config', 'libs/database']);
  });

  it('rebuilds the database package when the Prisma schema changes, not when its client is written', () => {
    run();
    write('libs/database/src/generated/prisma/client.ts', 'export {};');
    expect(run()).toEqual([]);
    write('prisma/schema.prisma', 'model A {}\nmodel B {}');
    expect(run()).toEqual(['libs/database']);
    expect(buildInputs(root, 'libs/database')).toContain('prisma/schema.prisma');
  });

  it('rebuilds a package whose dist/ was deleted', () => {
    run();
    rmSync(join(root, 'libs/config/dist'), { recursive: true });
    expect(run()).toEqual(['libs/config']);
  });

  it('stops at a failed build and tries it again next time', () => {
    failing.add('libs/config');
    expect(run).toThrow('the build of libs/config failed');
    failing.clear();
    expect(run()).toEqual(['libs/config', 'libs/database']);
  });
});
