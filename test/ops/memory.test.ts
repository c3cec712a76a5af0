import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type K8sObject, renderKustomization } from './support/kustomize.js';
import {
  envValue,
  mainContainerOf,
  mebibytes,
  memoryProblems,
  v8Heap,
} from './support/memory-rules.js';

type Json = Record<string, unknown>;
const overlayDir = (overlay: string): string => join(process.cwd(), 'k8s', 'overlays', overlay);
/** Every workload that runs Node: the two Deployments and the migration Job. */
const WORKLOADS = [
  ['Deployment', 'api'],
  ['Deployment', 'worker'],
  ['Job', 'api-migrate'],
] as const;

const workload = (objects: K8sObject[], kind: string, name: string): K8sObject => {
  const found = objects.find((o) => o.kind === kind && o.metadata.name === name);
  if (!found) throw new Error(`no ${kind}/${name}`);
  return found;
};

describe.each(['dev', 'prod'])('memory sizing in k8s/overlays/%s', (overlay) => {
  const objects = renderKustomization(overlayDir(overlay));

  it.each(WORKLOADS)('%s/%s has requests, a limit, and a V8 heap sized for it', (kind, name) => {
    expect(memoryProblems(workload(objects, kind, name))).toEqual([]);
  });
});

describe('memory sizing', () => {
  const objects = renderKustomization(overlayDir('dev'));
  const dockerfile = readFileSync(join(process.cwd(), 'Dockerfile'), 'utf8');

  it('gives each image the NODE_OPTIONS its Deployment sets, and two malloc arenas', () => {
    for (const app of ['api', 'worker']) {
      const start = dockerfile.indexOf(`FROM runtime AS ${app}\n`);
      const next = dockerfile.indexOf('\nFROM ', start + 1);
      const target = dockerfile.slice(start, next < 0 ? undefined : next);
      const options = /^ENV NODE_OPTIONS="([^"]+)"$/m.exec(target)?.[1];
      expect(options).toBe(
        envValue(mainContainerOf(workload(objects, 'Deployment', app)), 'NODE_OPTIONS'),
      );
    }
    expect(dockerfile.slice(dockerfile.indexOf('AS runtime'))).toMatch(/^ENV MALLOC_ARENA_MAX=2$/m);
  });

  it('reads quantities and V8 flags', () => {
    expect([mebibytes('384Mi'), mebibytes('1Gi'), mebibytes('400M')]).toEqual([384, 1024, NaN]);
    expect(v8Heap('--max-old-space-size=128 --max-semi-space-size=8')).toEqual({
      oldSpace: 128,
      semiSpace: 8,
    });
    expect(v8Heap('--max-old-space-size=1289')).toEqual({
      oldSpace: 1289,
      semiSpace: undefined,
    });
  });

  const brokenApi = (breakRule: (container: Json) => void): K8sObject => {
    const copy = structuredClone(workload(objects, 'Deployment', 'api'));
    breakRule(mainContainerOf(copy));
    return copy;
  };
  const setEnv = (container: Json, name: string, value: string): void => {
    const variable = ((container.env ?? []) as Json[]).find((v) => v.name === name);
    if (variable) variable.value = value;
  };

  it.each<[string, (container: Json) => void, RegExp]>([
    ['no limit', (c) => delete (c.resources as Json).limits, /no memory limit/],
    [
      'a request above its limit',
      (c) => (((c.resources as Json).requests as Json).memory = '1Gi'),
      /request 1024Mi above its limit/,
    ],
    [
      'a heap as large as its limit',
      (c) => setEnv(c, 'NODE_OPTIONS', '--max-old-space-size=384 --max-semi-space-size=8'),
      /V8 heap 384 \+ 3 × 8 MiB is more than half/,
    ],
    [
      'no semi-space size',
      (c) => setEnv(c, 'NODE_OPTIONS', '--max-old-space-size=128'),
      /NODE_OPTIONS sets no/,
    ],
    ['default malloc arenas', (c) => setEnv(c, 'MALLOC_ARENA_MAX', '8'), /MALLOC_ARENA_MAX/],
  ])('refuses an api with %s', (_case, breakRule, message) => {
    expect(memoryProblems(brokenApi(breakRule)).join('\n')).toMatch(message);
  });
});
