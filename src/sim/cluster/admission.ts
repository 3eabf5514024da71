// What the simulated API server does with an object on its way in, apart from per-kind defaults:
// which objects it takes, the order of one batch, namespace defaults, and (on re-apply) which fields the
// server or controllers own and keep, the way a kubectl apply patch leaves them alone.

import type { Kind, KObject } from '../types';
import { KINDS } from '../types';

/** Order in which one apply() batch is processed, so pods find their Nodes and Services. */
const APPLY_ORDER: Kind[] = ['Namespace', 'Node', 'Service', 'Endpoints', 'EndpointSlice', 'Deployment', 'ReplicaSet', 'Pod'];
/** Namespaces every cluster starts with (no `kubernetes` Service: see reference §0). */
export const INITIAL_NAMESPACES = ['default', 'kube-node-lease', 'kube-public', 'kube-system'];

/** Throws for objects the simulated API server cannot take at all. */
export function checkApplicable(obj: KObject): void {
  if (!obj || typeof obj !== 'object') throw new Error('not an object');
  if (!KINDS.includes(obj.kind as Kind)) throw new Error(`the simulator does not handle kind "${String(obj.kind)}"`);
  if (!obj.metadata || (!obj.metadata.name && !obj.metadata.generateName)) {
    throw new Error(`${obj.kind}: metadata.name or metadata.generateName is required`);
  }
}

export function applyRank(obj: KObject): number {
  const i = APPLY_ORDER.indexOf(obj.kind as Kind);
  return i < 0 ? APPLY_ORDER.length : i;
}

export function podNameOrder(a: KObject, b: KObject): number {
  if (a.kind !== 'Pod' || b.kind !== 'Pod') return 0;
  const an = a.metadata?.name ?? '';
  const bn = b.metadata?.name ?? '';
  return an < bn ? -1 : an > bn ? 1 : 0;
}

export function apiVersionOf(kind: Kind): string {
  return { Deployment: 'apps/v1', ReplicaSet: 'apps/v1', EndpointSlice: 'discovery.k8s.io/v1' }[kind as string] ?? 'v1';
}

export function namespaceObject(name: string): KObject {
  return defaultNamespace({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
}

/** Namespace defaults: the metadata.name label (NamespaceDefaultLabelName), finalizer, phase Active. */
export function defaultNamespace(obj: KObject): KObject {
  const name = obj.metadata.name!;
  return {
    ...obj,
    metadata: { ...obj.metadata, labels: { ...(obj.metadata.labels ?? {}), 'kubernetes.io/metadata.name': name } },
    spec: { finalizers: ['kubernetes'], ...((obj.spec as object) ?? {}) },
    status: { phase: 'Active', ...((obj.status as object) ?? {}) },
  };
}

/**
 * Fields the server (or controllers) own that a re-applied manifest leaves out stay as stored, the way a
 * kubectl apply patch leaves them alone: status, pod binding, deletion state, owners, workload annotations.
 */
export function carryServerFields(obj: KObject, old: KObject): KObject {
  const out: KObject = { ...obj, metadata: { ...obj.metadata } };
  const m = out.metadata;
  for (const f of ['deletionTimestamp', 'deletionGracePeriodSeconds', 'ownerReferences'] as const) {
    if (m[f] === undefined && old.metadata[f] !== undefined) (m as Record<string, unknown>)[f] = old.metadata[f];
  }
  const oldAnn = old.metadata.annotations ?? {};
  for (const k of Object.keys(oldAnn)) {
    if (k.startsWith('deployment.kubernetes.io/') && m.annotations?.[k] === undefined) {
      m.annotations = { ...(m.annotations ?? {}), [k]: oldAnn[k] };
    }
  }
  if (out.status === undefined && old.status !== undefined && old.kind !== 'Namespace') out.status = old.status;
  if (old.kind === 'Pod') {
    const spec = { ...(out.spec as Record<string, unknown>) };
    const oldSpec = old.spec as Record<string, unknown>;
    if (!spec.nodeName && oldSpec.nodeName) spec.nodeName = oldSpec.nodeName;
    out.spec = spec;
  }
  if (old.kind === 'Node' && out.spec === undefined && old.spec !== undefined) out.spec = old.spec;
  return out;
}
