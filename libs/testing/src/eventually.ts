import { setTimeout as delay } from 'node:timers/promises';

export interface EventuallyOptions {
  /** Give up after this long. */
  readonly timeoutMs?: number;
  /** Between attempts. */
  readonly intervalMs?: number;
}

/**
 * Polls `check` until it returns a value other than undefined/false (returned) or the time is
 * up (then throws, naming `what`). For state that settles asynchronously, instead of a sleep.
 */
export async function eventually<T>(
  what: string,
  check: () => T | Promise<T>,
  { timeoutMs = 10_000, intervalMs = 20 }: EventuallyOptions = {},
): Promise<Exclude<T, false | undefined>> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value as Exclude<T, false | undefined>;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`, { cause: lastError });
    }
    await delay(intervalMs);
  }
}
