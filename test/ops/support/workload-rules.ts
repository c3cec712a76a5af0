import type { K8sObject } from './kustomize.js';
import { podSpecsOf } from './kustomize.js';

/**
 * The rules every long-running Deployment of the overlays follows (the api and the worker), as
 * functions returning one message per broken rule, so that kubernetes.test.ts can apply them to
 * each Deployment and show that they fail on a broken copy.
 */

type Json = Record<string, unknown>;
const at = (value: unknown, ...path: (string | number)[]): unknown =>
  path.reduce<unknown>(
    (node, key) => (node as Record<string | number, unknown> | undefined)?.[key],
    value,
  );

/** The Deployment's pod spec and its main container (named like the Deployment). */
export function mainContainer(deployment: K8sObject): { pod: Json; container: Json } {
  const pod = podSpecsOf(deployment)[0] ?? {};
  const container = ((pod.containers ?? []) as Json[]).find(
    (c) => c.name === deployment.metadata.name,
  );
  if (!container) throw new Error(`Deployment/${deployment.metadata.name}: no main container`);
  return { pod, container };
}

/** A variable as the container sees it: its own env first, then the ConfigMap. */
function variable(container: Json, config: Record<string, string>, name: string): string {
  const own = ((container.env ?? []) as Json[]).find((v) => v.name === name);
  return typeof own?.value === 'string' ? own.value : (config[name] ?? '');
}

/** True when `selector` (matchLabels-style) selects the Deployment's pods. */
/** Whether a LabelSelector (matchLabels, and matchExpressions with In / NotIn) selects `labels`. */
export function labelSelectorMatches(labels: Json, selector: unknown): boolean {
  const { matchLabels = {}, matchExpressions = [] } = (selector ?? {}) as {
    matchLabels?: Json;
    matchExpressions?: { key: string; operator: string; values?: unknown[] }[];
  };
  return (
    Object.entries(matchLabels).every(([key, value]) => labels[key] === value) &&
    matchExpressions.every(({ key, operator, values = [] }) => {
      if (operator === 'In') return values.includes(labels[key]);
      if (operator === 'NotIn') return !values.includes(labels[key]);
      throw new Error(`selector operator ${operator} not supported here`);
    })
  );
}

export function selectsPods(deployment: K8sObject, selector: unknown): boolean {
  const labels = (at(deployment, 'spec', 'template', 'metadata', 'labels') ?? {}) as Json;
  const pairs = Object.entries((selector ?? {}) as Json);
  return pairs.length > 0 && pairs.every(([key, value]) => labels[key] === value);
}

/**
 * A pinned image, read-only root, probes on /health/live (startup, liveness) and /health/ready
 * (readiness) on the port named by PORT, metrics on METRICS_PORT, requests and a memory limit,
 * never below capacity in a rollout, spread over zones and nodes.
 */
export function deploymentProblems(
  deployment: K8sObject,
  config: Record<string, string>,
): string[] {
  const name = `Deployment/${deployment.metadata.name}`;
  const { pod, container } = mainContainer(deployment);
  const problems: string[] = [];
  const expect = (ok: boolean, message: string): void => {
    if (!ok) problems.push(`${name}: ${message}`);
  };
  const image = String(container.image);
  expect(/^[^:]+:[\w.-]+$/.test(image) && !image.endsWith(':latest'), `image ${image} not pinned`);
  expect(
    at(container, 'securityContext', 'readOnlyRootFilesystem') === true,
    'root file system not read-only',
  );
  const ports = (container.ports ?? []) as Json[];
  const portNumber = (port: unknown): unknown =>
    typeof port === 'string' ? ports.find((p) => p.name === port)?.containerPort : port;
  for (const [probe, path] of [
    ['startupProbe', '/health/live'],
    ['livenessProbe', '/health/live'],
    ['readinessProbe', '/health/ready'],
  ] as const) {
    expect(at(container, probe, 'httpGet', 'path') === path, `${probe} not on ${path}`);
    expect(
      portNumber(at(container, probe, 'httpGet', 'port')) ===
        Number(variable(container, config, 'PORT')),
      `${probe} not on the PORT the app listens on`,
    );
  }
  const metrics = ports.find((p) => p.name === 'metrics');
  expect(
    metrics?.containerPort === Number(variable(container, config, 'METRICS_PORT')),
    'no metrics port at METRICS_PORT',
  );
  const annotation = at(deployment, 'spec', 'template', 'metadata', 'annotations');
  expect(
    at(annotation, 'prometheus.io/port') === String(metrics?.containerPort),
    'prometheus.io/port annotation differs from the metrics port',
  );
  for (const field of [
    ['requests', 'cpu'],
    ['requests', 'memory'],
    ['limits', 'memory'],
  ]) {
    expect(at(container, 'resources', ...field) !== undefined, `no resources.${field.join('.')}`);
  }
  expect(
    at(deployment, 'spec', 'strategy', 'rollingUpdate', 'maxUnavailable') === 0,
    'rollingUpdate.maxUnavailable is not 0',
  );
  const spread = ((pod.topologySpreadConstraints ?? []) as Json[]).filter((c) =>
    selectsPods(deployment, at(c, 'labelSelector', 'matchLabels')),
  );
  for (const key of ['kubernetes.io/hostname', 'topology.kubernetes.io/zone']) {
    expect(
      spread.some((c) => c.topologyKey === key),
      `not spread over ${key}`,
    );
  }
  return problems;
}

/**
 * Time to drain: the grace period covers the preStop delay (if any) + SHUTDOWN_TIMEOUT_MS + 2 s,
 * so the app exits by itself before the kubelet's SIGKILL. A Deployment behind a Service also
 * needs a preStop delay, so that endpoints drop the pod before SIGTERM makes it refuse requests.
 */
export function drainProblems(
  deployment: K8sObject,
  config: Record<string, string>,
  services: K8sObject[],
): string[] {
  const name = `Deployment/${deployment.metadata.name}`;
  const { pod, container } = mainContainer(deployment);
  const problems: string[] = [];
  const preStop = at(container, 'lifecycle', 'preStop', 'exec', 'command') as string[] | undefined;
  const routed = services.some((s) => selectsPods(deployment, at(s, 'spec', 'selector')));
  if (routed && preStop === undefined) {
    problems.push(`${name}: behind a Service but no preStop delay`);
  }
  if (preStop !== undefined && (preStop[0] !== 'sleep' || !/^\d+$/.test(preStop[1] ?? ''))) {
    problems.push(`${name}: preStop is not \`sleep <seconds>\``);
  }
  const shutdownMs = Number(variable(container, config, 'SHUTDOWN_TIMEOUT_MS'));
  if (!(shutdownMs > 0)) problems.push(`${name}: SHUTDOWN_TIMEOUT_MS is not set`);
  const drainSeconds = Number(preStop?.[1] ?? 0) + shutdownMs / 1000;
  const grace = pod.terminationGracePeriodSeconds;
  if (typeof grace !== 'number' || !(grace >= drainSeconds + 2)) {
    problems.push(
      `${name}: terminationGracePeriodSeconds ${String(grace)} < preStop + SHUTDOWN_TIMEOUT_MS + 2 s (${drainSeconds + 2} s)`,
    );
  }
  return problems;
}
