import { exportJWK, generateKeyPair } from 'jose';
import { randomBytes } from 'node:crypto';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { REDIS, freePort } from './services.js';

/** The repository root, from bench/dist/support. */
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** A server process under test (the API or a ceiling), listening on loopback. */
export interface ServerProcess {
  readonly name: string;
  readonly pid: number;
  readonly baseUrl: string;
  readonly stop: () => Promise<void>;
}

async function waitReady(url: string, child: ChildProcess, name: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}`);
    const ready = await fetch(url).then(
      (res) => res.ok,
      () => false,
    );
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${name} did not become ready within 60 s`);
}

/**
 * Starts `node [nodeArgs] script` with `env` (plus PORT) and resolves once `readyPath` answers
 * 2xx. Its stdout is discarded, its stderr shown.
 */
export async function startServer(options: {
  name: string;
  nodeArgs: readonly string[];
  env: Record<string, string>;
  readyPath: string;
}): Promise<ServerProcess> {
  const { name, nodeArgs, env, readyPath } = options;
  const port = await freePort();
  const child = spawn(process.execPath, [...nodeArgs], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: String(port), ...env },
  });
  const { pid } = child;
  if (pid === undefined) throw new Error(`${name} did not start`);
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  };
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitReady(`${baseUrl}${readyPath}`, child, name);
  } catch (error) {
    await stop();
    throw error;
  }
  return { name, pid, baseUrl, stop };
}

/** Variables of a pod's main container that size its memory (V8 flags, malloc arenas). */
const MEMORY_VARIABLES = ['NODE_OPTIONS', 'MALLOC_ARENA_MAX'];

/**
 * The memory settings k8s/base gives a container (its NODE_OPTIONS, MALLOC_ARENA_MAX), so that
 * a benchmark runs the app as a pod runs it.
 */
export function podMemoryEnv(
  manifest: 'deployment.yaml' | 'worker-deployment.yaml',
): Record<string, string> {
  const deployment = parse(readFileSync(`${ROOT}k8s/base/${manifest}`, 'utf8')) as {
    metadata: { name: string };
    spec: {
      template: {
        spec: { containers: { name: string; env?: { name: string; value?: string }[] }[] };
      };
    };
  };
  // The app's container is named like its Deployment (a pod may have sidecars).
  const container = deployment.spec.template.spec.containers.find(
    ({ name }) => name === deployment.metadata.name,
  );
  return Object.fromEntries(
    (container?.env ?? [])
      .filter((variable) => MEMORY_VARIABLES.includes(variable.name) && variable.value)
      .map((variable) => [variable.name, variable.value ?? '']),
  );
}

/** Variables of the apps' settings (k8s/base's api-config) that choose which traces are kept. */
const SAMPLER_VARIABLES = ['OTEL_TRACES_SAMPLER', 'OTEL_TRACES_SAMPLER_ARG'];

/**
 * The trace sampler production runs (OTEL_TRACES_SAMPLER and its argument from the api-config
 * literals of k8s/base/kustomization.yaml), so that a benchmark pays for tracing what a pod pays.
 */
export function podSamplerEnv(): Record<string, string> {
  const kustomization = parse(readFileSync(`${ROOT}k8s/base/kustomization.yaml`, 'utf8')) as {
    configMapGenerator?: { name: string; literals?: string[] }[];
  };
  const literals =
    kustomization.configMapGenerator?.find(({ name }) => name === 'api-config')?.literals ?? [];
  const variables: Record<string, string> = {};
  for (const literal of literals) {
    const [name = '', ...value] = literal.split('=');
    if (SAMPLER_VARIABLES.includes(name)) variables[name] = value.join('=');
  }
  return variables;
}

/**
 * Which traces a benchmarked app keeps: production's sampler, every trace, or none (every
 * request instrumented but sampled out: what tracing costs a request that is not kept).
 */
export type Tracing = 'sampled' | 'all' | 'none';

const SAMPLERS: Record<Exclude<Tracing, 'sampled'>, string> = {
  all: 'parentbased_always_on',
  none: 'parentbased_always_off',
};

/** An app process that serves Prometheus metrics (its runtime memory, heap, event loop). */
export interface MonitoredProcess extends ServerProcess {
  readonly metricsUrl: string;
}

/** MFA_ENCRYPTION_KEYS for the API instances of one run (production requires it). */
const BENCH_MFA_KEYS = `bench:${randomBytes(32).toString('base64')}`;

/** JWT_SIGNING_KEYS for the API instances of one run (shared, so tokens work on every one). */
export async function signingKeys(): Promise<string> {
  const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  return JSON.stringify([{ ...(await exportJWK(privateKey)), kid: 'bench' }]);
}

/**
 * OpenTelemetry settings of a benchmarked app: spans exported over OTLP/HTTP to `otlpEndpoint`
 * (a local sink), those of production's sampler or every one, or the SDK off without an
 * endpoint. Metrics and logs go through Prometheus and stdout, as in production.
 */
function telemetryEnv(
  otlpEndpoint: string | undefined,
  tracing: Tracing = 'sampled',
): Record<string, string> {
  const rest = { OTEL_METRICS_EXPORTER: 'none', OTEL_LOGS_EXPORTER: 'none' };
  return otlpEndpoint
    ? {
        ...rest,
        ...(tracing === 'sampled' ? podSamplerEnv() : { OTEL_TRACES_SAMPLER: SAMPLERS[tracing] }),
        OTEL_TRACES_EXPORTER: 'otlp',
        OTEL_EXPORTER_OTLP_PROTOCOL: 'http/protobuf',
        OTEL_EXPORTER_OTLP_ENDPOINT: otlpEndpoint,
      }
    : { ...rest, OTEL_SDK_DISABLED: 'true', OTEL_TRACES_EXPORTER: 'none' };
}

/**
 * The built API as production runs it (`node --import instrumentation.js main.js`,
 * NODE_ENV=production, the manifests' V8 sizing unless `nodeArgs` say otherwise, their trace
 * sampler unless `tracing` says otherwise) with
 * warn-level logs and rate limits out of the way (the benchmark is one client address and a
 * handful of accounts).
 */
export function startApi(options: {
  name: string;
  databaseUrl: string;
  keys: string;
  redisPrefix: string;
  /** Where spans go (an OtlpSink); tracing is off without it. */
  otlpEndpoint?: string;
  /** Production's sampler (the default), every trace or none. */
  tracing?: Tracing;
  /** Extra node flags, e.g. --cpu-prof. */
  nodeArgs?: readonly string[];
}): Promise<MonitoredProcess> {
  return startMonitored({
    ...options,
    manifest: 'deployment.yaml',
    nodeArgs: [
      ...(options.nodeArgs ?? []),
      '--import',
      './apps/api/dist/instrumentation.js',
      'apps/api/dist/main.js',
    ],
    env: {
      JWT_SIGNING_KEYS: options.keys,
      // Shared by the instances of a run, like the signing keys.
      MFA_ENCRYPTION_KEYS: BENCH_MFA_KEYS,
      // One issuer for every instance (the default is PUBLIC_URL, which names the port).
      JWT_ISSUER: 'http://api.bench.invalid',
      OPENAPI_ENABLED: 'false',
      RATE_LIMIT_PER_MINUTE: '1000000000',
      RATE_LIMIT_AUTH_PER_MINUTE: '1000000000',
      RATE_LIMIT_ACCOUNT_PER_MINUTE: '1000000000',
      RATE_LIMIT_API_KEY_PER_MINUTE: '1000000000',
    },
  });
}

/**
 * The built worker as production runs it (outbox relay, BullMQ consumers, maintenance), with
 * the pod's memory settings; ready once its probe answers.
 */
export function startWorker(options: {
  databaseUrl: string;
  redisPrefix: string;
  otlpEndpoint?: string;
}): Promise<MonitoredProcess> {
  return startMonitored({
    ...options,
    name: 'worker',
    manifest: 'worker-deployment.yaml',
    nodeArgs: ['--import', './apps/worker/dist/instrumentation.js', 'apps/worker/dist/main.js'],
    env: {},
  });
}

/**
 * A built app as production runs it: NODE_ENV=production, the V8 sizing of its pod
 * (`manifest`), warn-level logs, its own database and Redis prefix, Prometheus metrics on a
 * free port, spans to `otlpEndpoint` if given (production's sampler unless `tracing` says
 * otherwise); ready once its probe answers.
 */
function startMonitored(options: {
  name: string;
  manifest: Parameters<typeof podMemoryEnv>[0];
  nodeArgs: readonly string[];
  databaseUrl: string;
  redisPrefix: string;
  otlpEndpoint?: string;
  tracing?: Tracing;
  env: Record<string, string>;
}): Promise<MonitoredProcess> {
  return freePort().then(async (metricsPort) => ({
    metricsUrl: `http://127.0.0.1:${metricsPort}/metrics`,
    ...(await startServer({
      name: options.name,
      nodeArgs: options.nodeArgs,
      readyPath: '/health/ready',
      env: {
        ...podMemoryEnv(options.manifest),
        NODE_ENV: 'production',
        ...telemetryEnv(options.otlpEndpoint, options.tracing),
        METRICS_PORT: String(metricsPort),
        DATABASE_URL: options.databaseUrl,
        REDIS_URL: REDIS,
        REDIS_KEY_PREFIX: options.redisPrefix,
        LOG_LEVEL: 'warn',
        ...options.env,
      },
    })),
  }));
}
