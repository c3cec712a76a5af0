import type request from 'supertest';

/** One answered (or failed) request of a load run. */
export interface Outcome {
  /** 0 when no HTTP answer came at all (connection refused, reset, ...). */
  readonly status: number;
  readonly ms: number;
  /** Which loop sent it, and its sequence number in that loop. */
  readonly loop: number;
  readonly seq: number;
  /** Label given by the request factory (e.g. 'read', 'write'). */
  readonly kind: string;
  readonly contentType: string | undefined;
  readonly retryAfter: string | undefined;
  readonly body: unknown;
  /** Anything the factory wants to remember about the request (e.g. the value it wrote). */
  readonly sent: unknown;
  /** Which phase of the test it started in, and which one it ended in. */
  readonly phase: string;
  readonly endPhase: string;
}

export interface LoadRequest {
  readonly kind: string;
  readonly test: request.Test;
  readonly sent?: unknown;
}

/**
 * `concurrency` loops, each sending the next request as soon as the previous one is answered,
 * until stopped: real traffic on loopback. `phase` labels the outcomes, so a test can tell what
 * happened before, during and after a fault.
 */
export class Load {
  readonly outcomes: Outcome[] = [];
  phase = 'before';
  private running = true;
  private readonly loops: Promise<void>[];

  constructor(concurrency: number, next: (loop: number, seq: number) => LoadRequest) {
    this.loops = Array.from({ length: concurrency }, (_, loop) => this.run(loop, next));
  }

  /** Outcomes of requests sent and answered within one phase. */
  in(phase: string): Outcome[] {
    return this.outcomes.filter((o) => o.phase === phase && o.endPhase === phase);
  }

  /** Stops sending and waits for the requests in flight. */
  async stop(): Promise<Outcome[]> {
    this.running = false;
    await Promise.all(this.loops);
    return this.outcomes;
  }

  private async run(loop: number, next: (loop: number, seq: number) => LoadRequest): Promise<void> {
    for (let seq = 0; this.running; seq += 1) {
      const { kind, test, sent } = next(loop, seq);
      const phase = this.phase;
      const started = performance.now();
      let res: request.Response | undefined;
      try {
        res = await test;
      } catch {
        res = undefined;
      }
      this.outcomes.push({
        status: res?.status ?? 0,
        ms: performance.now() - started,
        loop,
        seq,
        kind,
        contentType: res?.headers['content-type'],
        retryAfter: res?.headers['retry-after'],
        body: res?.body,
        sent,
        phase,
        endPhase: this.phase,
      });
    }
  }
}
