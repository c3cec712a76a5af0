#!/usr/bin/env node
// Entry point of every README command (`npm start`, `npm test`, `npm run <script>`).
//
// Runs on any Node >= 20 with nothing but npm: it provides the pinned Node 24 (from the npm
// registry's `node-<platform>-<arch>` package) and the pinned pnpm (from `packageManager`) in
// .cache/toolchain, installs the workspace with the frozen lockfile, then runs `pnpm run <task>`
// with that toolchain first on PATH. Keep this file dependency-free and Node 20 compatible.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const toolDir = join(root, '.cache', 'toolchain');
const binDir = join(toolDir, 'bin');

const nodeVersion = readFileSync(join(root, '.nvmrc'), 'utf8').trim();
const { packageManager } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const pnpmVersion = packageManager.replace(/^pnpm@/, '');

function log(message) {
  process.stderr.write(`[toolchain] ${message}\n`);
}

function run(command, args, env = process.env) {
  const result = spawnSync(command, args, { cwd: root, env, stdio: 'inherit' });
  if (result.status !== 0) {
    log(`failed: ${command} ${args.join(' ')}`);
    process.exit(result.status ?? 1);
  }
}

/** Installs Node and pnpm into .cache/toolchain unless the pinned versions are already there. */
function ensureToolchain() {
  const nodePackage = `node-${process.platform}-${process.arch}`;
  const stamp = join(toolDir, 'versions.json');
  const wanted = JSON.stringify({ nodePackage, nodeVersion, pnpmVersion });
  const nodeBinary = join(toolDir, 'node_modules', nodePackage, 'bin', 'node');
  if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== wanted || !existsSync(nodeBinary)) {
    log(`installing Node ${nodeVersion} and pnpm ${pnpmVersion} into .cache/toolchain`);
    mkdirSync(toolDir, { recursive: true });
    run('npm', [
      'install',
      '--prefix',
      toolDir,
      '--no-save',
      '--no-package-lock',
      '--no-audit',
      '--no-fund',
      '--ignore-scripts',
      `${nodePackage}@${nodeVersion}`,
      `pnpm@${pnpmVersion}`,
    ]);
    writeFileSync(stamp, wanted);
  }
  // Shims so that every child (pnpm scripts, jest workers, the API) finds the same node and pnpm.
  mkdirSync(binDir, { recursive: true });
  const pnpmEntry = join(toolDir, 'node_modules', 'pnpm', 'bin', 'pnpm.mjs');
  writeFileSync(join(binDir, 'node'), `#!/bin/sh\nexec "${nodeBinary}" "$@"\n`);
  writeFileSync(join(binDir, 'pnpm'), `#!/bin/sh\nexec "${nodeBinary}" "${pnpmEntry}" "$@"\n`);
  chmodSync(join(binDir, 'node'), 0o755);
  chmodSync(join(binDir, 'pnpm'), 0o755);
}

const [command, task, ...rest] = process.argv.slice(2);
if (command !== 'run' || !task) {
  log('usage: node scripts/toolchain.mjs run <pnpm script> [args...]');
  process.exit(2);
}

ensureToolchain();
const env = {
  ...process.env,
  PATH: `${binDir}:${process.env.PATH ?? ''}`,
  // pnpm must not try to manage its own version; this script already pinned it.
  COREPACK_ENABLE_STRICT: '0',
  npm_config_manage_package_manager_versions: 'false',
};
run('pnpm', ['install', '--frozen-lockfile', '--prefer-offline'], env);

const child = spawn('pnpm', ['run', task, ...rest], { cwd: root, env, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => {
  process.exitCode = code ?? (signal ? 128 : 1);
});
