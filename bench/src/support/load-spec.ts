/** One load run, sent to the load-generator process (plain data: it crosses a process boundary). */
export interface LoadSpec {
  /** One or more base URLs; connections are spread over them round-robin. */
  readonly urls: readonly string[];
  readonly connections: number;
  readonly seconds: number;
  readonly method: 'GET' | 'POST';
  /** Requests cycle through these paths (per connection). */
  readonly paths: readonly string[];
  readonly headers?: Readonly<Record<string, string>>;
  /** Bodies, one per request, taken in turn (JSON). */
  readonly bodies?: readonly string[];
  /** Each request gets a new random Idempotency-Key. */
  readonly freshIdempotencyKey?: boolean;
  /**
   * Refresh tokens to start chains with: each connection presents one, then the refresh token
   * each answer returns (a refresh token is single use): a pool, not a chain per connection.
   */
  readonly refreshSeeds?: readonly string[];
  /** Requests per second over all connections (default: as fast as the server answers). */
  readonly rate?: number;
  /** Statuses that count as success (default: any 2xx). */
  readonly expect?: readonly number[];
}

export interface LoadResult {
  readonly seconds: number;
  readonly requests: number;
  readonly rps: number;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly max: number;
  /** Connection errors and timeouts plus answers with an unexpected status. */
  readonly errors: number;
  readonly statuses: Readonly<Record<string, number>>;
}
