// The Deployment and ReplicaSet controllers, reduced to their settled outcome.
// Upstream: pkg/controller/replicaset/replica_set.go (manageReplicas, calculateStatus, adoption),
// pkg/controller/controller_utils.go (GetPodFromTemplate, ActivePods ranking, ComputeHash),
// pkg/controller/deployment (sync.go getNewReplicaSet / cleanupDeployment, util/deployment_util.go).
//
// Simplification (documented): a rollout is done in one step — the new ReplicaSet is scaled to the full
// replica count and the old ones to zero at once (pods become Ready instantly here, so a real
// RollingUpdate would reach the same end state, only through more intermediate writes).
// pod-template-hash: upstream hashes a go-spew dump of the defaulted template with FNV-32a; this
// simulator hashes the template's canonical (sorted-key) JSON with FNV-32a instead, then encodes the
// decimal value with SafeEncodeString like upstream. Same shape, not the same value as a real cluster.

import type { Deployment, KObject, Labels, OwnerReference, Pod, PodTemplate, ReplicaSet, SimEvent } from '../types';
import { clone, semanticEqual, sortKeysDeep } from './json';
import { fnv32a, safeEncodeString } from './ids';
import { isPodActive, isPodReady } from '../podutil';
import { selectorFromValidatedSet } from '../labels';
import { getPodsToDelete } from './replicaset-victims';
import type { ObjectStore } from './store';

export const POD_TEMPLATE_HASH = 'pod-template-hash';
export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
export const DESIRED_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/desired-replicas';
export const MAX_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/max-replicas';

export interface WorkloadHost {
  store: ObjectStore;
  now(): string;
  /** Pods whose controller ownerReference has this uid. */
  podsOwnedBy(namespace: string, uid: string): Pod[];
  /** Creates pods (generateName set) in name order, scheduling them and giving them a status. */
  createPods(pods: Pod[]): Pod[];
  /** Records an Event (time added by the host). */
  event(e: Omit<SimEvent, 'time'>): void;
  /** Graceful delete, as the ReplicaSet controller issues it. */
  deletePod(pod: Pod): void;
}

export function controllerRef(obj: KObject): OwnerReference | undefined {
  return obj.metadata.ownerReferences?.find((r) => r.controller);
}

export function ownerRefTo(owner: KObject): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name!,
    uid: owner.metadata.uid!,
    controller: true,
    blockOwnerDeletion: true,
  };
}

/** controller.ComputeHash stand-in: FNV-32a of the canonical template (+ collisionCount), safe-encoded. */
export function computePodTemplateHash(template: PodTemplate, collisionCount?: number): string {
  let text = JSON.stringify(sortKeysDeep(template));
  if (collisionCount) text += String(collisionCount);
  return safeEncodeString(String(fnv32a(text)));
}

// ---------------------------------------------------------------------------------------------------
// ReplicaSet

export function syncReplicaSet(host: WorkloadHost, rs: ReplicaSet): void {
  const ns = rs.metadata.namespace!;
  const owned = host.podsOwnedBy(ns, rs.metadata.uid!);
  const active = owned.filter(isPodActive);
  const want = rs.metadata.deletionTimestamp ? 0 : (rs.spec.replicas ?? 1);
  const diff = active.length - want;
  if (diff < 0) {
    const pods: Pod[] = [];
    for (let i = 0; i < -diff; i++) pods.push(podFromTemplate(rs));
    for (const pod of host.createPods(pods)) rsEvent(host, rs, 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`);
  } else if (diff > 0) {
    for (const pod of getPodsToDelete(active, relatedPods(host, rs), diff, host.now())) {
      host.deletePod(pod);
      rsEvent(host, rs, 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`);
    }
  }
  updateReplicaSetStatus(host, rs);
}

function rsEvent(host: WorkloadHost, rs: ReplicaSet, reason: string, message: string): void {
  host.event({
    type: 'Normal',
    reason,
    message,
    source: 'replicaset-controller',
    involved: { kind: 'ReplicaSet', namespace: rs.metadata.namespace, name: rs.metadata.name! },
  });
}

/** deployment controller's ScalingReplicaSet event (sync.go scaleReplicaSet). */
function scaledEvent(host: WorkloadHost, dep: Deployment, rs: string, from: number, to: number): void {
  if (from === to) return;
  host.event({
    type: 'Normal',
    reason: 'ScalingReplicaSet',
    message: `Scaled ${to > from ? 'up' : 'down'} replica set ${rs} from ${from} to ${to}`,
    source: 'deployment-controller',
    involved: { kind: 'Deployment', namespace: dep.metadata.namespace, name: dep.metadata.name! },
  });
}

export function updateReplicaSetStatus(host: WorkloadHost, rs: ReplicaSet): void {
  const current = host.store.get('ReplicaSet', rs.metadata.namespace, rs.metadata.name!) as ReplicaSet | undefined;
  if (!current) return;
  const active = host.podsOwnedBy(current.metadata.namespace!, current.metadata.uid!).filter(isPodActive);
  const templateLabels = current.spec.template.metadata?.labels ?? {};
  const ready = active.filter(isPodReady).length;
  const status: Record<string, unknown> = { replicas: active.length };
  // FullyLabeledReplicas: labels.Set(rs.Spec.Template.Labels).AsSelectorPreValidated().
  const templateSelector = selectorFromValidatedSet(templateLabels);
  const fully = active.filter((p) => templateSelector.matches(p.metadata.labels)).length;
  if (fully) status.fullyLabeledReplicas = fully;
  if (ready) status.readyReplicas = ready;
  if (ready) status.availableReplicas = ready; // minReadySeconds is not simulated
  status.observedGeneration = current.metadata.generation;
  if (!semanticEqual(status, current.status)) host.store.update({ ...current, status }, 'system');
}

function podFromTemplate(rs: ReplicaSet): Pod {
  const t = rs.spec.template;
  const metadata: Pod['metadata'] = {
    generateName: `${rs.metadata.name}-`,
    namespace: rs.metadata.namespace,
    labels: { ...(t.metadata?.labels ?? {}) },
    ownerReferences: [ownerRefTo(rs)],
  };
  if (t.metadata?.annotations) metadata.annotations = { ...t.metadata.annotations };
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec: clone(t.spec) };
}

/**
 * getIndirectlyRelatedPods: the pods of every ReplicaSet with the same controller (the Deployment's
 * old and new ReplicaSets); none for a ReplicaSet without one. Upstream lists them by each
 * ReplicaSet's selector; here by ownership, which is the same set once pods are adopted.
 */
function relatedPods(host: WorkloadHost, rs: ReplicaSet): Pod[] {
  const owner = controllerRef(rs);
  if (!owner) return [];
  const ns = rs.metadata.namespace!;
  return (host.store.list('ReplicaSet', ns) as ReplicaSet[])
    .filter((x) => controllerRef(x)?.uid === owner.uid)
    .flatMap((x) => host.podsOwnedBy(ns, x.metadata.uid!));
}

// ---------------------------------------------------------------------------------------------------
// Deployment

function templateWithoutHash(t: PodTemplate): PodTemplate {
  const labels: Labels = { ...(t.metadata?.labels ?? {}) };
  delete labels[POD_TEMPLATE_HASH];
  return { ...t, metadata: { ...(t.metadata ?? {}), labels } };
}

function revisionOf(rs: ReplicaSet): number {
  return Number(rs.metadata.annotations?.[REVISION_ANNOTATION] ?? 0) || 0;
}

function resolvePercent(value: unknown, total: number, roundUp: boolean): number {
  if (typeof value === 'number') return value;
  const m = typeof value === 'string' ? /^(\d+)%$/.exec(value) : null;
  if (!m) return 0;
  const exact = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(exact) : Math.floor(exact);
}

export function ownedReplicaSets(store: ObjectStore, dep: Deployment): ReplicaSet[] {
  const out: ReplicaSet[] = [];
  for (const rs of store.bucket('ReplicaSet', dep.metadata.namespace!).values()) {
    if (controllerRef(rs)?.uid === dep.metadata.uid) out.push(rs as ReplicaSet);
  }
  return out.sort((a, b) => (a.metadata.name! < b.metadata.name! ? -1 : 1));
}

export function syncDeployment(host: WorkloadHost, dep: Deployment): void {
  const { store } = host;
  const ns = dep.metadata.namespace!;
  const replicas = dep.spec.replicas ?? 1;
  const strategy = (dep.spec.strategy ?? {}) as { rollingUpdate?: { maxSurge?: unknown } };
  const maxSurge = resolvePercent(strategy.rollingUpdate?.maxSurge ?? '25%', replicas, true);
  const rsList = ownedReplicaSets(store, dep);
  const maxRevision = rsList.reduce((m, rs) => Math.max(m, revisionOf(rs)), 0);
  const wanted = templateWithoutHash(dep.spec.template);
  let newRS = rsList.find((rs) => semanticEqual(templateWithoutHash(rs.spec.template), wanted));
  let depStatus = { ...((dep.status ?? {}) as Record<string, unknown>) };

  if (!newRS) {
    let collisions = Number(depStatus.collisionCount ?? 0) || 0;
    for (;;) {
      const hash = computePodTemplateHash(dep.spec.template, collisions || undefined);
      const name = `${dep.metadata.name}-${hash}`;
      if (!store.get('ReplicaSet', ns, name)) {
        newRS = createReplicaSet(host, dep, name, hash, replicas, maxSurge, maxRevision + 1);
        scaledEvent(host, dep, name, 0, replicas);
        break;
      }
      collisions++;
    }
    if (collisions) depStatus = { ...depStatus, collisionCount: collisions };
  } else {
    const annotations = { ...(newRS.metadata.annotations ?? {}) };
    annotations[DESIRED_REPLICAS_ANNOTATION] = String(replicas);
    annotations[MAX_REPLICAS_ANNOTATION] = String(replicas + maxSurge);
    if (revisionOf(newRS) < maxRevision) annotations[REVISION_ANNOTATION] = String(maxRevision + 1);
    scaledEvent(host, dep, newRS.metadata.name!, newRS.spec.replicas ?? 1, replicas);
    newRS = store.update(
      { ...newRS, metadata: { ...newRS.metadata, annotations }, spec: { ...newRS.spec, replicas } },
      'system',
    ) as ReplicaSet;
  }
  for (const rs of rsList) {
    if (rs.metadata.uid === newRS.metadata.uid || (rs.spec.replicas ?? 1) === 0) continue;
    scaledEvent(host, dep, rs.metadata.name!, rs.spec.replicas ?? 1, 0);
    store.update({ ...rs, spec: { ...rs.spec, replicas: 0 } }, 'system');
  }
  cleanupOldReplicaSets(host, dep, newRS);

  const revision = String(revisionOf(newRS));
  if (dep.metadata.annotations?.[REVISION_ANNOTATION] !== revision || depStatus !== dep.status) {
    const current = store.get('Deployment', ns, dep.metadata.name!) as Deployment;
    store.update(
      {
        ...current,
        metadata: { ...current.metadata, annotations: { ...(current.metadata.annotations ?? {}), [REVISION_ANNOTATION]: revision } },
        status: depStatus,
      },
      'system',
    );
  }
}

function createReplicaSet(
  host: WorkloadHost,
  dep: Deployment,
  name: string,
  hash: string,
  replicas: number,
  maxSurge: number,
  revision: number,
): ReplicaSet {
  const template = clone(dep.spec.template);
  template.metadata = { ...(template.metadata ?? {}), labels: { ...(template.metadata?.labels ?? {}), [POD_TEMPLATE_HASH]: hash } };
  const selector = clone(dep.spec.selector);
  selector.matchLabels = { ...(selector.matchLabels ?? {}), [POD_TEMPLATE_HASH]: hash };
  const rs: ReplicaSet = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name,
      namespace: dep.metadata.namespace,
      labels: { ...(template.metadata.labels ?? {}) },
      annotations: {
        [DESIRED_REPLICAS_ANNOTATION]: String(replicas),
        [MAX_REPLICAS_ANNOTATION]: String(replicas + maxSurge),
        [REVISION_ANNOTATION]: String(revision),
      },
      ownerReferences: [ownerRefTo(dep)],
    },
    spec: { replicas, selector, template },
  };
  return host.store.create(rs, 'system') as ReplicaSet;
}

/** cleanupDeployment: old ReplicaSets at zero replicas beyond revisionHistoryLimit (default 10) go. */
function cleanupOldReplicaSets(host: WorkloadHost, dep: Deployment, newRS: ReplicaSet): void {
  const limit = typeof dep.spec.revisionHistoryLimit === 'number' ? dep.spec.revisionHistoryLimit : 10;
  const old = ownedReplicaSets(host.store, dep)
    .filter((rs) => rs.metadata.uid !== newRS.metadata.uid && (rs.spec.replicas ?? 1) === 0)
    .filter((rs) => host.podsOwnedBy(rs.metadata.namespace!, rs.metadata.uid!).length === 0)
    .sort((a, b) => revisionOf(a) - revisionOf(b));
  const excess = old.length - limit;
  for (let i = 0; i < excess; i++) {
    host.store.remove('ReplicaSet', old[i].metadata.namespace, old[i].metadata.name!, 'system');
  }
}

/** The Deployment's status, aggregated from its ReplicaSets (deployment/sync.go calculateStatus). */
export function updateDeploymentStatus(host: WorkloadHost, dep: Deployment): void {
  const { store } = host;
  const current = store.get('Deployment', dep.metadata.namespace, dep.metadata.name!) as Deployment | undefined;
  if (!current) return;
  const rsList = ownedReplicaSets(store, current);
  const wanted = templateWithoutHash(current.spec.template);
  const newRS = rsList.find((rs) => semanticEqual(templateWithoutHash(rs.spec.template), wanted));
  const st = (rs: ReplicaSet, k: string) => Number((rs.status as Record<string, unknown> | undefined)?.[k] ?? 0);
  const replicas = current.spec.replicas ?? 1;
  const total = rsList.reduce((n, rs) => n + st(rs, 'replicas'), 0);
  const ready = rsList.reduce((n, rs) => n + st(rs, 'readyReplicas'), 0);
  const available = rsList.reduce((n, rs) => n + st(rs, 'availableReplicas'), 0);
  const updated = newRS ? st(newRS, 'replicas') : 0;
  const strategy = (current.spec.strategy ?? {}) as { rollingUpdate?: { maxUnavailable?: unknown } };
  const maxUnavailable = resolvePercent(strategy.rollingUpdate?.maxUnavailable ?? '25%', replicas, false);
  const prev = (current.status ?? {}) as Record<string, unknown>;
  const now = host.now();
  const prevConds = (prev.conditions ?? []) as Record<string, unknown>[];
  const cond = (type: string, status: string, reason: string, message: string) => {
    const old = prevConds.find((c) => c.type === type);
    const same = old && old.status === status && old.reason === reason && old.message === message;
    if (same) return old;
    return {
      type,
      status,
      lastUpdateTime: now,
      lastTransitionTime: old && old.status === status ? old.lastTransitionTime : now,
      reason,
      message,
    };
  };
  const availableOk = available >= replicas - maxUnavailable;
  const complete = newRS !== undefined && updated === replicas && total === replicas && available === replicas;
  const status: Record<string, unknown> = { observedGeneration: current.metadata.generation };
  if (total) status.replicas = total;
  if (updated) status.updatedReplicas = updated;
  if (ready) status.readyReplicas = ready;
  if (available) status.availableReplicas = available;
  if (total - available > 0) status.unavailableReplicas = total - available;
  status.conditions = [
    availableOk
      ? cond('Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.')
      : cond('Available', 'False', 'MinimumReplicasUnavailable', 'Deployment does not have minimum availability.'),
    complete
      ? cond('Progressing', 'True', 'NewReplicaSetAvailable', `ReplicaSet "${newRS!.metadata.name}" has successfully progressed.`)
      : cond('Progressing', 'True', 'ReplicaSetUpdated', `ReplicaSet "${newRS?.metadata.name ?? ''}" is progressing.`),
  ];
  if (prev.collisionCount !== undefined) status.collisionCount = prev.collisionCount;
  if (!semanticEqual(status, current.status)) store.update({ ...current, status }, 'system');
}

/** Defaults the apps/v1 API server fills in on Deployments and ReplicaSets (pkg/apis/apps/v1/defaults.go). */
export function defaultWorkloadSpec(kind: 'Deployment' | 'ReplicaSet', spec: Record<string, unknown>): void {
  if (spec.replicas === undefined) spec.replicas = 1;
  if (kind !== 'Deployment') return;
  const strategy = { ...((spec.strategy as Record<string, unknown>) ?? {}) };
  if (!strategy.type) strategy.type = 'RollingUpdate';
  if (strategy.type === 'RollingUpdate') {
    const ru = { ...((strategy.rollingUpdate as Record<string, unknown>) ?? {}) };
    if (ru.maxUnavailable === undefined) ru.maxUnavailable = '25%';
    if (ru.maxSurge === undefined) ru.maxSurge = '25%';
    strategy.rollingUpdate = ru;
  }
  spec.strategy = strategy;
  if (spec.revisionHistoryLimit === undefined) spec.revisionHistoryLimit = 10;
  if (spec.progressDeadlineSeconds === undefined) spec.progressDeadlineSeconds = 600;
}
