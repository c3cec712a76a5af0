import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import type { LoadResult, LoadSpec } from './load-spec.js';

type Answer = { ok: true; result: LoadResult } | { ok: false; error: string };

/** The load-generator process (support/load-worker.js), driven over IPC one run at a time. */
export class LoadGenerator {
  private constructor(private readonly child: ChildProcess) {}

  static start(): LoadGenerator {
    const worker = fileURLToPath(new URL('./load-worker.js', import.meta.url));
    return new LoadGenerator(fork(worker, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  run(spec: LoadSpec): Promise<LoadResult> {
    return new Promise((resolve, reject) => {
      const onMessage = (answer: Answer): void => {
        cleanup();
        if (answer.ok) resolve(answer.result);
        else reject(new Error(`load generator: ${answer.error}`));
      };
      const onExit = (): void => {
        cleanup();
        reject(new Error('the load generator exited'));
      };
      const cleanup = (): void => {
        this.child.off('message', onMessage);
        this.child.off('exit', onExit);
      };
      this.child.on('message', onMessage);
      this.child.once('exit', onExit);
      this.child.send(spec);
    });
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = once(this.child, 'exit');
    this.child.kill('SIGTERM');
    await exited;
  }
}
