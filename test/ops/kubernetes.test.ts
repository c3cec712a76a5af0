import { describe, expect, it } from '@jest/globals';
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { parseAllDocuments } from 'yaml';
import { validateAgainstSchema } from './support/kubernetes-schemas.js';
import { unknownFields } from './support/unknown-fields.js';
import { type K8sObject, podSpecsOf, renderKustomization } from './support/kustomize.js';
import { podSecurityViolations } from './support/pod-security.js';
import {
  deploymentProblems,
  drainProblems,
  labelSelectorMatches,
  mainContainer,
  selectsPods,
} from './support/workload-rules.js';

type Json = Record<string, unknown>;
const OVERLAYS = ['dev', 'prod'] as const;
/** The long-running Deployments every overlay has: the HTTP API and the background worker. */
const DEPLOYMENTS = ['api', 'worker'] as const;
const overlayDir = (overlay: string): string => join(process.cwd(), 'k8s', 'overlays', overlay);

const find = (objects: K8sObject[], kind: string, name?: string): K8sObject => {
  const found = objects.find(
    (o) => o.kind === kind && (name === undefined || o.metadata.name === name),
  );
  if (!found) throw new Error(`no ${kind} ${name ?? ''}`);
  return found;
};
/** The settings ConfigMap of both apps (generated, so its name ends in a content hash). */
const apiConfig = (objects: K8sObject[]): K8sObject => {
  const found = objects.find(
    (o) => o.kind === 'ConfigMap' && o.metadata.name.startsWith('api-config-'),
  );
  if (!found) throw new Error('no ConfigMap api-config-<hash>');
  return found;
};
const at = (value: unknown, ...path: (string | number)[]): unknown =>
  path.reduce<unknown>(
    (node, key) => (node as Record<string | number, unknown> | undefined)?.[key],
    value,
  );

/** A real kustomize (standalone, or kubectl's), when this machine has one. */
function realKustomize(): ((dir: string) => string) | undefined {
  const tools = [
    { probe: ['kustomize', 'version'], build: ['kustomize', 'build'] },
    { probe: ['kubectl', 'version', '--client'], build: ['kubectl', 'kustomize'] },
  ];
  for (const { probe, build } of tools) {
    if (spawnSync(probe[0]!, probe.slice(1), { stdio: 'ignore' }).status === 0) {
      return (dir) => execFileSync(build[0]!, [...build.slice(1), dir], { encoding: 'utf8' });
    }
  }
  return undefined;
}

describe.each(OVERLAYS)('k8s/overlays/%s', (overlay) => {
  const objects = renderKustomization(overlayDir(overlay));
  const deployment = find(objects, 'Deployment', 'api');
  const worker = find(objects, 'Deployment', 'worker');
  const configMap = apiConfig(objects);
  const config = configMap.data as Record<string, string>;
  const services = objects.filter((o) => o.kind === 'Service');

  it('renders only objects that are valid against the Kubernetes and CRD schemas', () => {
    expect(objects.length).toBeGreaterThan(0);
    for (const object of objects) expect(() => validateAgainstSchema(object)).not.toThrow();
  });

  it('renders no field the API server would not know', () => {
    expect(unknownFields(objects)).toEqual([]);
  });

  it('runs every pod as a UID and GID of 10000 or more', () => {
    for (const spec of objects.flatMap(podSpecsOf)) {
      const context = spec.securityContext as Json;
      expect(context.runAsUser).toBeGreaterThanOrEqual(10_000);
      expect(context.runAsGroup).toBeGreaterThanOrEqual(10_000);
      expect(context.fsGroup).toBe(context.runAsGroup);
    }
  });

  it('gives secrets as read-only files of mode 0440, never as environment variables', () => {
    for (const workload of objects.filter((o) => podSpecsOf(o).length > 0)) {
      const [spec] = podSpecsOf(workload);
      const volumes = (spec!.volumes ?? []) as Json[];
      const secretVolume = volumes.find((v) => at(v, 'secret', 'secretName') === 'api-secrets');
      expect(at(secretVolume, 'secret', 'defaultMode')).toBe(0o440);
      const container = (spec!.containers as Json[])[0]!;
      const mount = ((container.volumeMounts ?? []) as Json[]).find(
        (m) => m.name === secretVolume?.name,
      );
      expect(mount).toMatchObject({ readOnly: true });
      const variables = (container.env ?? []) as Json[];
      expect(variables.filter((v) => at(v, 'valueFrom', 'secretKeyRef'))).toEqual([]);
      // Every *_FILE names a file of that volume, and the volume holds only what is named.
      const files = variables
        .filter((v) => String(v.name).endsWith('_FILE'))
        .map((v) => String(v.value));
      expect(files.length).toBeGreaterThan(0);
      for (const file of files) expect(file.startsWith(`${String(mount?.mountPath)}/`)).toBe(true);
      const items = at(secretVolume, 'secret', 'items') as Json[] | undefined;
      if (items) {
        expect(items.map((item) => `${String(mount?.mountPath)}/${String(item.path)}`)).toEqual(
          files,
        );
      }
    }
  });

  it('has every pod meet the Pod Security Standard "restricted"', () => {
    const workloads = objects.filter((o) => podSpecsOf(o).length > 0);
    expect(workloads.map((o) => `${o.kind}/${o.metadata.name}`).sort()).toEqual([
      'Deployment/api',
      'Deployment/worker',
      'Job/api-migrate',
    ]);
    for (const workload of workloads) {
      for (const spec of podSpecsOf(workload)) {
        expect({ [workload.metadata.name]: podSecurityViolations(spec) }).toEqual({
          [workload.metadata.name]: [],
        });
      }
    }
  });

  it('puts everything in one namespace that enforces "restricted"', () => {
    const namespace = find(objects, 'Namespace');
    expect(namespace.metadata.labels).toMatchObject({
      'pod-security.kubernetes.io/enforce': 'restricted',
    });
    for (const object of objects.filter((o) => o.kind !== 'Namespace')) {
      expect(`${object.kind}/${object.metadata.name} in ${object.metadata.namespace}`).toBe(
        `${object.kind}/${object.metadata.name} in ${namespace.metadata.name}`,
      );
    }
  });

  it('references secrets without containing any, and mounts no API token', () => {
    expect(objects.filter((o) => o.kind === 'Secret')).toEqual([]);
    const accounts = objects.filter((o) => o.kind === 'ServiceAccount');
    for (const account of accounts) expect(account.automountServiceAccountToken).toBe(false);
    for (const spec of objects.flatMap(podSpecsOf)) {
      expect(spec.automountServiceAccountToken).toBe(false);
      expect(accounts.map((a) => a.metadata.name)).toContain(spec.serviceAccountName);
      for (const container of spec.containers as Json[]) {
        for (const variable of (container.env ?? []) as Json[]) {
          expect(variable).not.toHaveProperty('value', expect.stringMatching(/:\/\/[^/]*:[^@]*@/));
          const secret = at(variable, 'valueFrom', 'secretKeyRef', 'name');
          if (secret !== undefined) expect(secret).toBe('api-secrets');
        }
        // The apps' containers take the settings; the flagd container needs none.
        const configRef = at(container, 'envFrom', 0, 'configMapRef', 'name');
        if (container.name !== 'flagd') expect(configRef).toBe(configMap.metadata.name);
      }
    }
  });

  it('samples traces where they start, a tenth in prod and every one in dev', () => {
    // Names the OpenTelemetry SDK knows; an unknown one is ignored with a diagnostic nobody sees.
    expect(config.OTEL_TRACES_SAMPLER).toBe('parentbased_traceidratio');
    expect(Number(config.OTEL_TRACES_SAMPLER_ARG)).toBe(overlay === 'dev' ? 1 : 0.1);
  });

  it('has exactly the expected Deployments: the api and the worker', () => {
    const names = objects.filter((o) => o.kind === 'Deployment').map((o) => o.metadata.name);
    expect(names.sort()).toEqual([...DEPLOYMENTS].sort());
  });

  it.each(DEPLOYMENTS)(
    '%s: pinned image, read-only, probes on /health/*, requests set, rolls without loss',
    (name) => {
      expect(deploymentProblems(find(objects, 'Deployment', name), config)).toEqual([]);
    },
  );

  it.each(DEPLOYMENTS)(
    '%s: has time to drain: preStop delay (if any) + SHUTDOWN_TIMEOUT_MS < grace period',
    (name) => {
      expect(drainProblems(find(objects, 'Deployment', name), config, services)).toEqual([]);
    },
  );

  it('runs the worker at a fixed count, outside any Service, HPA or token', () => {
    expect(at(worker, 'spec', 'replicas')).toEqual(expect.any(Number));
    expect(at(worker, 'spec', 'replicas')).toBeGreaterThanOrEqual(1);
    for (const service of services) {
      expect(selectsPods(worker, at(service, 'spec', 'selector'))).toBe(false);
    }
    for (const hpa of objects.filter((o) => o.kind === 'HorizontalPodAutoscaler')) {
      expect(at(hpa, 'spec', 'scaleTargetRef', 'name')).not.toBe('worker');
    }
    const budgets = objects.filter((o) => o.kind === 'PodDisruptionBudget');
    expect(
      budgets.filter((b) => selectsPods(worker, at(b, 'spec', 'selector', 'matchLabels'))),
    ).toHaveLength(1);
    const { container } = mainContainer(worker);
    const variables = ((container.env ?? []) as Json[]).map((v) => v.name);
    expect(variables).toEqual(expect.arrayContaining(['DATABASE_URL_FILE', 'REDIS_URL_FILE']));
    expect(variables).not.toContain('JWT_SIGNING_KEYS_FILE');
    expect(variables).not.toContain('MFA_ENCRYPTION_KEYS_FILE');
    expect(String(container.image)).toMatch(/(^|\/)worker:[\w.-]+$/);
    expect(String(mainContainer(deployment).container.image)).toMatch(/(^|\/)api:[\w.-]+$/);
  });

  it('selects the API pods from the Service, HPA, PDB and NetworkPolicies', () => {
    const selects = (selector: unknown): boolean => selectsPods(deployment, selector);
    expect(selects(at(find(objects, 'Service', 'api'), 'spec', 'selector'))).toBe(true);
    expect(
      selects(at(find(objects, 'PodDisruptionBudget', 'api'), 'spec', 'selector', 'matchLabels')),
    ).toBe(true);
    const hpa = find(objects, 'HorizontalPodAutoscaler');
    // prod: the Rollout runs the api's pods (from the Deployment's template), so it is scaled.
    const scaled = objects.some((o) => o.kind === 'Rollout') ? 'Rollout' : 'Deployment';
    expect(at(hpa, 'spec', 'scaleTargetRef')).toMatchObject({ kind: scaled, name: 'api' });
    expect(at(deployment, 'spec', 'replicas')).toBeUndefined();
    const backend = at(
      find(objects, 'Ingress'),
      'spec',
      'rules',
      0,
      'http',
      'paths',
      0,
      'backend',
      'service',
    );
    expect(backend).toEqual({ name: 'api', port: { name: 'http' } });
  });

  it('denies all traffic by default and allows only what each pod needs', () => {
    const policies = objects.filter((o) => o.kind === 'NetworkPolicy');
    const defaultDeny = policies.find(
      (p) =>
        isDeepStrictEqual(at(p, 'spec', 'podSelector'), {}) &&
        at(p, 'spec', 'ingress') === undefined &&
        at(p, 'spec', 'egress') === undefined,
    );
    expect(at(defaultDeny, 'spec', 'policyTypes')).toEqual(['Ingress', 'Egress']);
    const allowed = (labels: Json, direction: 'ingress' | 'egress'): unknown[] =>
      policies
        .filter((p) => p !== defaultDeny)
        .filter((p) => labelSelectorMatches(labels, at(p, 'spec', 'podSelector')))
        .flatMap((p) => (at(p, 'spec', direction) ?? []) as unknown[]);
    const apiLabels = at(deployment, 'spec', 'template', 'metadata', 'labels') as Json;
    const migrateLabels = at(
      find(objects, 'Job'),
      'spec',
      'template',
      'metadata',
      'labels',
    ) as Json;
    const ports = (rules: unknown[]): unknown[] =>
      rules.flatMap((rule) => ((rule as Json).ports ?? []) as Json[]).map((p) => p.port);
    expect(ports(allowed(apiLabels, 'ingress')).sort()).toEqual(['http', 'metrics']);
    expect(ports(allowed(apiLabels, 'egress'))).toEqual(expect.arrayContaining([53, 5432, 6379]));
    expect(allowed(migrateLabels, 'ingress')).toEqual([]);
    expect(ports(allowed(migrateLabels, 'egress')).sort()).toEqual([53, 53, 5432]);
    // The worker: scraped only (no API), and reaches only what it uses (no internet).
    const workerLabels = at(worker, 'spec', 'template', 'metadata', 'labels') as Json;
    expect(ports(allowed(workerLabels, 'ingress'))).toEqual(['metrics']);
    expect(ports(allowed(workerLabels, 'egress')).sort()).toEqual([4318, 53, 53, 5432, 6379]);
  });

  const kustomize = realKustomize();
  (kustomize ? it : it.skip)(
    `renders exactly what kustomize renders${kustomize ? '' : ' (skipped: no kustomize or kubectl on PATH)'}`,
    () => {
      const real = parseAllDocuments(kustomize!(overlayDir(overlay))).map(
        (d) => d.toJS() as K8sObject,
      );
      const key = (o: K8sObject): string => `${o.kind}/${o.metadata.name}`;
      const sorted = (list: K8sObject[]): K8sObject[] =>
        [...list].sort((a, b) => key(a).localeCompare(key(b)));
      expect(JSON.parse(JSON.stringify(sorted(objects)))).toEqual(sorted(real));
    },
  );
});

describe('the manifest checks can fail', () => {
  const objects = renderKustomization(overlayDir('dev'));
  const config = apiConfig(objects).data as Record<string, string>;
  const services = objects.filter((o) => o.kind === 'Service');
  const brokenWorker = (breakRule: (container: Json, pod: Json) => void): K8sObject => {
    const copy = structuredClone(find(objects, 'Deployment', 'worker'));
    const { pod, container } = mainContainer(copy);
    breakRule(container, pod);
    return copy;
  };

  it('schema validation refuses a wrongly typed field', () => {
    const broken = structuredClone(find(objects, 'Deployment'));
    (broken.spec as Json).revisionHistoryLimit = 'five';
    expect(() => validateAgainstSchema(broken)).toThrow(/revisionHistoryLimit/);
  });

  it.each<[string, (container: Json, pod: Json) => void, RegExp]>([
    ['no readiness probe', (c) => delete c.readinessProbe, /readinessProbe not on/],
    [
      'liveness on /health/ready',
      (c) => ((c.livenessProbe as Json).httpGet = { path: '/health/ready', port: 'health' }),
      /livenessProbe not on \/health\/live/,
    ],
    [
      'a writable root',
      (c) => ((c.securityContext as Json).readOnlyRootFilesystem = false),
      /read-only/,
    ],
    ['no memory limit', (c) => delete (c.resources as Json).limits, /limits\.memory/],
  ])('the Deployment rules refuse a worker with %s', (_case, breakRule, message) => {
    expect(deploymentProblems(brokenWorker(breakRule), config).join('\n')).toMatch(message);
  });

  it('the drain rule refuses a worker whose grace period is shorter than its shutdown', () => {
    const broken = brokenWorker((_c, pod) => (pod.terminationGracePeriodSeconds = 15));
    expect(drainProblems(broken, config, services).join('\n')).toMatch(
      /terminationGracePeriodSeconds 15/,
    );
  });

  it('the drain rule refuses an api without its preStop delay', () => {
    const api = structuredClone(find(objects, 'Deployment', 'api'));
    delete mainContainer(api).container.lifecycle;
    expect(drainProblems(api, config, services).join('\n')).toMatch(/no preStop/);
  });
});
