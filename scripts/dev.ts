/**
 * `npm run dev`: `npm start` that follows your edits. It builds what changed (SWC, via
 * build-changed.ts), runs the API's local entry point, and on every saved change under a
 * package's src/ (or prisma/schema.prisma, .swcrc) rebuilds the packages that changed and
 * restarts the API: SIGTERM, a graceful drain, then a new process. When a build fails, the last
 * good build keeps running until the next save. The app inherits the terminal, so its logs are
 * human-readable there (LOG_FORMAT=auto).
 *
 * Usage: node scripts/dev.ts [workspace root, default: this repository]
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { type FSWatcher, existsSync, watch } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildChanged, buildablePackages } from './build-changed.ts';

/** What the API's `npm start` runs, relative to the workspace root. */
const APP_ENTRY = join('apps', 'api', 'dist', 'local.js');
/** Saves usually come in bursts (an editor's temp file, a formatter): act once they settle. */
const SETTLE_MS = 200;

const root = resolve(process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..'));
const log = (message: string): void => {
  process.stderr.write(`[dev] ${message}\n`);
};

/**
 * Where a change can change a build: each package's src/, and the directories of the shared
 * inputs (.swcrc, the lockfile, prisma/schema.prisma; watched as directories, since editors
 * replace files). Any event only prompts build-changed, whose digests decide what is rebuilt.
 */
function watchTargets(): { path: string; recursive: boolean }[] {
  return [
    ...buildablePackages(root).map((pkg) => ({ path: join(root, pkg, 'src'), recursive: true })),
    { path: root, recursive: false },
    { path: join(root, 'prisma'), recursive: false },
  ].filter(({ path }) => existsSync(path));
}

let app: ChildProcess | undefined;
let running = false;
let stopping = false;

function startApp(): void {
  const child = spawn(process.execPath, [APP_ENTRY], { cwd: root, stdio: 'inherit' });
  running = true;
  child.once('exit', (code, signal) => {
    running = false;
    if (child === app && !stopping)
      log(`the API exited (${signal ?? String(code)}); waiting for a change`);
  });
  app = child;
}

async function stopApp(): Promise<void> {
  const child = app;
  if (!child || !running) return;
  stopping = true;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  await exited;
  stopping = false;
}

/** Builds what changed; true when something was built (or nothing runs yet), false on failure. */
function build(): boolean {
  try {
    const built = buildChanged(root);
    if (built.length > 0) log(`rebuilt ${built.join(', ')}`);
    return built.length > 0 || !running;
  } catch (error) {
    const next = running ? 'the API keeps running the last good build' : 'waiting for a change';
    log(`${error instanceof Error ? error.message : String(error)}: ${next}`);
    return false;
  }
}

let settle: NodeJS.Timeout | undefined;
let cycle = Promise.resolve();
function onChange(file: string | null): void {
  // The Prisma client, written by the database package's own build.
  if (file?.split(/[\\/]/).includes('generated')) return;
  clearTimeout(settle);
  settle = setTimeout(() => {
    cycle = cycle
      .then(async () => {
        if (!build()) return;
        log('restarting the API');
        await stopApp();
        startApp();
      })
      .catch((error: unknown) => {
        log(`restart failed: ${String(error)}`);
      });
  }, SETTLE_MS);
}

const watchers: FSWatcher[] = watchTargets().map(({ path, recursive }) =>
  watch(path, { recursive }, (_event, file) => {
    onChange(file);
  }),
);

async function shutdown(): Promise<void> {
  for (const watcher of watchers) watcher.close();
  clearTimeout(settle);
  await cycle;
  await stopApp();
  process.exit(0);
}
process.once('SIGINT', () => void shutdown());
process.once('SIGTERM', () => void shutdown());

if (build()) startApp();
const packages = buildablePackages(root).length;
log(`watching ${packages} package${packages === 1 ? '' : 's'}; Ctrl+C stops`);
