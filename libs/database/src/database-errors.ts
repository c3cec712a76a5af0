/** Prisma error codes of connection-level failures (not reachable, timed out, closed, pool). */
// P2028: an interactive transaction could not start in time (pool exhausted) or ran past its
// timeout: the database is overloaded, not the request wrong.
const PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2028', 'P2037']);
/** Driver adapter error kinds with the same meaning (adapter-pg sets them on DriverAdapterError). */
const ADAPTER_KINDS = new Set([
  'DatabaseNotReachable',
  'SocketTimeout',
  'ConnectionClosed',
  'TooManyConnections',
]);
/**
 * SQLSTATEs: statement timeout, server shutting down or starting, too many connections, and a
 * transaction chosen as deadlock victim or serialization failure (worth retrying later).
 */
const SQLSTATES = new Set(['57014', '57P01', '57P02', '57P03', '53300', '40P01', '40001']);
/** SQLSTATE class 08: connection exception. */
const CONNECTION_EXCEPTION_CLASS = '08';
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
/** pg reports its own timeouts and lost connections by message only. */
const PG_MESSAGES = new Set([
  'timeout exceeded when trying to connect',
  'timeout expired',
  'Connection terminated due to connection timeout',
  'Connection terminated unexpectedly',
  'Query read timeout',
  // A pooled client whose connection broke, used before the pool noticed (e.g. in a transaction).
  'Client has encountered a connection error and is not queryable',
  'Client was closed and is not queryable',
]);
/** Enough for Prisma → DriverAdapterError → pg error → socket error chains. */
const MAX_DEPTH = 6;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function describesOutage(value: Record<string, unknown>): boolean {
  const { code, kind, originalCode, errorCode, message } = value;
  return (
    (typeof code === 'string' &&
      (PRISMA_CODES.has(code) ||
        SQLSTATES.has(code) ||
        SOCKET_CODES.has(code) ||
        (code.length === 5 && code.startsWith(CONNECTION_EXCEPTION_CLASS)))) ||
    (typeof errorCode === 'string' && PRISMA_CODES.has(errorCode)) ||
    (typeof kind === 'string' && ADAPTER_KINDS.has(kind)) ||
    (typeof originalCode === 'string' && SQLSTATES.has(originalCode)) ||
    (typeof message === 'string' && PG_MESSAGES.has(message))
  );
}

/** The errors an error wraps: `cause`, Prisma's `meta.driverAdapterError`, AggregateError's list. */
function wrapped(value: Record<string, unknown>): unknown[] {
  const meta = value.meta;
  return [
    value.cause,
    isObject(meta) ? meta.driverAdapterError : undefined,
    ...(Array.isArray(value.errors) ? (value.errors as unknown[]) : []),
  ];
}

function unavailable(error: unknown, depth: number): boolean {
  if (!isObject(error) || depth > MAX_DEPTH) return false;
  return describesOutage(error) || wrapped(error).some((inner) => unavailable(inner, depth + 1));
}

/**
 * Whether an error means PostgreSQL cannot serve the request right now (unreachable, connection
 * lost or refused, no pooled connection in time, statement timeout, shutting down), as opposed
 * to a problem with the request itself. Callers answer these with 503 and Retry-After.
 */
export function isDatabaseUnavailableError(error: unknown): boolean {
  return unavailable(error, 0);
}

function carriesSqlState(error: unknown, sqlState: string, depth: number): boolean {
  if (!isObject(error) || depth > MAX_DEPTH) return false;
  return (
    error.code === sqlState ||
    error.originalCode === sqlState ||
    wrapped(error).some((inner) => carriesSqlState(inner, sqlState, depth + 1))
  );
}

/**
 * Whether PostgreSQL failed the statement with this SQLSTATE, however Prisma and the driver
 * wrapped it (e.g. `55P03`: lock_timeout ran out while waiting for a lock).
 */
export function hasSqlState(error: unknown, sqlState: string): boolean {
  return carriesSqlState(error, sqlState, 0);
}
