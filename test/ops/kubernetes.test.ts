import { describe, expect, it } from '@jest/globals';
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { parseAllDocuments } from 'yaml';
import { validateAgainstSchema } from './support/kubernetes-schemas.js';
import { type K8sObject, podSpecsOf, renderKustomization } from './support/kustomize.js';
import { podSecurityViolations } from './support/pod-security.js';

type Json = Record<string, unknown>;
const OVERLAYS = ['dev', 'prod'] as const;
const overlayDir = (overlay: string): string => join(process.cwd(), 'k8s', 'overlays', overlay);

const find = (objects: K8sObject[], kind: string, name?: string): K8sObject => {
  const found = objects.find(
    (o) => o.kind === kind && (name === undefined || o.metadata.name === name),
  );
  if (!found) throw new Error(`no ${kind} ${name ?? ''}`);
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
  const pod = podSpecsOf(deployment)[0]!;
  const api = (pod.containers as Json[]).find((c) => c.name === 'api')!;
  const configMap = find(objects, 'ConfigMap');
  const config = configMap.data as Record<string, string>;

  it('renders only objects that are valid against the Kubernetes schemas', () => {
    expect(objects.length).toBeGreaterThan(0);
    for (const object of objects) expect(() => validateAgainstSchema(object)).not.toThrow();
  });

  it('has every pod meet the Pod Security Standard "restricted"', () => {
    const workloads = objects.filter((o) => podSpecsOf(o).length > 0);
    expect(workloads.map((o) => o.kind).sort()).toEqual(['Deployment', 'Job']);
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
    expect(find(objects, 'ServiceAccount').automountServiceAccountToken).toBe(false);
    for (const spec of objects.flatMap(podSpecsOf)) {
      expect(spec.automountServiceAccountToken).toBe(false);
      for (const container of spec.containers as Json[]) {
        for (const variable of (container.env ?? []) as Json[]) {
          expect(variable).not.toHaveProperty('value', expect.stringMatching(/:\/\/[^/]*:[^@]*@/));
          const secret = at(variable, 'valueFrom', 'secretKeyRef', 'name');
          if (secret !== undefined) expect(secret).toBe('api-secrets');
        }
        const configRef = at(container, 'envFrom', 0, 'configMapRef', 'name');
        expect(configRef).toBe(configMap.metadata.name);
      }
    }
  });

  it('runs a pinned image, read-only, with probes on /health/* and requests set', () => {
    expect(api.image).toMatch(/^[^:]+:[\w.-]+$/);
    expect(api.image).not.toMatch(/:latest$/);
    expect(at(api, 'securityContext', 'readOnlyRootFilesystem')).toBe(true);
    expect(at(api, 'livenessProbe', 'httpGet', 'path')).toBe('/health/live');
    expect(at(api, 'startupProbe', 'httpGet', 'path')).toBe('/health/live');
    expect(at(api, 'readinessProbe', 'httpGet', 'path')).toBe('/health/ready');
    expect(at(api, 'resources', 'requests', 'cpu')).toBeDefined();
    expect(at(api, 'resources', 'requests', 'memory')).toBeDefined();
    expect(at(api, 'resources', 'limits', 'memory')).toBeDefined();
    expect(at(deployment, 'spec', 'strategy', 'rollingUpdate', 'maxUnavailable')).toBe(0);
    const spread = (pod.topologySpreadConstraints ?? []) as Json[];
    expect(spread.map((c) => c.topologyKey)).toEqual(
      expect.arrayContaining(['kubernetes.io/hostname', 'topology.kubernetes.io/zone']),
    );
  });

  it('gives the pod time to drain: preStop delay + SHUTDOWN_TIMEOUT_MS < grace period', () => {
    const preStop = at(api, 'lifecycle', 'preStop', 'exec', 'command') as string[];
    expect(preStop[0]).toBe('sleep');
    const drainSeconds = Number(preStop[1]) + Number(config.SHUTDOWN_TIMEOUT_MS) / 1000;
    expect(drainSeconds).toBeGreaterThan(Number(preStop[1]));
    expect(pod.terminationGracePeriodSeconds).toBeGreaterThanOrEqual(drainSeconds + 2);
  });

  it('selects the API pods from the Service, HPA, PDB and NetworkPolicies', () => {
    const podLabels = at(deployment, 'spec', 'template', 'metadata', 'labels') as Json;
    const selects = (selector: unknown): boolean =>
      Object.entries(selector as Json).every(([key, value]) => podLabels[key] === value);
    expect(selects(at(find(objects, 'Service', 'api'), 'spec', 'selector'))).toBe(true);
    expect(
      selects(at(find(objects, 'PodDisruptionBudget'), 'spec', 'selector', 'matchLabels')),
    ).toBe(true);
    const hpa = find(objects, 'HorizontalPodAutoscaler');
    expect(at(hpa, 'spec', 'scaleTargetRef')).toMatchObject({ kind: 'Deployment', name: 'api' });
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
        .filter((p) =>
          Object.entries((at(p, 'spec', 'podSelector', 'matchLabels') ?? {}) as Json).every(
            ([key, value]) => labels[key] === value,
          ),
        )
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
  it('schema validation refuses a wrongly typed field', () => {
    const objects = renderKustomization(overlayDir('dev'));
    const broken = structuredClone(find(objects, 'Deployment'));
    (broken.spec as Json).revisionHistoryLimit = 'five';
    expect(() => validateAgainstSchema(broken)).toThrow(/revisionHistoryLimit/);
  });
});
