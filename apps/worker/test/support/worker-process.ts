import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath, pathToFileURL } from 'node:url';

const dist = (file: string): string =>
  fileURLToPath(new URL(`../../dist/${file}`, import.meta.url));

export interface WorkerProcess {
  readonly healthUrl: string;
  readonly metricsUrl: string;
  output(): string;
  /** Sends `signal` and resolves with the exit code. */
  kill(signal: NodeJS.Signals): Promise<number | null>;
}

/**
 * The built worker as production runs it (`node --import ./dist/instrumentation.js
 * dist/main.js`; `pnpm test` builds first) with exactly `env`; resolves once it runs.
 */
export async function startWorkerProcess(env: Record<string, string>): Promise<WorkerProcess> {
  const child: ChildProcessWithoutNullStreams = spawn(
    process.execPath,
    ['--import', pathToFileURL(dist('instrumentation.js')).href, dist('main.js')],
    {
      env: {
        PATH: process.env.PATH ?? '',
        HOST: '127.0.0.1',
        PORT: '0',
        METRICS_PORT: '0',
        ...env,
      },
    },
  );
  const exited = once(child, 'exit') as Promise<[number | null]>;
  let output = '';
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const [healthPort, metricsPort] = await new Promise<[number, number]>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /worker running; health on port (\d+), metrics on port (\d+)/.exec(output);
      if (match) resolve([Number(match[1]), Number(match[2])]);
    });
    void exited.then(() => reject(new Error(`worker exited before running:\n${output}`)));
  });
  return {
    healthUrl: `http://127.0.0.1:${healthPort}/health`,
    metricsUrl: `http://127.0.0.1:${metricsPort}/metrics`,
    output: () => output,
    kill: async (signal) => {
      child.kill(signal);
      const [code] = await exited;
      return code;
    },
  };
}
