// The kinds this course's simulator accepts, and how a real cluster names the ones it does not.

import { API_VERSION, CLUSTER_SCOPED, KINDS, type Kind } from '../sim/types';

export const supportedKinds: readonly { kind: Kind; apiVersion: string; namespaced: boolean }[] = KINDS.map((kind) => ({
  kind,
  apiVersion: API_VERSION[kind],
  namespaced: !CLUSTER_SCOPED.has(kind),
}));

export const isSupportedKind = (k: string): k is Kind => (KINDS as readonly string[]).includes(k);

/** Lower-case plural resource names, as kubectl prints them ("services "web" ..."). */
export const RESOURCE: Record<Kind, string> = {
  Namespace: 'namespaces',
  Node: 'nodes',
  Pod: 'pods',
  Service: 'services',
  Endpoints: 'endpoints',
  Deployment: 'deployments.apps',
  ReplicaSet: 'replicasets.apps',
  EndpointSlice: 'endpointslices.discovery.k8s.io',
};

/** Built-in kinds a real cluster serves but this course does not simulate (so "no matches" would be a lie). */
export const OTHER_BUILTIN_KINDS = new Set([
  'ConfigMap', 'Secret', 'ServiceAccount', 'PersistentVolume', 'PersistentVolumeClaim', 'LimitRange', 'ResourceQuota',
  'PodTemplate', 'ReplicationController', 'Event', 'StatefulSet', 'DaemonSet', 'ControllerRevision', 'Job', 'CronJob',
  'Ingress', 'IngressClass', 'NetworkPolicy', 'HorizontalPodAutoscaler', 'PodDisruptionBudget', 'Role', 'RoleBinding',
  'ClusterRole', 'ClusterRoleBinding', 'StorageClass', 'CustomResourceDefinition', 'PriorityClass', 'Lease',
  'ServiceCIDR', 'IPAddress', 'List',
]);
