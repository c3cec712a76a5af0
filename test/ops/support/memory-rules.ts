import type { K8sObject } from './kustomize.js';
import { podSpecsOf } from './kustomize.js';

/**
 * Memory sizing of a workload's main container (docs/operations.md, "Memory"): a memory request
 * and limit, V8's heap bounded by NODE_OPTIONS, and that heap (old space + a young generation
 * of three semi-spaces) within half the limit, the other half being what the measurements show
 * a Node process needs outside the V8 heap (code, WebAssembly, native buffers, Argon2, malloc),
 * and two malloc arenas.
 */

type Json = Record<string, unknown>;

/** MiB of a Kubernetes quantity in Mi or Gi (the units these manifests use); NaN otherwise. */
export function mebibytes(quantity: unknown): number {
  const match = /^(\d+)(Mi|Gi)$/.exec(String(quantity));
  if (!match) return NaN;
  return Number(match[1]) * (match[2] === 'Gi' ? 1024 : 1);
}

/** The V8 heap sizes NODE_OPTIONS sets, in MiB (undefined for a flag it lacks). */
export function v8Heap(nodeOptions: string): { oldSpace?: number; semiSpace?: number } {
  const flag = (name: string): number | undefined => {
    const match = new RegExp(`--${name}=(\\d+)(?:\\s|$)`).exec(nodeOptions);
    return match ? Number(match[1]) : undefined;
  };
  return { oldSpace: flag('max-old-space-size'), semiSpace: flag('max-semi-space-size') };
}

export function mainContainerOf(workload: K8sObject): Json {
  const pod = podSpecsOf(workload)[0] ?? {};
  const containers = (pod.containers ?? []) as Json[];
  return containers.find((c) => c.name === workload.metadata.name) ?? containers[0] ?? {};
}

export function envValue(container: Json, name: string): string | undefined {
  const found = ((container.env ?? []) as Json[]).find((v) => v.name === name);
  return typeof found?.value === 'string' ? found.value : undefined;
}

export function memoryProblems(workload: K8sObject): string[] {
  const name = `${workload.kind}/${workload.metadata.name}`;
  const container = mainContainerOf(workload);
  const resources = (container.resources ?? {}) as { requests?: Json; limits?: Json };
  const limit = mebibytes(resources.limits?.memory);
  const request = mebibytes(resources.requests?.memory);
  const problems: string[] = [];
  if (!Number.isFinite(limit)) problems.push(`${name}: no memory limit in Mi or Gi`);
  if (!Number.isFinite(request)) problems.push(`${name}: no memory request in Mi or Gi`);
  if (request > limit) problems.push(`${name}: memory request ${request}Mi above its limit`);
  const { oldSpace, semiSpace } = v8Heap(envValue(container, 'NODE_OPTIONS') ?? '');
  if (oldSpace === undefined || semiSpace === undefined) {
    problems.push(`${name}: NODE_OPTIONS sets no --max-old-space-size and --max-semi-space-size`);
  } else if (oldSpace + 3 * semiSpace > limit / 2) {
    problems.push(
      `${name}: V8 heap ${oldSpace} + 3 × ${semiSpace} MiB is more than half the ${limit}Mi limit`,
    );
  }
  if (envValue(container, 'MALLOC_ARENA_MAX') !== '2') {
    problems.push(`${name}: MALLOC_ARENA_MAX is not 2`);
  }
  return problems;
}
