import type { Config } from '@libs/config';

export interface InProcessWorker {
  /** Finishes the jobs in hand and closes the worker's connections. */
  stop(): Promise<void>;
}

/**
 * The worker (apps/worker) inside the `npm start` process, for LOCAL_WORKER=true: order events
 * travel through the outbox, BullMQ and the notification consumer exactly as in production, and
 * their log lines appear beside the API's. Loaded only when asked for; the API's production
 * image does not ship the worker (a development dependency of this package).
 */
export async function startInProcessWorker(config: Config): Promise<InProcessWorker> {
  const { createWorker, stopWorker } = await import('@apps/worker');
  const app = await createWorker(config);
  return { stop: () => stopWorker(app) };
}
