/**
 * Helpers for unit tests with in-memory fakes (no I/O): `@libs/testing/fakes`, kept apart from
 * the harness so a unit test loads none of it.
 */
/** The public surface of a class: what a fake must implement. */
export type Public<T> = { [K in keyof T]: T[K] };

/**
 * Hands a fake to code that expects the real class. The fake implements every public member
 * (checked here), so the real class's private fields need not exist.
 */
export function asReal<T>(fake: Public<T>): T {
  return fake;
}

/** A clock a test moves by hand. */
export class ManualClock {
  constructor(private current = new Date('2026-01-01T00:00:00.000Z')) {}

  now(): Date {
    return new Date(this.current);
  }

  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

let sequence = 0;
/** Distinct, valid, ordered UUIDs for rows a fake creates. */
export function nextUuid(): string {
  sequence += 1;
  return `00000000-0000-4000-8000-${sequence.toString(16).padStart(12, '0')}`;
}
