import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Major version of a PostgreSQL client program (`pg_dump (PostgreSQL) 15.20 …` -> 15). */
function majorOf(program: string): number | undefined {
  try {
    const version = execFileSync(program, ['--version'], { encoding: 'utf8' });
    return Number(/\(PostgreSQL\) (\d+)/.exec(version)?.[1]);
  } catch {
    return undefined;
  }
}

/**
 * A pg_dump and pg_restore able to work with a server of major version `serverMajor`: the same
 * major or a newer one (pg_dump refuses newer servers). Candidates: Debian's versioned
 * installations (/usr/lib/postgresql/<major>/bin, from postgresql-client-<major>), then PATH.
 * Throws with what to install when none fits, rather than skipping the backup test.
 */
export function pgClientTools(serverMajor: number): { pgDump: string; pgRestore: string } {
  const debian = '/usr/lib/postgresql';
  const candidates = [
    ...(existsSync(debian)
      ? readdirSync(debian)
          .map(Number)
          .filter((major) => major >= serverMajor)
          .sort((a, b) => a - b)
          .map((major) => join(debian, String(major), 'bin'))
      : []),
    '',
  ];
  for (const dir of candidates) {
    const pgDump = dir ? join(dir, 'pg_dump') : 'pg_dump';
    const pgRestore = dir ? join(dir, 'pg_restore') : 'pg_restore';
    const major = majorOf(pgDump);
    if (major !== undefined && major >= serverMajor && majorOf(pgRestore) === major) {
      return { pgDump, pgRestore };
    }
  }
  throw new Error(
    `no pg_dump/pg_restore of PostgreSQL ${serverMajor} or newer: install postgresql-client-${serverMajor}`,
  );
}
