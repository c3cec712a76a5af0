import { describe, expect, it } from '@jest/globals';
import {
  createScratchDatabase,
  eventually,
  query,
  redisKeyPrefix,
  requireHarnessEnv,
  workerDatabaseUrl,
} from '@libs/testing';
import { randomUUID } from 'node:crypto';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { fileURLToPath } from 'node:url';
import { totpCode } from './support/totp.js';

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

  it('local.js refuses NODE_ENV=production without JWT_SIGNING_KEYS and MFA_ENCRYPTION_KEYS: its kept keys are for development', () => {
    const { status, stderr } = run('local.js', {
      NODE_ENV: 'production',
      DATABASE_URL: workerDatabaseUrl(),
      REDIS_URL: requireHarnessEnv().redisUrl,
    });
    expect(status).toBe(1);
    expect(stderr).toContain('JWT_SIGNING_KEYS: required when NODE_ENV=production');
    expect(stderr).toContain('MFA_ENCRYPTION_KEYS: required when NODE_ENV=production');
  });

  it('local.js refuses LOCAL_WORKER without REDIS_URL', () => {
    const { status, stderr } = run('local.js', {
      LOCAL_WORKER: 'true',
      DATABASE_URL: workerDatabaseUrl(),
    });
    expect(status).toBe(1);
    expect(stderr).toContain('LOCAL_WORKER: needs REDIS_URL');
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
    const local = await startLocal({ DATABASE_URL: workerDatabaseUrl(), HOST: '127.0.0.1' });
    let tokens: { accessToken: string; refreshToken: string };
    // Secrets never reach a log line: sign up, then use the tokens.
    const password = 'a secret nobody should log 1';
    let code: number | null;
    try {
      const ready = await fetch(`${local.baseUrl}/health/ready`);
      expect(ready.status).toBe(200);

      const signup = await fetch(`${local.baseUrl}/v1/auth/register`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: `log-${Date.now()}@example.com`, password }),
      });
      expect(signup.status).toBe(201);
      tokens = (await signup.json()) as { accessToken: string; refreshToken: string };
      const me = await fetch(`${local.baseUrl}/v1/users/me`, {
        headers: { authorization: `Bearer ${tokens.accessToken}` },
      });
      expect(me.status).toBe(200);
      expect(local.output()).toContain('Redis      none: cache and rate limits in process');
    } finally {
      code = await local.stop();
    }
    expect(code).toBe(0);
    expect(local.output()).toContain('shutdown complete');
    expect(local.output()).toContain('"url":"/v1/users/me"');
    for (const secret of [password, tokens.accessToken, tokens.refreshToken, '$argon2id']) {
      expect(local.output()).not.toContain(secret);
    }
    // A whole process start (migrations included) takes seconds, not jest's default 5.
  }, 60_000);
});

interface LocalProcess {
  readonly port: number;
  readonly baseUrl: string;
  output(): string;
  /** SIGTERM, then the exit code once it has drained. */
  stop(): Promise<number | null>;
}

interface LocalChild {
  readonly exited: Promise<[number | null, NodeJS.Signals | null]>;
  /** Everything it has written so far, stdout and stderr. */
  output(): string;
  /** Calls `listener` with the whole output each time more of it arrives. */
  watch(listener: (output: string) => void): void;
  kill(signal: NodeJS.Signals): void;
}

/** `npm start`'s process (built local.js) with exactly `env`, on ports the system picks. */
function spawnLocal(env: Record<string, string>): LocalChild {
  const child = spawn(process.execPath, [dist('local.js')], {
    env: { PATH: process.env.PATH ?? '', PORT: '0', METRICS_PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const listeners: ((output: string) => void)[] = [];
  const append = (chunk: Buffer): void => {
    output += chunk.toString();
    for (const listener of listeners) listener(output);
  };
  child.stdout.on('data', append);
  child.stderr.on('data', append);
  return {
    exited: once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>,
    output: () => output,
    watch: (listener) => listeners.push(listener),
    kill: (signal) => child.kill(signal),
  };
}

/** `spawnLocal`, resolved once its banner is out (it names the port the system picked). */
async function startLocal(env: Record<string, string>): Promise<LocalProcess> {
  const local = spawnLocal(env);
  const port = await new Promise<number>((resolve, reject) => {
    local.watch((output) => {
      const match = /API\s+http:\/\/localhost:(\d+)\/v1/.exec(output);
      if (match?.[1] && output.includes('  Tokens ')) resolve(Number(match[1]));
    });
    void local.exited.then(() => reject(new Error(`local.js exited early:\n${local.output()}`)));
  });
  return {
    port,
    baseUrl: `http://127.0.0.1:${port}`,
    output: () => local.output(),
    stop: async () => {
      local.kill('SIGTERM');
      const [code] = await local.exited;
      return code;
    },
  };
}

const LOCAL_PASSWORD = 'a long local password 42';

function postJson(baseUrl: string, path: string, body: unknown, token?: string): Promise<Response> {
  return fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
}

async function registerAt(baseUrl: string): Promise<{ accessToken: string; email: string }> {
  const email = `local-${randomUUID()}@example.com`;
  const res = await postJson(baseUrl, '/v1/auth/register', { email, password: LOCAL_PASSWORD });
  expect(res.status).toBe(201);
  return { ...((await res.json()) as { accessToken: string }), email };
}

/** Turns TOTP on for the token's user; returns the secret. */
async function enrolTotpAt(baseUrl: string, token: string): Promise<string> {
  const enrolled = await postJson(baseUrl, '/v1/users/me/mfa/totp', {}, token);
  expect(enrolled.status).toBe(201);
  const { secret } = (await enrolled.json()) as { secret: string };
  const confirm = { code: totpCode(secret, new Date()) };
  const confirmed = await postJson(baseUrl, '/v1/users/me/mfa/totp/confirm', confirm, token);
  expect(confirmed.status).toBe(200);
  return secret;
}

/** Whether a TCP connection to host:port is accepted. */
async function accepts(host: string, port: number): Promise<boolean> {
  const socket = connect({ host, port });
  try {
    await once(socket, 'connect');
    return true;
  } catch {
    return false;
  } finally {
    socket.destroy();
  }
}

describe('npm start (local.js): the first ten minutes', () => {
  it('listens on 127.0.0.1 only unless HOST is set, since it prints the demo passwords', async () => {
    const local = await startLocal({ DATABASE_URL: workerDatabaseUrl() });
    try {
      expect(local.output()).toMatch(/Listening\s+on 127\.0\.0\.1 only/);
      expect(await accepts('127.0.0.1', local.port)).toBe(true);
      // Every other address of this machine is refused (where it has one).
      const others = Object.values(networkInterfaces())
        .flat()
        .filter((address) => address && !address.internal && address.family === 'IPv4');
      for (const other of others)
        expect(await accepts(other?.address ?? '', local.port)).toBe(false);
    } finally {
      expect(await local.stop()).toBe(0);
    }
  }, 60_000);

  it('a stop asked for while it starts waits until it can drain (npm run dev restarting early)', async () => {
    const local = spawnLocal({ DATABASE_URL: workerDatabaseUrl() });
    let stopped = false;
    local.watch((output) => {
      // Nest starts after the migrations: the app is being built, not yet able to drain.
      if (!stopped && output.includes('Starting Nest application')) {
        stopped = true;
        local.kill('SIGTERM');
      }
    });
    const [code, signal] = await local.exited;
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(local.output()).toContain('shutdown complete');
  }, 60_000);

  it('keeps its keys: a token issued and a TOTP secret enrolled before a restart still work after it', async () => {
    const env = { DATABASE_URL: workerDatabaseUrl(), HOST: '127.0.0.1' };
    const first = await startLocal(env);
    let accessToken: string;
    let email: string;
    let secret: string;
    try {
      ({ accessToken, email } = await registerAt(first.baseUrl));
      expect(first.output()).toContain('signed with the key in .cache/dev-signing-key.json');
      expect(first.output()).toContain('sealed with the key in .cache/dev-mfa-key.txt');
      secret = await enrolTotpAt(first.baseUrl, accessToken);
    } finally {
      expect(await first.stop()).toBe(0);
    }
    const second = await startLocal(env);
    try {
      const me = await fetch(`${second.baseUrl}/v1/users/me`, {
        headers: { authorization: `Bearer ${accessToken}` },
      });
      expect(me.status).toBe(200);
      const login = await postJson(second.baseUrl, '/v1/auth/login', {
        email,
        password: LOCAL_PASSWORD,
      });
      const { mfaToken } = (await login.json()) as { mfaToken: string };
      // Real time here: the next step's code is later than the confirmed one, and within ±1.
      const verified = await postJson(second.baseUrl, '/v1/auth/mfa/verify', {
        mfaToken,
        code: totpCode(secret, new Date(), 1),
      });
      expect(verified.status).toBe(200);
    } finally {
      expect(await second.stop()).toBe(0);
    }
  }, 90_000);

  it('writes human-readable lines with LOG_FORMAT=pretty (what a terminal gets), JSON into a pipe', async () => {
    const pretty = await startLocal({
      DATABASE_URL: workerDatabaseUrl(),
      HOST: '127.0.0.1',
      LOG_FORMAT: 'pretty',
    });
    try {
      expect((await fetch(`${pretty.baseUrl}/v1/users/me`)).status).toBe(401);
      await eventually('the request line', () => pretty.output().includes('GET /v1/users/me 401'));
    } finally {
      expect(await pretty.stop()).toBe(0);
    }
    expect(pretty.output()).toMatch(/^\[\d\d:\d\d:\d\d\.\d{3}\] INFO: SIGTERM received/m);
    expect(pretty.output()).not.toContain('{"level"');

    const piped = await startLocal({ DATABASE_URL: workerDatabaseUrl(), HOST: '127.0.0.1' });
    expect(await piped.stop()).toBe(0);
    expect(piped.output()).toMatch(/^\{"level":30,.*"msg":"shutdown complete"\}$/m);
  }, 90_000);

  it('with LOCAL_WORKER=true, an order placed through the API is notified by the worker in the same process', async () => {
    const database = await createScratchDatabase();
    const { runId, redisUrl } = requireHarnessEnv();
    const local = await startLocal({
      DATABASE_URL: database.url,
      REDIS_URL: redisUrl,
      REDIS_KEY_PREFIX: redisKeyPrefix(runId, randomUUID()),
      LOCAL_WORKER: 'true',
      OUTBOX_POLL_INTERVAL_MS: '20',
      HOST: '127.0.0.1',
    });
    try {
      expect(local.output()).toContain('Worker     in this process');
      const [product] = await query<{ id: string }>(
        database.url,
        `INSERT INTO products (id, sku, name, price_cents, currency, stock, updated_at)
         VALUES (gen_random_uuid(), $1, 'Tea', 450, 'EUR', 5, now()) RETURNING id`,
        [`SKU-${randomUUID()}`],
      );
      const { accessToken, email } = await registerAt(local.baseUrl);
      const placed = await fetch(`${local.baseUrl}/v1/orders`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${accessToken}`,
          'content-type': 'application/json',
          'idempotency-key': randomUUID(),
        },
        body: JSON.stringify({ items: [{ productId: product?.id, quantity: 1 }] }),
      });
      expect(placed.status).toBe(201);
      const order = (await placed.json()) as { id: string };

      const [notification] = await eventually('the order notification', async () => {
        const rows = await query<{ recipient: string; sent_at: Date | null }>(
          database.url,
          'SELECT recipient, sent_at FROM notifications WHERE order_id = $1',
          [order.id],
        );
        return rows[0]?.sent_at ? rows : undefined;
      });
      expect(notification?.recipient).toBe(email);
      expect(local.output()).toContain(`"context":"Mail","msg":"to ${email}: Order confirmed`);
    } finally {
      expect(await local.stop()).toBe(0);
      await database.drop();
    }
  }, 90_000);
});
