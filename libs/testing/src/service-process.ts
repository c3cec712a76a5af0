import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { pathToFileURL } from 'node:url';

export interface ServiceProcess {
  /** The numbers `ready` captured from the output (the ports the service listens on). */
  readonly ports: readonly number[];
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** Sends `signal` (SIGTERM by default) and resolves with the exit code (null if killed). */
  kill(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * A built app as production runs it: `node --import <instrumentation> <entry>` with exactly
 * `env` (plus PATH). Resolves once its output matches `ready`, whose groups are the ports.
 */
export async function startServiceProcess(options: {
  entry: string;
  instrumentation: string;
  env: Record<string, string>;
  ready: RegExp;
}): Promise<ServiceProcess> {
  const child: ChildProcessWithoutNullStreams = spawn(
    process.execPath,
    ['--import', pathToFileURL(options.instrumentation).href, options.entry],
    { env: { PATH: process.env.PATH ?? '', ...options.env } },
  );
  const exited = once(child, 'exit') as Promise<[number | null]>;
  let output = '';
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const ports = await new Promise<number[]>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = options.ready.exec(output);
      if (match) resolve(match.slice(1).map(Number));
    });
    void exited.then(() =>
      reject(new Error(`${options.entry} exited before it was ready:\n${output}`)),
    );
  });
  return {
    ports,
    output: () => output,
    kill: async (signal = 'SIGTERM') => {
      child.kill(signal);
      const [code] = await exited;
      return code;
    },
  };
}
