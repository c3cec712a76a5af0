import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseAllDocuments } from 'yaml';

/**
 * A renderer for the part of Kustomize this repository uses, so that the manifests are checked
 * with npm packages alone: resources (files and directories), namespace, labels,
 * configMapGenerator (literals, files, annotations, merge, content-hash names or none, and the
 * references to them), images,
 * and strategic-merge patches. Any other field is refused rather than ignored, and
 * kubernetes.test.ts compares the output with real kustomize wherever a binary is installed.
 */

export type K8sObject = Record<string, unknown> & {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
};

interface Kustomization {
  namespace?: string;
  resources?: string[];
  labels?: { pairs: Record<string, string>; includeSelectors?: boolean }[];
  configMapGenerator?: {
    name: string;
    behavior?: 'create' | 'merge';
    literals?: string[];
    files?: string[];
    options?: { annotations?: Record<string, string>; disableNameSuffixHash?: boolean };
  }[];
  images?: { name: string; newName?: string; newTag?: string }[];
  patches?: { path: string }[];
}

const SUPPORTED = new Set([
  'apiVersion',
  'kind',
  'namespace',
  'resources',
  'labels',
  'configMapGenerator',
  'images',
  'patches',
]);
const CLUSTER_SCOPED = new Set(['Namespace', 'ClusterRole', 'ClusterRoleBinding']);

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function readYaml(file: string): unknown[] {
  return parseAllDocuments(readFileSync(file, 'utf8'))
    .map((document) => document.toJS() as unknown)
    .filter((value) => value !== null);
}

/** Go's encoding/json, which kustomize hashes: sorted keys, `<`, `>` and `&` escaped. */
function goJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(goJson).join(',')}]`;
  if (isObject(value)) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((key) => `${goJson(key)}:${goJson(value[key])}`).join(',')}}`;
  }
  return JSON.stringify(value).replace(
    /[<>&]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * Kustomize's ConfigMap name suffix: SHA-256 of the encoded map, 10 characters, some swapped.
 * Kustomize 5 looks the name up by a path it never finds, so it hashes an empty name.
 */
export function configMapHash(data: Record<string, string>): string {
  const hex = createHash('sha256')
    .update(goJson({ data, kind: 'ConfigMap', name: '' }))
    .digest('hex');
  const swap: Record<string, string> = { '0': 'g', '1': 'h', '3': 'k', a: 'm', e: 't' };
  return hex.slice(0, 10).replace(/[013ae]/g, (char) => swap[char] ?? char);
}

/** Strategic merge as far as these overlays need: maps recursively, named list items by name. */
function strategicMerge(target: unknown, patch: unknown): unknown {
  if (isObject(target) && isObject(patch)) {
    const merged: Json = { ...target };
    for (const [key, value] of Object.entries(patch)) {
      merged[key] = strategicMerge(target[key], value);
    }
    return merged;
  }
  const named = (items: unknown[]): items is Json[] =>
    items.every((item) => isObject(item) && typeof item.name === 'string');
  if (Array.isArray(target) && Array.isArray(patch) && named(target) && named(patch)) {
    const merged = [...target];
    for (const item of patch) {
      const at = merged.findIndex((existing) => existing.name === item.name);
      if (at >= 0) merged[at] = strategicMerge(merged[at], item) as Json;
      else merged.push(item);
    }
    return merged;
  }
  return patch;
}

function renameConfigMapRefs(node: unknown, rename: ReadonlyMap<string, string>): void {
  if (Array.isArray(node)) {
    for (const item of node) renameConfigMapRefs(item, rename);
    return;
  }
  if (!isObject(node)) return;
  for (const [key, value] of Object.entries(node)) {
    const isRef = ['configMapRef', 'configMapKeyRef', 'configMap'].includes(key);
    if (isRef && isObject(value) && typeof value.name === 'string') {
      value.name = rename.get(value.name) ?? value.name;
    }
    renameConfigMapRefs(value, rename);
  }
}

/** Pod specs of workloads (Deployment, Job, ... and CronJob). */
export function podSpecsOf(object: K8sObject): Json[] {
  const spec = object.spec as Json | undefined;
  const jobSpec = (spec?.jobTemplate as Json | undefined)?.spec as Json | undefined;
  const template = (spec?.template ?? jobSpec?.template) as Json | undefined;
  return isObject(template?.spec) ? [template.spec] : [];
}

interface Collected {
  readonly objects: K8sObject[];
  /** Generated ConfigMaps, by their name before the hash suffix. */
  readonly generated: Map<string, K8sObject>;
}

function collect(directory: string): Collected {
  const kustomization = readYaml(join(directory, 'kustomization.yaml'))[0] as Kustomization;
  const unsupported = Object.keys(kustomization).filter((key) => !SUPPORTED.has(key));
  if (unsupported.length > 0) {
    throw new Error(`${directory}: unsupported kustomization fields: ${unsupported.join(', ')}`);
  }

  const objects: K8sObject[] = [];
  const generated = new Map<string, K8sObject>();
  for (const resource of kustomization.resources ?? []) {
    const path = join(directory, resource);
    if (statSync(path).isDirectory()) {
      const base = collect(path);
      objects.push(...base.objects);
      for (const [name, object] of base.generated) generated.set(name, object);
    } else {
      objects.push(...(readYaml(path) as K8sObject[]));
    }
  }

  for (const {
    name,
    behavior = 'create',
    literals = [],
    files = [],
    options,
  } of kustomization.configMapGenerator ?? []) {
    const data = Object.fromEntries([
      ...literals.map((literal) => [
        literal.slice(0, literal.indexOf('=')),
        literal.slice(literal.indexOf('=') + 1),
      ]),
      ...files.map((file) => [basename(file), readFileSync(join(directory, file), 'utf8')]),
    ]);
    const existing = generated.get(name);
    if (behavior === 'merge') {
      if (!existing) throw new Error(`${directory}: no ConfigMap ${name} to merge into`);
      existing.data = { ...(existing.data as Record<string, string>), ...data };
    } else {
      if (existing) throw new Error(`${directory}: ConfigMap ${name} is generated twice`);
      const configMap: K8sObject = {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name, ...(options?.annotations ? { annotations: options.annotations } : {}) },
        data,
      };
      objects.push(configMap);
      // Unhashed ConfigMaps keep their name; only hashed ones are renamed below.
      if (!options?.disableNameSuffixHash) generated.set(name, configMap);
    }
  }

  for (const { path } of kustomization.patches ?? []) {
    for (const patch of readYaml(join(directory, path)) as K8sObject[]) {
      const at = objects.findIndex(
        ({ kind, metadata }) => kind === patch.kind && metadata.name === patch.metadata.name,
      );
      if (at < 0) throw new Error(`${directory}/${path}: no ${patch.kind} to patch`);
      objects[at] = strategicMerge(objects[at], patch) as K8sObject;
    }
  }

  for (const image of kustomization.images ?? []) {
    for (const pod of objects.flatMap(podSpecsOf)) {
      const containers = [pod.containers, pod.initContainers].flatMap(
        (list) => (list ?? []) as Json[],
      );
      for (const container of containers) {
        const [name, tag] = String(container.image).split(':');
        if (name === image.name) {
          container.image = `${image.newName ?? name}:${image.newTag ?? tag ?? 'latest'}`;
        }
      }
    }
  }

  for (const { pairs } of kustomization.labels ?? []) {
    for (const object of objects) object.metadata.labels = { ...object.metadata.labels, ...pairs };
  }

  const namespace = kustomization.namespace;
  if (namespace !== undefined) {
    for (const object of objects) {
      if (object.kind === 'Namespace') object.metadata.name = namespace;
      else if (!CLUSTER_SCOPED.has(object.kind)) object.metadata.namespace = namespace;
    }
  }
  return { objects, generated };
}

/** The objects `kustomize build <directory>` prints (in another order). */
export function renderKustomization(directory: string): K8sObject[] {
  const { objects, generated } = collect(directory);
  // Names are hashed once the contents are final; references follow the new names.
  const renamed = new Map<string, string>();
  for (const [name, configMap] of generated) {
    configMap.metadata.name = `${name}-${configMapHash(configMap.data as Record<string, string>)}`;
    renamed.set(name, configMap.metadata.name);
  }
  for (const object of objects) renameConfigMapRefs(object, renamed);
  return objects;
}
