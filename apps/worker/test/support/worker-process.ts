import { startServiceProcess } from '@libs/testing';
import { fileURLToPath } from 'node:url';

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
 * The built worker as production runs it (`pnpm test` builds first), with exactly `env`, on
 * ports the system picks; resolves once it runs.
 */
export async function startWorkerProcess(env: Record<string, string>): Promise<WorkerProcess> {
  const worker = await startServiceProcess({
    entry: dist('main.js'),
    instrumentation: dist('instrumentation.js'),
    env: { HOST: '127.0.0.1', PORT: '0', METRICS_PORT: '0', ...env },
    ready: /worker running; health on port (\d+), metrics on port (\d+)/,
  });
  const [health, metrics] = worker.ports;
  return {
    healthUrl: `http://127.0.0.1:${health}/health`,
    metricsUrl: `http://127.0.0.1:${metrics}/metrics`,
    output: () => worker.output(),
    kill: (signal) => worker.kill(signal),
  };
}
