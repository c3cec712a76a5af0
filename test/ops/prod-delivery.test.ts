import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateAgainstSchema } from './support/kubernetes-schemas.js';
import { type K8sObject, podSpecsOf, renderKustomization } from './support/kustomize.js';
import { unknownFields } from './support/unknown-fields.js';
import { labelSelectorMatches, mainContainer } from './support/workload-rules.js';

type Json = Record<string, unknown>;
const root = process.cwd();
const render = (overlay: string): K8sObject[] =>
  renderKustomization(join(root, 'k8s', 'overlays', overlay));
const prod = render('prod');
const find = (objects: K8sObject[], kind: string, name?: string): K8sObject => {
  const found = objects.find((o) => o.kind === kind && (!name || o.metadata.name === name));
  if (!found) throw new Error(`no ${kind} ${name ?? ''}`);
  return found;
};
const at = (value: unknown, ...path: (string | number)[]): unknown =>
  path.reduce<unknown>(
    (node, key) => (node as Record<string | number, unknown> | undefined)?.[key],
    value,
  );
const podLabels = (name: string): Json =>
  at(find(prod, 'Deployment', name), 'spec', 'template', 'metadata', 'labels') as Json;
const wave = (object: K8sObject): number =>
  Number(object.metadata.annotations?.['argocd.argoproj.io/sync-wave'] ?? 0);

describe('k8s/overlays/prod: progressive delivery (Argo Rollouts)', () => {
  const rollout = find(prod, 'Rollout', 'api');
  const canary = at(rollout, 'spec', 'strategy', 'canary') as Json;

  it('runs the api from the Deployment template through a canary Rollout, scaled by the HPA', () => {
    expect(at(rollout, 'spec', 'workloadRef')).toMatchObject({ kind: 'Deployment', name: 'api' });
    expect(labelSelectorMatches(podLabels('api'), at(rollout, 'spec', 'selector'))).toBe(true);
    expect(at(find(prod, 'HorizontalPodAutoscaler', 'api'), 'spec', 'scaleTargetRef')).toEqual({
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Rollout',
      name: 'api',
    });
    expect(canary.maxUnavailable).toBe(0);
  });

  it('shifts traffic in steps, each held while the analysis runs, ending below 100 %', () => {
    const steps = canary.steps as Json[];
    const weights = steps.flatMap((step) => (step.setWeight === undefined ? [] : [step.setWeight]));
    expect(weights).toEqual([...(weights as number[])].sort((a, b) => a - b));
    expect(weights.length).toBeGreaterThanOrEqual(2);
    for (const [index, step] of steps.entries()) {
      if (step.setWeight !== undefined) expect(steps[index + 1]).toHaveProperty('pause');
    }
  });

  it('gates promotion on the SLO analysis of the canary pods: error ratio and p95 < 100 ms', () => {
    const template = find(prod, 'AnalysisTemplate', 'api-slo');
    const refs = at(canary, 'analysis', 'templates') as Json[];
    expect(refs).toEqual([{ templateName: 'api-slo' }]);
    const passed = ((at(canary, 'analysis', 'args') ?? []) as Json[]).map((arg) => arg.name);
    const declared = (at(template, 'spec', 'args') as Json[]).filter(
      (arg) => arg.value === undefined,
    );
    expect(declared.map((arg) => arg.name).sort()).toEqual([...passed].sort());
    const metrics = at(template, 'spec', 'metrics') as Json[];
    const query = (name: string): string =>
      String(
        at(
          metrics.find((m) => m.name === name),
          'provider',
          'prometheus',
          'query',
        ),
      );
    expect(query('error-ratio')).toMatch(/status_code=~"5\.\."/);
    expect(query('p95-latency')).toMatch(/histogram_quantile\(0\.95,/);
    for (const metric of metrics) {
      expect(String(at(metric, 'provider', 'prometheus', 'query'))).toContain(
        'rollouts_pod_template_hash="{{args.canary-hash}}"',
      );
    }
    expect(metrics.find((m) => m.name === 'p95-latency')?.successCondition).toMatch(/< 0\.1$/);
  });
});

describe('k8s/overlays/prod: secrets from the External Secrets Operator', () => {
  const external = find(prod, 'ExternalSecret', 'api-secrets');

  it('fills Secret api-secrets from a SecretStore with every key the pods read', () => {
    expect(at(external, 'spec', 'target', 'name')).toBe('api-secrets');
    expect(at(external, 'spec', 'secretStoreRef', 'kind')).toMatch(/^(Cluster)?SecretStore$/);
    const keys = (at(external, 'spec', 'data') as Json[]).map((entry) => entry.secretKey);
    const files = prod
      .flatMap(podSpecsOf)
      .flatMap((spec) => spec.containers as Json[])
      .flatMap((container) => (container.env ?? []) as Json[])
      .filter((variable) => String(variable.name).endsWith('_FILE'))
      .map((variable) => String(variable.value).split('/').at(-1));
    expect([...new Set(files)].sort()).toEqual([...keys].sort());
  });
});

describe('k8s/overlays/prod: monitoring (Prometheus Operator)', () => {
  it('scrapes the metrics port of the api and the worker pods, labelled for the canary analysis', () => {
    const monitor = find(prod, 'PodMonitor', 'api');
    for (const name of ['api', 'worker']) {
      expect(labelSelectorMatches(podLabels(name), at(monitor, 'spec', 'selector'))).toBe(true);
      const ports = (mainContainer(find(prod, 'Deployment', name)).container.ports ?? []) as Json[];
      const endpoint = at(monitor, 'spec', 'podMetricsEndpoints', 0) as Json;
      expect(ports.map((port) => port.name)).toContain(endpoint.port);
    }
    expect(at(monitor, 'spec', 'podTargetLabels')).toContain('rollouts-pod-template-hash');
  });
});

describe('Argo CD sync order', () => {
  it('applies settings, secret and policies, then migrates, then starts the apps', () => {
    const job = find(prod, 'Job', 'api-migrate');
    expect(job.metadata.annotations).toMatchObject({
      'argocd.argoproj.io/hook': 'Sync',
      'argocd.argoproj.io/hook-delete-policy': 'BeforeHookCreation',
    });
    const before = prod.filter((o) =>
      ['Namespace', 'ServiceAccount', 'ConfigMap', 'NetworkPolicy', 'ExternalSecret'].includes(
        o.kind,
      ),
    );
    for (const object of before)
      expect(`${object.kind}/${object.metadata.name} ${wave(object) < wave(job)}`).toMatch(
        / true$/,
      );
    for (const name of ['api', 'worker'])
      expect(wave(find(prod, 'Deployment', name))).toBeGreaterThan(wave(job));
    expect(wave(find(prod, 'Rollout', 'api'))).toBeGreaterThan(wave(job));
  });

  it('the Application deploys the prod overlay into its namespace, pruning and self-healing', () => {
    const [application] = renderKustomization(join(root, 'k8s', 'argocd'));
    expect(() => validateAgainstSchema(application!)).not.toThrow();
    expect(unknownFields([application!])).toEqual([]);
    expect(at(application, 'spec', 'source', 'path')).toBe('k8s/overlays/prod');
    expect(at(application, 'spec', 'destination', 'namespace')).toBe(
      find(prod, 'Namespace').metadata.name,
    );
    expect(at(application, 'spec', 'syncPolicy', 'automated')).toMatchObject({
      prune: true,
      selfHeal: true,
    });
  });
});

describe('feature flags in Kubernetes (flagd beside the api)', () => {
  it.each(['dev', 'prod'])(
    '%s: the api reads flagd on localhost, which serves the repository file',
    (overlay) => {
      const objects = render(overlay);
      const deployment = find(objects, 'Deployment', 'api');
      const [pod] = podSpecsOf(deployment);
      const containers = pod!.containers as Json[];
      const flagd = containers.find((c) => c.name === 'flagd')!;
      const api = mainContainer(deployment).container;
      expect((api.env as Json[]).find((v) => v.name === 'FLAGD_HOST')?.value).toBe('127.0.0.1');
      expect(String(flagd.image)).toMatch(/^ghcr\.io\/open-feature\/flagd:v\d+\.\d+\.\d+$/);
      const args = flagd.args as string[];
      const file = args[args.indexOf('--uri') + 1]!.replace(/^file:/, '');
      const mount = (flagd.volumeMounts as Json[])[0]!;
      const volume = (pod!.volumes as Json[]).find((v) => v.name === mount.name);
      const configMap = find(objects, 'ConfigMap', String(at(volume, 'configMap', 'name')));
      expect(file).toBe(`${String(mount.mountPath)}/flags.flagd.json`);
      expect(at(configMap, 'data', 'flags.flagd.json')).toBe(
        readFileSync(join(root, 'k8s', 'base', 'flags.flagd.json'), 'utf8'),
      );
    },
  );
});

describe('the CRD checks can fail', () => {
  it('a misspelt field of a Rollout is an unknown field', () => {
    const broken = structuredClone(find(prod, 'Rollout', 'api'));
    const canary = at(broken, 'spec', 'strategy', 'canary') as Json;
    canary.stepz = canary.steps;
    delete canary.steps;
    expect(unknownFields([broken]).join('\n')).toMatch(
      /Rollout\/api: .*'"?stepz"?' does not exist/,
    );
  });

  it('an ExternalSecret without its store reference fails the schema', () => {
    const broken = structuredClone(find(prod, 'ExternalSecret', 'api-secrets'));
    (at(broken, 'spec', 'secretStoreRef') as Json).kind = 'Vault';
    expect(() => validateAgainstSchema(broken)).toThrow(/ExternalSecret\/api-secrets/);
  });

  it('a PrometheusRule with a wrongly typed field fails the schema', () => {
    const broken = structuredClone(find(prod, 'PrometheusRule', 'api'));
    (at(broken, 'spec', 'groups', 0) as Json).rules = 'none';
    expect(() => validateAgainstSchema(broken)).toThrow(/PrometheusRule\/api/);
  });

  it('a misspelt runAsNonRoot is an unknown field', () => {
    const broken = structuredClone(find(prod, 'Deployment', 'api'));
    const { pod } = mainContainer(broken);
    (pod.securityContext as Json).runAsNonRoots = true;
    expect(unknownFields([broken]).join('\n')).toMatch(/Deployment\/api: .*runAsNonRoots/);
  });
});
