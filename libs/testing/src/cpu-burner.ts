import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

/** Threads that spin at 100 % CPU each until stopped: a machine busy with other work. */
export interface CpuBurner {
  readonly threads: number;
  stop(): Promise<void>;
}

/**
 * Starts `threads` busy threads (one per core by default), so timing-sensitive tests can be run
 * on a machine that is busy: `node libs/testing/dist/cpu-burner-cli.js -- <test command>`.
 */
export function burnCpu(threads = availableParallelism()): CpuBurner {
  const workers = Array.from({ length: threads }, () => new Worker('for (;;) {}', { eval: true }));
  return {
    threads,
    stop: async () => {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
