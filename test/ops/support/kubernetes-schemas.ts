import { AnalysisTemplate, Rollout } from '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1';
import { Application } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1';
import { ExternalSecret } from '@kubernetes-models/external-secrets/external-secrets.io/v1';
import {
  PodMonitor,
  PrometheusRule,
  ServiceMonitor,
} from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { Deployment } from 'kubernetes-models/apps/v1';
import { Job } from 'kubernetes-models/batch/v1';
import { Ingress, NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { ConfigMap, Namespace, Service, ServiceAccount } from 'kubernetes-models/v1';
import type { K8sObject } from './kustomize.js';

interface Model {
  validate(): void;
}

interface Kind {
  /** The model class: validate() checks the object against the kind's published schema. */
  readonly model: new (data: never) => Model;
  /** Module and interface of the kind's TypeScript type, for the unknown-field check. */
  readonly module: string;
  readonly type: string;
}

const kind = (model: Kind['model'], module: string): Kind => ({
  model,
  module,
  type: `I${module.slice(module.lastIndexOf('/') + 1)}`,
});

/**
 * The kinds the manifests may contain: Kubernetes' own (kubernetes-models, from the Kubernetes
 * OpenAPI document) and the CRDs of Argo Rollouts, Argo CD, External Secrets and the Prometheus
 * Operator (@kubernetes-models/*, generated from each project's published CRD schemas).
 */
const KINDS: Record<string, Kind> = {
  'v1/Namespace': kind(Namespace, 'kubernetes-models/v1/Namespace'),
  'v1/ServiceAccount': kind(ServiceAccount, 'kubernetes-models/v1/ServiceAccount'),
  'v1/ConfigMap': kind(ConfigMap, 'kubernetes-models/v1/ConfigMap'),
  'v1/Service': kind(Service, 'kubernetes-models/v1/Service'),
  'apps/v1/Deployment': kind(Deployment, 'kubernetes-models/apps/v1/Deployment'),
  'batch/v1/Job': kind(Job, 'kubernetes-models/batch/v1/Job'),
  'networking.k8s.io/v1/Ingress': kind(Ingress, 'kubernetes-models/networking.k8s.io/v1/Ingress'),
  'networking.k8s.io/v1/NetworkPolicy': kind(
    NetworkPolicy,
    'kubernetes-models/networking.k8s.io/v1/NetworkPolicy',
  ),
  'autoscaling/v2/HorizontalPodAutoscaler': kind(
    HorizontalPodAutoscaler,
    'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler',
  ),
  'policy/v1/PodDisruptionBudget': kind(
    PodDisruptionBudget,
    'kubernetes-models/policy/v1/PodDisruptionBudget',
  ),
  'argoproj.io/v1alpha1/Rollout': kind(
    Rollout,
    '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/Rollout',
  ),
  'argoproj.io/v1alpha1/AnalysisTemplate': kind(
    AnalysisTemplate,
    '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/AnalysisTemplate',
  ),
  'argoproj.io/v1alpha1/Application': kind(
    Application,
    '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/Application',
  ),
  'external-secrets.io/v1/ExternalSecret': kind(
    ExternalSecret,
    '@kubernetes-models/external-secrets/external-secrets.io/v1/ExternalSecret',
  ),
  'monitoring.coreos.com/v1/PodMonitor': kind(
    PodMonitor,
    '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PodMonitor',
  ),
  'monitoring.coreos.com/v1/ServiceMonitor': kind(
    ServiceMonitor,
    '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/ServiceMonitor',
  ),
  'monitoring.coreos.com/v1/PrometheusRule': kind(
    PrometheusRule,
    '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PrometheusRule',
  ),
};

export function kindOf(object: K8sObject): Kind {
  const found = KINDS[`${object.apiVersion}/${object.kind}`];
  if (!found) throw new Error(`no schema for ${object.apiVersion} ${object.kind}`);
  return found;
}

/** Validates `object` against its kind's schema; throws naming the object and every error. */
export function validateAgainstSchema(object: K8sObject): void {
  const Model = kindOf(object).model;
  try {
    new Model(structuredClone(object) as never).validate();
  } catch (error) {
    throw new Error(`${object.kind}/${object.metadata.name}: ${String(error)}`, { cause: error });
  }
}
