import { eventually, query, workerDatabaseUrl } from '@libs/testing';
import pg from 'pg';

export interface RowLock {
  /** Waits until `count` statements of other sessions are blocked behind locks. */
  blocked(count: number): Promise<void>;
  release(): Promise<void>;
}

/**
 * Holds `FOR UPDATE` locks on these rows in an open transaction of its own, on a direct
 * connection (no FaultProxy): the database itself makes every statement that writes or locks
 * them wait, as a long transaction elsewhere would.
 */
export async function lockRows(
  table: 'users' | 'products',
  ids: readonly string[],
): Promise<RowLock> {
  const url = workerDatabaseUrl();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('BEGIN');
  await client.query(`SELECT id FROM ${table} WHERE id = ANY($1::uuid[]) FOR UPDATE`, [ids]);
  let released = false;
  return {
    blocked: async (count) => {
      await eventually(`${count} statements waiting on a lock`, async () => {
        const [row] = await query<{ waiting: number }>(
          url,
          `SELECT count(*)::int AS waiting FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        );
        return (row?.waiting ?? 0) >= count;
      });
    },
    release: async () => {
      if (released) return;
      released = true;
      await client.query('ROLLBACK');
      await client.end();
    },
  };
}

export const lockUserRows = (ids: readonly string[]): Promise<RowLock> => lockRows('users', ids);
