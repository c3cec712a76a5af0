import type { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';

/**
 * Within a readiness probe's own timeout (3 s in k8s/), whatever the dependency does; a first
 * connection on a busy node can take over a second.
 */
const PING_TIMEOUT_MS = 2_500;

/** Settles like `promise`, or rejects once `ms` have passed; its timer never outlives it. */
async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A Terminus check of one dependency (`database`, `redis`): up when `ping` answers within
 * `timeoutMs`, down when it fails or hangs. Used by the API's readiness and the worker's alike.
 */
export function pingIndicator(
  health: HealthIndicatorService,
  key: string,
  ping: () => Promise<unknown>,
  timeoutMs = PING_TIMEOUT_MS,
): () => Promise<HealthIndicatorResult> {
  return async (): Promise<HealthIndicatorResult> => {
    const indicator = health.check(key);
    try {
      await withTimeout(ping(), timeoutMs, key);
      return indicator.up();
    } catch {
      return indicator.down();
    }
  };
}
