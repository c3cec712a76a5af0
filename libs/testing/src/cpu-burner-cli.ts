import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { burnCpu } from './cpu-burner.js';

const USAGE = `Usage: node libs/testing/dist/cpu-burner-cli.js [--threads N] -- <command> [args...]

Runs the command while N threads (default: one per core) keep every core busy, and exits with
the command's exit code: proof that tests do not depend on an idle machine.`;

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    options: { threads: { type: 'string' }, help: { type: 'boolean', default: false } },
    allowPositionals: true,
  });
  const [file, ...args] = positionals;
  const threads = values.threads === undefined ? undefined : Number(values.threads);
  if (values.help || file === undefined || (threads !== undefined && !(threads >= 1))) {
    process.stdout.write(`${USAGE}\n`);
    return values.help ? 0 : 2;
  }
  const burner = burnCpu(threads);
  process.stderr.write(
    `[cpu-burner] ${burner.threads} busy thread(s) beside: ${positionals.join(' ')}\n`,
  );
  const child = spawn(file, args, { stdio: 'inherit' });
  // Stopping the burner stops the command (and then the burner, once the command exits).
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  const code = await new Promise<number>((resolve) => {
    child.on('exit', (exitCode) => resolve(exitCode ?? 1));
    child.on('error', (error) => {
      process.stderr.write(`[cpu-burner] ${error.message}\n`);
      resolve(127);
    });
  });
  await burner.stop();
  return code;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  },
);
