/**
 * Builds the workspace packages whose inputs changed since their last build, and only those:
 * what `npm start`, `npm run dev`, `npm run worker` and the db commands run first.
 *
 * SWC compiles file by file and never reads another package, so a package's dist/ depends only
 * on its own files, the shared compiler settings and the installed compiler. After a successful
 * build the SHA-256 of those inputs is stored in dist/; a package whose inputs still hash to it is
 * up to date. `pnpm run build:all` (tests, CI, images) still rebuilds everything.
 *
 * Run by Node 24 as is (type stripping): node: imports and `yaml` only, erasable syntax only.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, globSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from 'yaml';

/** Read by every build: the compiler settings, and the lockfile that pins SWC and Prisma. */
const SHARED_INPUTS = ['.swcrc', 'pnpm-lock.yaml'];
/** Files outside a package that its build reads, relative to the repository root. */
const EXTRA_INPUTS: Readonly<Record<string, readonly string[]>> = {
  'libs/database': ['prisma/schema.prisma', 'prisma.config.ts'],
};
/** Written by a build inside src/ (the Prisma client): output, not input. */
const GENERATED_DIR = 'generated';
/** Where a package's build records the digest of the inputs it was built from. */
export const STAMP = join('dist', '.inputs.sha256');

/** Workspace packages that have a build script, as directories relative to `root`. */
export function buildablePackages(root: string): string[] {
  const workspace = parse(readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8')) as {
    packages?: string[];
  };
  return (workspace.packages ?? [])
    .flatMap((pattern) => globSync(pattern, { cwd: root }))
    .filter((dir) => {
      const manifest = join(root, dir, 'package.json');
      if (!existsSync(manifest)) return false;
      const { scripts } = JSON.parse(readFileSync(manifest, 'utf8')) as {
        scripts?: Record<string, string>;
      };
      return scripts?.build !== undefined;
    })
    .sort();
}

function filesUnder(root: string, dir: string): string[] {
  if (!existsSync(join(root, dir))) return [];
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)));
}

/** Every file the build of `pkg` reads, relative to `root`, sorted. */
export function buildInputs(root: string, pkg: string): string[] {
  const generated = join(pkg, 'src', GENERATED_DIR);
  const sources = filesUnder(root, join(pkg, 'src')).filter(
    (file) => file !== generated && !file.startsWith(`${generated}/`),
  );
  return [...SHARED_INPUTS, ...(EXTRA_INPUTS[pkg] ?? []), join(pkg, 'package.json'), ...sources]
    .filter((file) => existsSync(join(root, file)))
    .sort();
}

/** SHA-256 over the names and contents of `files`: a rename, edit, addition or removal changes it. */
export function digestOf(root: string, files: readonly string[]): string {
  const hash = createHash('sha256');
  for (const file of files) {
    hash
      .update(file)
      .update('\0')
      .update(readFileSync(join(root, file)))
      .update('\0');
  }
  return hash.digest('hex');
}

export function isUpToDate(root: string, pkg: string, digest: string): boolean {
  const stamp = join(root, pkg, STAMP);
  return existsSync(stamp) && readFileSync(stamp, 'utf8') === digest;
}

/** Runs the package's own build script (`pnpm run build` in its directory); false if it failed. */
function pnpmBuild(root: string, pkg: string): boolean {
  return (
    spawnSync('pnpm', ['run', 'build'], { cwd: join(root, pkg), stdio: 'inherit' }).status === 0
  );
}

/**
 * Builds each package whose inputs changed (its stamp is written only once its build succeeded)
 * and returns the ones it built. Throws, naming the package, when a build fails.
 */
export function buildChanged(
  root: string,
  build: (root: string, pkg: string) => boolean = pnpmBuild,
): string[] {
  const built: string[] = [];
  for (const pkg of buildablePackages(root)) {
    // Hashed before the build: an edit made while it runs makes the next run build again.
    const digest = digestOf(root, buildInputs(root, pkg));
    if (isUpToDate(root, pkg, digest)) continue;
    if (!build(root, pkg)) throw new Error(`the build of ${pkg} failed`);
    mkdirSync(join(root, pkg, 'dist'), { recursive: true });
    writeFileSync(join(root, pkg, STAMP), digest);
    built.push(pkg);
  }
  return built;
}

const entry = process.argv[1];
if (entry && import.meta.url === pathToFileURL(resolve(entry)).href) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  try {
    const built = buildChanged(root);
    process.stderr.write(
      `[build] ${built.length === 0 ? 'every package is up to date' : `built ${built.join(', ')}`}\n`,
    );
  } catch (error) {
    process.stderr.write(`[build] ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
