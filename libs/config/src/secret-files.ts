import { readFileSync } from 'node:fs';

/**
 * The variables that hold secrets. Each may instead name a file with `<NAME>_FILE` (a mounted
 * Kubernetes Secret, a Docker secret), so the value never sits in the process environment.
 */
export const SECRET_VARIABLES = [
  'DATABASE_URL',
  'REDIS_URL',
  'JWT_SIGNING_KEYS',
  'MFA_ENCRYPTION_KEYS',
  'OIDC_PROVIDERS',
  'SMTP_URL',
] as const;

export type ReadSecretFile = (path: string) => string;

const readUtf8: ReadSecretFile = (path) => readFileSync(path, 'utf8');

/**
 * Returns `source` with every `<NAME>_FILE` replaced by `<NAME>` = the file's content (one read,
 * at startup; a trailing newline, as editors and `kubectl create secret --from-file` leave it, is
 * dropped). Problems name the variable and the path, never the content: setting both forms, or
 * a file that cannot be read.
 */
export function resolveSecretFiles(
  source: NodeJS.ProcessEnv,
  readFile: ReadSecretFile = readUtf8,
): { env: NodeJS.ProcessEnv; problems: string[] } {
  const fileVariables = new Set<string>(SECRET_VARIABLES.map((name) => `${name}_FILE`));
  const env: NodeJS.ProcessEnv = Object.fromEntries(
    Object.entries(source).filter(([key]) => !fileVariables.has(key)),
  );
  const problems: string[] = [];
  for (const name of SECRET_VARIABLES) {
    const path = source[`${name}_FILE`];
    if (path === undefined || path === '') continue;
    if (source[name] !== undefined && source[name] !== '') {
      problems.push(`${name}: set either ${name} or ${name}_FILE, not both`);
      continue;
    }
    try {
      env[name] = readFile(path).replace(/\r?\n$/, '');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
      problems.push(`${name}_FILE: cannot read ${path} (${code})`);
    }
  }
  return { env, problems };
}
