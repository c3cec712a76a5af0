import { Injectable } from '@nestjs/common';

/** Process-wide lifecycle state: readiness answers 503 from the moment shutdown begins. */
@Injectable()
export class LifecycleService {
  private shuttingDown = false;

  get isShuttingDown(): boolean {
    return this.shuttingDown;
  }

  beginShutdown(): void {
    this.shuttingDown = true;
  }
}
