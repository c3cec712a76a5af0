import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { loadConfig } from './config.js';
import { renderEnvExample } from './env-example.js';
import { problemsOf } from '../test/config-problems.js';

describe('loadConfig', () => {
  it('applies defaults for a development run', () => {
    const config = loadConfig({});
    expect(config.env).toBe('development');
    expect(config.http.port).toBe(3000);
    expect(config.http.bodyLimit).toBe(102_400);
    expect(config.database.url).toBeUndefined();
    expect(config.redis.url).toBeUndefined();
    expect(config.http.publicUrl).toBe('http://localhost:3000');
  });

  it('parses typed values', () => {
    const config = loadConfig({
      PORT: '8080',
      CORS_ORIGINS: 'https://a.example, https://b.example',
      TRUST_PROXY: '2',
      OPENAPI_ENABLED: 'false',
      DATABASE_URL: 'postgresql://u:p@db:5432/app',
      REDIS_URL: 'redis://cache:6379/0',
    });
    expect(config.http.port).toBe(8080);
    expect(config.http.corsOrigins).toEqual(['https://a.example', 'https://b.example']);
    expect(config.http.trustProxy).toBe(2);
    expect(config.openApiEnabled).toBe(false);
    expect(config.database.url).toBe('postgresql://u:p@db:5432/app');
  });

  it('names every invalid variable in one error', () => {
    const problems = problemsOf({
      PORT: 'eighty',
      DATABASE_URL: 'mysql://db/app',
      LOG_LEVEL: 'loud',
      DATABASE_POOL_SIZE: '0',
    });
    expect(problems.map((problem) => problem.split(':')[0]).sort()).toEqual(
      ['DATABASE_POOL_SIZE', 'DATABASE_URL', 'LOG_LEVEL', 'PORT'].sort(),
    );
  });

  it('requires DATABASE_URL, REDIS_URL, JWT_SIGNING_KEYS and MFA_ENCRYPTION_KEYS in production', () => {
    expect(problemsOf({ NODE_ENV: 'production' })).toEqual([
      'DATABASE_URL: required when NODE_ENV=production (set DATABASE_URL or DATABASE_URL_FILE)',
      'REDIS_URL: required when NODE_ENV=production (set REDIS_URL or REDIS_URL_FILE)',
      'JWT_SIGNING_KEYS: required when NODE_ENV=production (set JWT_SIGNING_KEYS or JWT_SIGNING_KEYS_FILE)',
      'MFA_ENCRYPTION_KEYS: required when NODE_ENV=production (set MFA_ENCRYPTION_KEYS or MFA_ENCRYPTION_KEYS_FILE)',
    ]);
  });

  it('reads MFA encryption keys in order, first one first', () => {
    const a = Buffer.alloc(32, 1);
    const b = Buffer.alloc(32, 2);
    const config = loadConfig({
      MFA_ENCRYPTION_KEYS: `2026-02:${a.toString('base64')}, 2025-11:${b.toString('base64').replace('=', '')}`,
    });
    expect(config.mfa.encryptionKeys).toEqual([
      { kid: '2026-02', key: a },
      { kid: '2025-11', key: b },
    ]);
    expect(loadConfig({}).mfa.encryptionKeys).toBeUndefined();
  });

  it('checks MFA encryption keys without printing them', () => {
    const short = Buffer.alloc(16, 7).toString('base64');
    const good = Buffer.alloc(32, 7).toString('base64');
    const problems = problemsOf({
      MFA_ENCRYPTION_KEYS: `k1:${short},${good},k2:${good},k2:${good},k3:not base64 at all!`,
    });
    expect(problems).toEqual([
      'MFA_ENCRYPTION_KEYS.k1: the key must be 32 bytes in base64',
      'MFA_ENCRYPTION_KEYS.1: must be kid:base64key, the kid of letters, digits, ".", "_" or "-"',
      'MFA_ENCRYPTION_KEYS.k2: kids must be unique',
      'MFA_ENCRYPTION_KEYS.k3: the key must be 32 bytes in base64',
    ]);
    expect(problems.join()).not.toContain(short);
    expect(problemsOf({ MFA_ENCRYPTION_KEYS: ' , ' })).toEqual([
      'MFA_ENCRYPTION_KEYS: must hold at least one key',
    ]);
  });

  it('does not require JWT_SIGNING_KEYS of a process that signs no tokens (the worker)', () => {
    expect(() =>
      loadConfig(
        {
          NODE_ENV: 'production',
          DATABASE_URL: 'postgresql://db/app',
          REDIS_URL: 'redis://r:6379',
        },
        { signingKeys: false },
      ),
    ).not.toThrow();
  });

  it('checks signing keys without printing them', () => {
    const publicOnly = JSON.stringify([{ kty: 'OKP', crv: 'Ed25519', kid: 'k1', x: 'pub' }]);
    const problems = problemsOf({ JWT_SIGNING_KEYS: publicOnly });
    expect(problems).toEqual([
      'JWT_SIGNING_KEYS: the first key signs, so it must be a private key',
    ]);
    expect(problemsOf({ JWT_SIGNING_KEYS: 'not json' })).toEqual([
      'JWT_SIGNING_KEYS: must be a JSON array',
    ]);
  });

  it('parses OIDC providers and names bad fields', () => {
    const provider = {
      name: 'corp',
      issuer: 'https://id.example.com',
      clientId: 'api',
      clientSecret: 's3cret',
    };
    const config = loadConfig({ OIDC_PROVIDERS: JSON.stringify([provider]) });
    expect(config.auth.oidcProviders).toEqual([{ ...provider, scopes: 'openid email profile' }]);
    const problems = problemsOf({
      OIDC_PROVIDERS: JSON.stringify([{ ...provider, issuer: 'ftp://x' }]),
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^OIDC_PROVIDERS\.0\.issuer: /);
    expect(problems.join()).not.toContain('s3cret');
  });

  it('runs the worker in the local process only on request, and only with Redis', () => {
    expect(loadConfig({}).worker.inProcess).toBe(false);
    expect(
      loadConfig({ LOCAL_WORKER: 'true', REDIS_URL: 'redis://127.0.0.1:6379' }).worker.inProcess,
    ).toBe(true);
    expect(problemsOf({ LOCAL_WORKER: 'true' })).toEqual([
      'LOCAL_WORKER: needs REDIS_URL (the worker queues its jobs in Redis)',
    ]);
  });

  it('chooses the log format from LOG_FORMAT, auto by default', () => {
    expect(loadConfig({}).log.format).toBe('auto');
    expect(loadConfig({ LOG_FORMAT: 'pretty' }).log.format).toBe('pretty');
    expect(problemsOf({ LOG_FORMAT: 'colourful' })[0]).toMatch(/^LOG_FORMAT:/);
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ DATABASE_URL: '' }).database.url).toBeUndefined();
  });
});

describe('.env.example', () => {
  it('is the rendering of the schema (run `npm run config:example` after changing it)', () => {
    const file = readFileSync(new URL('../../../.env.example', import.meta.url), 'utf8');
    expect(file).toBe(renderEnvExample());
  });
});
