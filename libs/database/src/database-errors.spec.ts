import { describe, expect, it } from '@jest/globals';
import { DriverAdapterError } from '@prisma/driver-adapter-utils';
import { Prisma } from './generated/prisma/client.js';
import { hasSqlState, isDatabaseUnavailableError } from './database-errors.js';

const clientVersion = '7.10.0';

function prismaError(code: string, driverAdapterCause?: Record<string, unknown>): Error {
  return new Prisma.PrismaClientKnownRequestError('failed', {
    code,
    clientVersion,
    meta: driverAdapterCause
      ? { driverAdapterError: { name: 'DriverAdapterError', cause: driverAdapterCause } }
      : {},
  });
}

function socketError(code: string): Error {
  return Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code, syscall: 'connect' });
}

function pgError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code, severity: 'ERROR' });
}

describe('isDatabaseUnavailableError', () => {
  it.each([
    ['unreachable (model query)', prismaError('P1001')],
    ['timed out', prismaError('P1002')],
    ['connection closed', prismaError('P1017')],
    ['pool timeout', prismaError('P2024')],
    ['transaction not started in time', prismaError('P2028')],
    [
      'unreachable (raw query)',
      prismaError('P2010', { kind: 'DatabaseNotReachable', host: '127.0.0.1', port: 1 }),
    ],
    [
      'statement timeout (raw query)',
      prismaError('P2010', { kind: 'postgres', code: '57014', originalCode: '57014' }),
    ],
    [
      'deadlock victim (raw query)',
      prismaError('P2010', { kind: 'postgres', code: '40P01', originalCode: '40P01' }),
    ],
    [
      'server shutting down',
      prismaError('P2010', { kind: 'postgres', code: '57P01', originalCode: '57P01' }),
    ],
    [
      'initialization error',
      new Prisma.PrismaClientInitializationError(
        "Can't reach database server",
        clientVersion,
        'P1001',
      ),
    ],
    ['driver adapter error', new DriverAdapterError({ kind: 'ConnectionClosed' })],
    ['too many connections', new DriverAdapterError({ kind: 'TooManyConnections', cause: 'full' })],
    ['connection refused', socketError('ECONNREFUSED')],
    ['connection reset', socketError('ECONNRESET')],
    ['refused on every address', new AggregateError([socketError('ECONNREFUSED')], 'failed')],
    ['pg pool timeout', new Error('timeout exceeded when trying to connect')],
    ['pg connect timeout', new Error('Connection terminated due to connection timeout')],
    ['pg client connect timeout', new Error('timeout expired')],
    [
      'pg client broken earlier',
      new Error('Client has encountered a connection error and is not queryable'),
    ],
    ['pg client closed', new Error('Client was closed and is not queryable')],
    ['pg statement timeout', pgError('57014', 'canceling statement due to statement timeout')],
    ['pg connection exception', pgError('08006', 'connection failure')],
    ['cannot connect now', pgError('57P03', 'the database system is starting up')],
    ['wrapped in a cause', new Error('migration failed', { cause: socketError('ECONNREFUSED') })],
  ])('recognises %s', (_, error) => {
    expect(isDatabaseUnavailableError(error)).toBe(true);
  });

  it.each([
    ['unique constraint', prismaError('P2002')],
    ['record not found', prismaError('P2025')],
    [
      'missing database',
      prismaError('P2010', { kind: 'DatabaseDoesNotExist', originalCode: '3D000' }),
    ],
    ['syntax error', pgError('42601', 'syntax error at or near "SELEC"')],
    ['plain error', new Error('boom')],
    ['not an error', 'ECONNREFUSED'],
    ['nothing', undefined],
  ])('does not flag %s', (_, error) => {
    expect(isDatabaseUnavailableError(error)).toBe(false);
  });

  it('stops on cyclic causes', () => {
    const error = new Error('loop') as Error & { cause: unknown };
    error.cause = error;
    expect(isDatabaseUnavailableError(error)).toBe(false);
  });
});

describe('hasSqlState', () => {
  it('finds the SQLSTATE of a raw query error wrapped by Prisma and the driver adapter', () => {
    const lockTimeout = prismaError('P2010', {
      kind: 'postgres',
      code: '55P03',
      originalCode: '55P03',
    });
    expect(hasSqlState(lockTimeout, '55P03')).toBe(true);
    expect(hasSqlState(lockTimeout, '57014')).toBe(false);
  });

  it('finds it on a pg error, and not on errors without one', () => {
    expect(hasSqlState(pgError('55P03', 'canceling statement due to lock timeout'), '55P03')).toBe(
      true,
    );
    expect(hasSqlState(new Error('55P03'), '55P03')).toBe(false);
    expect(hasSqlState(undefined, '55P03')).toBe(false);
  });
});
