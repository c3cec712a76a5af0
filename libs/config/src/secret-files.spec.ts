import { afterEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from './config.js';
import { SECRET_VARIABLES } from './secret-files.js';
import { problemsOf } from '../test/config-problems.js';

const signingKeys = JSON.stringify([
  { kty: 'OKP', crv: 'Ed25519', kid: 'k1', x: 'public-part', d: 'private-part' },
]);

/** Secret files in a fresh directory, as a mounted Secret volume holds them. */
function secretDir(files: Record<string, string>): { path: (name: string) => string } {
  const dir = mkdtempSync(join(tmpdir(), 'secrets-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  afterCleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  return { path: (name) => join(dir, name) };
}
const afterCleanup: (() => void)[] = [];
afterEach(() => afterCleanup.splice(0).forEach((cleanup) => cleanup()));

describe('secrets as files (<NAME>_FILE)', () => {
  it('reads every secret of a production process from files, trailing newline dropped', () => {
    const provider = { name: 'corp', issuer: 'https://id.example.com', clientId: 'api' };
    const secrets = secretDir({
      DATABASE_URL: 'postgresql://app:pw@db:5432/app\n',
      REDIS_URL: 'rediss://cache:6380/0\n',
      JWT_SIGNING_KEYS: signingKeys,
      MFA_ENCRYPTION_KEYS: `m1:${Buffer.alloc(32, 9).toString('base64')}\n`,
      OIDC_PROVIDERS: JSON.stringify([{ ...provider, clientSecret: 's3cret' }]),
      SMTP_URL: 'smtps://mailer:pw@smtp.example.com:465\n',
    });
    const config = loadConfig({
      NODE_ENV: 'production',
      ...Object.fromEntries(SECRET_VARIABLES.map((name) => [`${name}_FILE`, secrets.path(name)])),
    });
    expect(config.database.url).toBe('postgresql://app:pw@db:5432/app');
    expect(config.redis.url).toBe('rediss://cache:6380/0');
    expect(config.auth.signingKeys?.[0]?.kid).toBe('k1');
    expect(config.mfa.encryptionKeys).toEqual([{ kid: 'm1', key: Buffer.alloc(32, 9) }]);
    expect(config.auth.oidcProviders[0]?.clientSecret).toBe('s3cret');
    expect(config.worker.smtpUrl).toBe('smtps://mailer:pw@smtp.example.com:465');
  });

  it('covers the database, Redis and SMTP URLs, the signing and MFA keys and the OIDC providers', () => {
    expect([...SECRET_VARIABLES].sort()).toEqual(
      [
        'DATABASE_URL',
        'JWT_SIGNING_KEYS',
        'MFA_ENCRYPTION_KEYS',
        'OIDC_PROVIDERS',
        'REDIS_URL',
        'SMTP_URL',
      ].sort(),
    );
  });

  it('reads each file once, at load time', () => {
    const reads: string[] = [];
    loadConfig(
      { DATABASE_URL_FILE: '/run/secrets/db', REDIS_URL_FILE: '/run/secrets/redis' },
      {
        readFile: (path) => {
          reads.push(path);
          return path.endsWith('db') ? 'postgresql://db/app' : 'redis://cache:6379';
        },
      },
    );
    expect(reads).toEqual(['/run/secrets/db', '/run/secrets/redis']);
  });

  it('refuses a variable set both ways, naming it without its value', () => {
    const secrets = secretDir({ DATABASE_URL: 'postgresql://db/from-file' });
    const problems = problemsOf({
      DATABASE_URL: 'postgresql://u:hunter2@db/app',
      DATABASE_URL_FILE: secrets.path('DATABASE_URL'),
    });
    expect(problems).toEqual([
      'DATABASE_URL: set either DATABASE_URL or DATABASE_URL_FILE, not both',
    ]);
    expect(problems.join()).not.toContain('hunter2');
  });

  it('names a file that cannot be read', () => {
    expect(problemsOf({ REDIS_URL_FILE: '/nonexistent/redis-url' })).toEqual([
      'REDIS_URL_FILE: cannot read /nonexistent/redis-url (ENOENT)',
    ]);
  });

  it('names both forms when production has neither', () => {
    const problems = problemsOf({ NODE_ENV: 'production', REDIS_URL: 'redis://cache:6379' });
    expect(problems).toContain(
      'DATABASE_URL: required when NODE_ENV=production (set DATABASE_URL or DATABASE_URL_FILE)',
    );
  });

  it('validates a value read from a file like one from the environment', () => {
    const secrets = secretDir({ DATABASE_URL: 'mysql://db/app' });
    expect(problemsOf({ DATABASE_URL_FILE: secrets.path('DATABASE_URL') })[0]).toMatch(
      /^DATABASE_URL: /,
    );
  });
});
