import { describe, expect, it } from '@jest/globals';
import { workerDatabaseUrl } from '@libs/testing';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const dist = (file: string): string => fileURLToPath(new URL(`../dist/${file}`, import.meta.url));

/** Runs a built entry point (pnpm test builds first) with exactly this environment. */
function run(
  entry: string,
  env: Record<string, string>,
): { status: number | null; stderr: string } {
  const result = spawnSync(process.execPath, [dist(entry)], {
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { status: result.status, stderr: result.stderr };
}

describe('startup with bad configuration', () => {
  it('exits 1 with one message naming every bad variable', () => {
    const { status, stderr } = run('main.js', {
      PORT: 'eighty',
      DATABASE_URL: 'mysql://db/app',
      LOG_LEVEL: 'loud',
    });
    expect(status).toBe(1);
    expect(stderr).toContain('Invalid configuration');
    for (const name of ['PORT', 'DATABASE_URL', 'LOG_LEVEL']) expect(stderr).toContain(`${name}:`);
    expect(stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace
  });

  it.each(['main.js', 'local.js'])(
    '%s refuses NODE_ENV=production without DATABASE_URL and REDIS_URL',
    (entry) => {
      const { status, stderr } = run(entry, { NODE_ENV: 'production' });
      expect(status).toBe(1);
      expect(stderr).toContain('DATABASE_URL: required when NODE_ENV=production');
      expect(stderr).toContain('REDIS_URL: required when NODE_ENV=production');
    },
  );
});

describe('npm start (local.js) against real services', () => {
  it('migrates, serves, and exits 0 on SIGTERM after draining', async () => {
    const child = spawn(process.execPath, [dist('local.js')], {
      env: {
        PATH: process.env.PATH ?? '',
        DATABASE_URL: workerDatabaseUrl(),
        PORT: '0',
        METRICS_PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
    try {
      let output = '';
      // The banner is printed once the server listens; it names the port the system picked.
      const port = await new Promise<number>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const match = /API\s+http:\/\/localhost:(\d+)\/v1/.exec(output);
          if (match?.[1]) resolve(Number(match[1]));
        });
        void exited.then(() => reject(new Error(`local.js exited early:\n${output}`)));
      });
      const ready = await fetch(`http://127.0.0.1:${port}/health/ready`);
      expect(ready.status).toBe(200);

      // Secrets never reach a log line: sign up, then use the tokens.
      const password = 'a secret nobody should log 1';
      const signup = await fetch(`http://127.0.0.1:${port}/v1/auth/register`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: `log-${Date.now()}@example.com`, password }),
      });
      expect(signup.status).toBe(201);
      const tokens = (await signup.json()) as { accessToken: string; refreshToken: string };
      const me = await fetch(`http://127.0.0.1:${port}/v1/users/me`, {
        headers: { authorization: `Bearer ${tokens.accessToken}` },
      });
      expect(me.status).toBe(200);
      expect(output).toContain('Redis      none: cache and rate limits in process');

      child.kill('SIGTERM');
      const [code] = await exited;
      expect(code).toBe(0);
      expect(output).toContain('shutdown complete');
      expect(output).toContain('"url":"/v1/users/me"');
      for (const secret of [password, tokens.accessToken, tokens.refreshToken, '$argon2id']) {
        expect(output).not.toContain(secret);
      }
    } finally {
      child.kill('SIGKILL');
    }
    // A whole process start (migrations included) takes seconds, not jest's default 5.
  }, 60_000);
});
