import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createMigration, deployMigrations, repoRoot } from '@libs/database/migrate';
import { databaseUrl, query, requireHarnessEnv } from '@libs/testing';
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, readdir, readlink, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';

const ROOT = repoRoot();
/** Two words, so every case of the name (gift-cards, GiftCard, gift_card, giftCard) is exercised. */
const NAME = 'gift-cards';
/** Not copied: installed or built, or git's. node_modules are linked, dist is not needed. */
const SKIPPED = new Set(['node_modules', '.cache', 'dist', '.git', 'coverage']);
/** Copying, generating, migrating, a type check and two test files, on a busy 2-core machine. */
const BUDGET_MS = 600_000;

interface Output {
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a command to completion; a failure's message carries everything it printed. */
function run(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): Promise<Output> {
  return new Promise((done, fail) => {
    execFile(
      command,
      args,
      { ...options, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) fail(new Error(`${[command, ...args].join(' ')}: ${error.message}\n${stdout}`));
        else done({ stdout, stderr });
      },
    );
  });
}

/**
 * `to` gets a node_modules of its own whose entries point into `from`'s, except links to
 * workspace packages, which keep their relative target and so land on the copy's sources.
 */
async function linkNodeModules(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const [source, target] = [join(from, entry.name), join(to, entry.name)];
    if (entry.name.startsWith('@') && entry.isDirectory()) {
      await linkNodeModules(source, target);
      continue;
    }
    const link = entry.isSymbolicLink() ? await readlink(source) : undefined;
    const inWorkspace =
      link !== undefined &&
      !relative(ROOT, resolve(from, link)).split('/').includes('node_modules');
    await symlink(inWorkspace ? link : source, target);
  }
}

/** The workspace's package directories (those with a node_modules), root first. */
async function packageDirectories(): Promise<string[]> {
  const nested = await Promise.all(
    ['apps', 'libs'].map(async (parent) =>
      (await readdir(join(ROOT, parent))).map((name) => join(parent, name)),
    ),
  );
  const candidates = ['.', 'bench', ...nested.flat()];
  const present = await Promise.all(
    candidates.map((dir) =>
      readdir(join(ROOT, dir, 'node_modules')).then(
        () => dir,
        () => undefined,
      ),
    ),
  );
  return present.filter((dir) => dir !== undefined);
}

describe('npm run gen:resource', () => {
  let copy: string;
  const harness = requireHarnessEnv();
  /** The copy's own run of the test harness: its database is made here, with the new table. */
  const innerRunId = `${harness.runId}_gen`;
  /** Its worker database; named after the outer run, so that run's teardown drops it too. */
  const databaseName = `test_${innerRunId}_w1`;
  const database = databaseUrl(harness.postgresUrl, databaseName);
  const env = (): NodeJS.ProcessEnv => ({
    ...process.env,
    PATH: `${join(copy, 'node_modules', '.bin')}:${dirname(process.execPath)}:${process.env.PATH ?? ''}`,
    TEST_HARNESS_RUN_ID: innerRunId,
    JEST_WORKER_ID: '1',
  });

  /** A package.json script of the copy, run as pnpm runs it (its arguments appended). */
  async function runScript(dir: string, script: string, ...args: string[]): Promise<Output> {
    const { scripts } = JSON.parse(await readFile(join(copy, dir, 'package.json'), 'utf8')) as {
      scripts: Record<string, string | undefined>;
    };
    const command = scripts[script];
    if (!command) throw new Error(`${dir}/package.json has no script "${script}"`);
    return run('sh', ['-c', `${command} "$@"`, script, ...args], {
      cwd: join(copy, dir),
      env: env(),
    });
  }

  interface JestReport {
    numTotalTestSuites: number;
    numFailedTests: number;
    numPassedTests: number;
  }

  /** Jest in the copy, in band, on the given test files; fails unless every test passes. */
  async function jestIn(files: string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<JestReport> {
    const results = join(copy, `jest-results-${files.length}.json`);
    await run(
      process.execPath,
      [
        '--max-old-space-size=4096',
        '--experimental-vm-modules',
        '--disable-warning=ExperimentalWarning',
        'node_modules/jest/bin/jest.js',
        '--runInBand',
        '--ci',
        `--cacheDirectory=${join(copy, '.cache/jest')}`,
        '--json',
        `--outputFile=${results}`,
        ...files,
        '--selectProjects',
        'unit',
        'e2e',
      ],
      { cwd: copy, env: { ...env(), ...extraEnv } },
    );
    return JSON.parse(await readFile(results, 'utf8')) as JestReport;
  }

  beforeAll(async () => {
    copy = await mkdtemp(join(tmpdir(), 'gen-resource-'));
    await cp(ROOT, copy, {
      recursive: true,
      verbatimSymlinks: true,
      filter: (source) => !SKIPPED.has(basename(source)),
    });
    for (const dir of await packageDirectories()) {
      await linkNodeModules(join(ROOT, dir, 'node_modules'), join(copy, dir, 'node_modules'));
    }
    // Jest's global setup is the built harness (see jest.config.js); it does not change here.
    await symlink(join(ROOT, 'libs/testing/dist'), join(copy, 'libs/testing/dist'));
  });

  afterAll(async () => {
    await query(harness.postgresUrl, `DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
    if (copy) await rm(copy, { recursive: true, force: true });
  });

  it(
    'adds a feature that type-checks and whose generated unit and e2e tests pass',
    async () => {
      // What `pnpm gen:resource <name>` ends up running, then the Prisma client of the new model.
      const generated = await runScript('.', 'generate:resource', NAME);
      expect(generated.stdout + generated.stderr).toContain(`npm run db:migrate:new ${NAME}`);
      await runScript('libs/database', 'generate');

      const paths = {
        migrationsDir: join(copy, 'prisma/migrations'),
        schemaPath: join(copy, 'prisma/schema.prisma'),
      };
      await query(harness.postgresUrl, `CREATE DATABASE "${databaseName}"`);
      const migration = await createMigration(NAME, database, paths);
      await expect(readFile(migration.path, 'utf8')).resolves.toContain(
        'CREATE TABLE "gift_cards"',
      );
      await deployMigrations(database, paths);

      const typecheck = run(
        process.execPath,
        ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json', '--noEmit'],
        { cwd: copy, env: env() },
      );
      const tests = (async () => {
        // The contract first (docs/openapi.json, as `npm run openapi:write` does): the e2e
        // setup checks every response of the new routes against it.
        await jestIn(['apps/api/test/openapi-document.e2e-spec.ts'], { OPENAPI_WRITE: '1' });
        return jestIn([
          // Every problem type has its page and its row in docs/api.md.
          'apps/api/src/platform/problem/problem-pages.spec.ts',
          `apps/api/src/${NAME}/${NAME}.service.spec.ts`,
          `apps/api/test/${NAME}.e2e-spec.ts`,
        ]);
      })();
      // Both finish before the copy may go: the first failure is reported after that.
      const [checked, tested] = await Promise.allSettled([typecheck, tests]);
      if (checked.status === 'rejected') throw checked.reason;
      if (tested.status === 'rejected') throw tested.reason;
      expect(tested.value).toMatchObject({ numTotalTestSuites: 3, numFailedTests: 0 });
      expect(tested.value.numPassedTests).toBeGreaterThanOrEqual(20);
      const contract = await readFile(join(copy, 'docs/openapi.json'), 'utf8');
      expect(contract).toContain(`"/v1/${NAME}/{id}"`);
    },
    BUDGET_MS,
  );
});
