import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath, pathToFileURL } from 'node:url';

const dist = (file: string): string =>
  fileURLToPath(new URL(`../../dist/${file}`, import.meta.url));

/**
 * Time for a test with a built process: it starts in seconds on an idle machine, but Node,
 * the instrumentation and Nest take ten times that beside other CPU-heavy work.
 */
export const PROCESS_TEST_TIMEOUT_MS = 120_000;

export interface ApiProcess {
  readonly baseUrl: string;
  readonly metricsUrl: string;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** SIGTERM, then the exit code once it has drained. */
  stop(): Promise<number | null>;
  /** Sends `signal`; resolves once the process is gone (null: killed by the signal). */
  kill(signal: NodeJS.Signals): Promise<number | null>;
}

/**
 * The built API as production runs it (`node --import ./dist/instrumentation.js dist/main.js`,
 * pnpm test builds first), with exactly `env`, on ports the system picks (PORT=0, METRICS_PORT=0).
 * Resolves once it listens, as its log line says.
 */
export async function startApiProcess(env: Record<string, string>): Promise<ApiProcess> {
  const child: ChildProcessWithoutNullStreams = spawn(
    process.execPath,
    ['--import', pathToFileURL(dist('instrumentation.js')).href, dist('main.js')],
    {
      env: {
        PATH: process.env.PATH ?? '',
        PORT: '0',
        METRICS_PORT: '0',
        HOST: '127.0.0.1',
        ...env,
      },
    },
  );
  const exited = once(child, 'exit') as Promise<[number | null]>;
  let output = '';
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const ports = await new Promise<[number, number]>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on port (\d+), metrics on port (\d+)/.exec(output);
      if (match) resolve([Number(match[1]), Number(match[2])]);
    });
    void exited.then(() => reject(new Error(`main.js exited before listening:\n${output}`)));
  });
  const kill = async (signal: NodeJS.Signals): Promise<number | null> => {
    child.kill(signal);
    const [code] = await exited;
    return code;
  };
  return {
    baseUrl: `http://127.0.0.1:${ports[0]}`,
    metricsUrl: `http://127.0.0.1:${ports[1]}/metrics`,
    output: () => output,
    stop: () => kill('SIGTERM'),
    kill,
  };
}
