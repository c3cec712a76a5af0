import { Injectable } from '@nestjs/common';

/**
 * Process-wide lifecycle state: readiness answers 503 from the moment shutdown begins, and the
 * drain knows when the last request in flight has been answered.
 */
@Injectable()
export class LifecycleService {
  private shuttingDown = false;
  private inFlight = 0;
  private readonly onIdle: (() => void)[] = [];

  get isShuttingDown(): boolean {
    return this.shuttingDown;
  }

  beginShutdown(): void {
    this.shuttingDown = true;
  }

  /** Requests received and not yet answered. */
  get requestsInFlight(): number {
    return this.inFlight;
  }

  requestStarted(): void {
    this.inFlight += 1;
  }

  requestEnded(): void {
    this.inFlight -= 1;
    if (this.inFlight === 0) for (const resolve of this.onIdle.splice(0)) resolve();
  }

  /** Resolves once no request is in flight (at once if none is). */
  idle(): Promise<void> {
    if (this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.onIdle.push(resolve));
  }
}
