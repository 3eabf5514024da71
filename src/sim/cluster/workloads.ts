// The Deployment and ReplicaSet controllers, reduced to their settled outcome.
// Upstream: pkg/controller/replicaset/replica_set.go (manageReplicas, calculateStatus, adoption),
// pkg/controller/controller_utils.go (GetPodFromTemplate, ActivePods ranking, ComputeHash),
// pkg/controller/deployment (sync.go getNewReplicaSet / cleanupDeployment, util/deployment_util.go).
//
// Rollouts go step by step (RollingUpdate surge/unavailable in deployment-rolling.ts, Recreate); pods
// with a readiness probe turn Ready after its initialDelaySeconds as the clock advances (readiness.ts).
// pod-template-hash: upstream hashes a go-spew dump of the defaulted template with FNV-32a; this
// simulator hashes the template's canonical (sorted-key) JSON with FNV-32a instead, then encodes the
// decimal value with SafeEncodeString like upstream. Same shape, not the same value as a real cluster.

import type { Deployment, KObject, Labels, OwnerReference, Pod, PodTemplate, ReplicaSet, SimEvent } from '../types';
import { clone, semanticEqual, sortKeysDeep } from './json';
import { fnv32a, safeEncodeString } from './ids';
import { isPodActive, isPodReady, isPodTerminal } from '../podutil';
import { availableAt, isPodAvailableAt } from './readiness';
import { objectKey } from './indexes';
import {
  deploymentComplete,
  deploymentProgressing,
  isRollingUpdate,
  maxSurge,
  maxUnavailable,
  newRSNewReplicas,
  oldReplicaSetScaleDowns,
  specReplicas,
  statusOf,
} from './deployment-rolling';
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
  const minReady = Number(current.spec.minReadySeconds ?? 0) || 0;
  const nowMs = Date.parse(host.now());
  const available = active.filter((p) => isPodAvailableAt(p, minReady, nowMs)).length;
  if (available) status.availableReplicas = available;
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

export function ownedReplicaSets(store: ObjectStore, dep: Deployment): ReplicaSet[] {
  const out: ReplicaSet[] = [];
  for (const rs of store.bucket('ReplicaSet', dep.metadata.namespace!).values()) {
    if (controllerRef(rs)?.uid === dep.metadata.uid) out.push(rs as ReplicaSet);
  }
  return out.sort((a, b) => (a.metadata.name! < b.metadata.name! ? -1 : 1));
}

type Condition = Record<string, unknown>;

/** SetDeploymentCondition: unchanged when status and reason match; else replaced (moved last), lastTransitionTime kept when the status is. */
function setCondition(conds: Condition[], c: Condition): Condition[] {
  const cur = conds.find((x) => x.type === c.type);
  if (cur && cur.status === c.status && cur.reason === c.reason) return conds;
  if (cur && cur.status === c.status) c = { ...c, lastTransitionTime: cur.lastTransitionTime };
  return [...conds.filter((x) => x.type !== c.type), c];
}

function newCondition(type: string, status: string, reason: string, message: string, now: string): Condition {
  return { type, status, lastUpdateTime: now, lastTransitionTime: now, reason, message };
}

/** scaleReplicaSetAndRecordEvent: a new size (and the replicas annotations) when the size changes. */
function scaleReplicaSet(host: WorkloadHost, dep: Deployment, rs: ReplicaSet, to: number): boolean {
  const from = rs.spec.replicas ?? 1;
  if (from === to) return false;
  const desired = dep.spec.replicas ?? 1;
  const annotations = {
    ...(rs.metadata.annotations ?? {}),
    [DESIRED_REPLICAS_ANNOTATION]: String(desired),
    [MAX_REPLICAS_ANNOTATION]: String(desired + maxSurge(dep)),
  };
  const current = host.store.get('ReplicaSet', rs.metadata.namespace, rs.metadata.name!) as ReplicaSet;
  host.store.update({ ...current, metadata: { ...current.metadata, annotations }, spec: { ...current.spec, replicas: to } }, 'system');
  scaledEvent(host, dep, rs.metadata.name!, from, to);
  return true;
}

/**
 * One sync of the Deployment controller (deployment_controller.go syncDeployment): rolloutRolling or
 * rolloutRecreate, one step per sync; the next sync comes with the ReplicaSet changes it causes.
 * Proportional scaling of several active ReplicaSets (sync.go scale) is not simulated: a replica change
 * in mid-rollout goes through the rolling step below.
 */
export function syncDeployment(host: WorkloadHost, dep: Deployment): void {
  const { store } = host;
  const ns = dep.metadata.namespace!;
  const replicas = dep.spec.replicas ?? 1;
  const rsList = ownedReplicaSets(store, dep);
  const maxRevision = rsList.reduce((m, rs) => Math.max(m, revisionOf(rs)), 0);
  const wanted = templateWithoutHash(dep.spec.template);
  let newRS = rsList.find((rs) => semanticEqual(templateWithoutHash(rs.spec.template), wanted));
  const oldRSs = rsList.filter((rs) => rs !== newRS);
  let depStatus = { ...((dep.status ?? {}) as Record<string, unknown>) };

  // getNewReplicaSet on an existing one: the revision follows the newest, minReadySeconds the Deployment.
  if (newRS) {
    const minReady = dep.spec.minReadySeconds as number | undefined;
    // SetNewReplicaSetAnnotations: revision = max revision of the OLD ReplicaSets + 1, when it is lower
    // (a rollback to an old template gives that ReplicaSet the newest revision).
    const newRevision = oldRSs.reduce((m, rs) => Math.max(m, revisionOf(rs)), 0) + 1;
    const needsRevision = revisionOf(newRS) < newRevision;
    if (needsRevision || newRS.spec.minReadySeconds !== minReady) {
      const annotations = { ...(newRS.metadata.annotations ?? {}) };
      if (needsRevision) annotations[REVISION_ANNOTATION] = String(newRevision);
      const spec = { ...newRS.spec };
      if (minReady) spec.minReadySeconds = minReady;
      else delete spec.minReadySeconds;
      newRS = store.update({ ...newRS, metadata: { ...newRS.metadata, annotations }, spec }, 'system') as ReplicaSet;
    }
  }
  const create = (count: number) => {
    let collisions = Number(depStatus.collisionCount ?? 0) || 0;
    for (;;) {
      const hash = computePodTemplateHash(dep.spec.template, collisions || undefined);
      const name = `${dep.metadata.name}-${hash}`;
      if (!store.get('ReplicaSet', ns, name)) {
        const rs = createReplicaSet(host, dep, name, hash, count, maxSurge(dep), maxRevision + 1);
        if (count > 0) scaledEvent(host, dep, name, 0, count);
        if (collisions) depStatus = { ...depStatus, collisionCount: collisions };
        // getNewReplicaSet: Progressing True, NewReplicaSetCreated.
        const conds = (depStatus.conditions ?? []) as Condition[];
        const c = newCondition('Progressing', 'True', 'NewReplicaSetCreated', `Created new replica set "${name}"`, host.now());
        depStatus = { ...depStatus, conditions: setCondition(conds, c) };
        return rs;
      }
      collisions++;
    }
  };

  if (isRollingUpdate(dep)) {
    // rolloutRolling: grow the new ReplicaSet by the surge; if it did not grow, shrink the old ones.
    let scaledUp = false;
    if (!newRS) {
      newRS = create(newRSNewReplicas(dep, oldRSs, undefined));
      scaledUp = true;
    } else if ((newRS.spec.replicas ?? 1) > replicas) {
      scaledUp = scaleReplicaSet(host, dep, newRS, replicas);
    } else if ((newRS.spec.replicas ?? 1) < replicas) {
      scaledUp = scaleReplicaSet(host, dep, newRS, newRSNewReplicas(dep, rsList, newRS));
    }
    if (!scaledUp) {
      const active = oldRSs.filter((rs) => (rs.spec.replicas ?? 1) > 0);
      for (const [name, to] of oldReplicaSetScaleDowns(dep, active, newRS!)) {
        scaleReplicaSet(host, dep, active.find((rs) => rs.metadata.name === name)!, to);
      }
    }
  } else {
    // rolloutRecreate: old ReplicaSets to zero; the new one only once no old pod is left running.
    let scaledDown = false;
    for (const rs of oldRSs) if (scaleReplicaSet(host, dep, rs, 0)) scaledDown = true;
    const oldPodsRunning = oldRSs.some((rs) => host.podsOwnedBy(ns, rs.metadata.uid!).some((p) => !isPodTerminal(p)));
    if (!scaledDown && !oldPodsRunning) {
      if (!newRS) newRS = create(replicas);
      else scaleReplicaSet(host, dep, newRS, replicas);
    }
  }

  const revision = newRS ? String(revisionOf(newRS)) : dep.metadata.annotations?.[REVISION_ANNOTATION];
  const current = store.get('Deployment', ns, dep.metadata.name!) as Deployment;
  if ((revision !== undefined && current.metadata.annotations?.[REVISION_ANNOTATION] !== revision) || !semanticEqual(depStatus, current.status ?? {})) {
    const annotations = { ...(current.metadata.annotations ?? {}) };
    if (revision !== undefined) annotations[REVISION_ANNOTATION] = revision;
    store.update({ ...current, metadata: { ...current.metadata, annotations }, status: depStatus }, 'system');
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
  const minReady = dep.spec.minReadySeconds as number | undefined;
  if (minReady) rs.spec.minReadySeconds = minReady;
  return host.store.create(rs, 'system') as ReplicaSet;
}

/** cleanupDeployment: old ReplicaSets at zero replicas beyond revisionHistoryLimit (default 10) go. */
function cleanupOldReplicaSets(host: WorkloadHost, dep: Deployment, newRS: ReplicaSet | undefined): void {
  const limit = typeof dep.spec.revisionHistoryLimit === 'number' ? dep.spec.revisionHistoryLimit : 10;
  const old = ownedReplicaSets(host.store, dep)
    .filter((rs) => rs.metadata.uid !== newRS?.metadata.uid && (rs.spec.replicas ?? 1) === 0)
    .filter((rs) => host.podsOwnedBy(rs.metadata.namespace!, rs.metadata.uid!).length === 0)
    .sort((a, b) => revisionOf(a) - revisionOf(b));
  const excess = old.length - limit;
  for (let i = 0; i < excess; i++) {
    host.store.remove('ReplicaSet', old[i].metadata.namespace, old[i].metadata.name!, 'system');
  }
}

/**
 * The Deployment's status (sync.go calculateStatus + progress.go syncRolloutStatus); old ReplicaSets
 * are cleaned up once the rollout is complete. ProgressDeadlineExceeded is not simulated.
 */
export function updateDeploymentStatus(host: WorkloadHost, dep: Deployment): void {
  const { store } = host;
  const current = store.get('Deployment', dep.metadata.namespace, dep.metadata.name!) as Deployment | undefined;
  if (!current) return;
  const rsList = ownedReplicaSets(store, current);
  const wanted = templateWithoutHash(current.spec.template);
  const newRS = rsList.find((rs) => semanticEqual(templateWithoutHash(rs.spec.template), wanted));
  const desired = current.spec.replicas ?? 1;
  const counts = {
    replicas: rsList.reduce((n, rs) => n + statusOf(rs, 'replicas'), 0),
    updatedReplicas: newRS ? statusOf(newRS, 'replicas') : 0,
    readyReplicas: rsList.reduce((n, rs) => n + statusOf(rs, 'readyReplicas'), 0),
    availableReplicas: rsList.reduce((n, rs) => n + statusOf(rs, 'availableReplicas'), 0),
  };
  const unavailable = Math.max(0, rsList.reduce((n, rs) => n + specReplicas(rs), 0) - counts.availableReplicas);
  const prev = (current.status ?? {}) as Record<string, unknown>;
  const now = host.now();
  let conds = [...((prev.conditions ?? []) as Condition[])];
  conds =
    counts.availableReplicas >= desired - maxUnavailable(current)
      ? setCondition(conds, newCondition('Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.', now))
      : setCondition(conds, newCondition('Available', 'False', 'MinimumReplicasUnavailable', 'Deployment does not have minimum availability.', now));
  const progressing = conds.find((c) => c.type === 'Progressing');
  const isComplete = counts.replicas === counts.updatedReplicas && progressing?.reason === 'NewReplicaSetAvailable';
  const complete = newRS !== undefined && deploymentComplete(current, { ...counts, observedGeneration: current.metadata.generation });
  if (!isComplete) {
    if (complete) {
      conds = setCondition(conds, newCondition('Progressing', 'True', 'NewReplicaSetAvailable', `ReplicaSet "${newRS!.metadata.name}" has successfully progressed.`, now));
    } else if (deploymentProgressing(prev as Partial<typeof counts>, counts)) {
      const msg = newRS ? `ReplicaSet "${newRS.metadata.name}" is progressing.` : `Deployment "${current.metadata.name}" is progressing.`;
      let c = newCondition('Progressing', 'True', 'ReplicaSetUpdated', msg, now);
      if (progressing?.status === 'True') c = { ...c, lastTransitionTime: progressing.lastTransitionTime };
      conds = [...conds.filter((x) => x.type !== 'Progressing'), c];
    }
  }
  const status: Record<string, unknown> = { observedGeneration: current.metadata.generation };
  if (counts.replicas) status.replicas = counts.replicas;
  if (counts.updatedReplicas) status.updatedReplicas = counts.updatedReplicas;
  if (counts.readyReplicas) status.readyReplicas = counts.readyReplicas;
  if (counts.availableReplicas) status.availableReplicas = counts.availableReplicas;
  if (unavailable) status.unavailableReplicas = unavailable;
  status.conditions = conds;
  if (prev.collisionCount !== undefined) status.collisionCount = prev.collisionCount;
  if (complete) cleanupOldReplicaSets(host, current, newRS);
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

/**
 * ReplicaSets with minReadySeconds, and the next moment one of their Ready pods becomes available
 * (the ReplicaSet controller requeues itself for then: replica_set.go AddAfter minReadySeconds).
 */
export function availabilityWakeups(host: WorkloadHost, nowMs: number): { keys: string[]; next?: number } {
  const keys: string[] = [];
  let next: number | undefined;
  for (const rs of host.store.list('ReplicaSet') as ReplicaSet[]) {
    const minReady = Number(rs.spec.minReadySeconds ?? 0) || 0;
    if (minReady <= 0) continue;
    keys.push(objectKey('ReplicaSet', rs.metadata.namespace!, rs.metadata.name!));
    for (const pod of host.podsOwnedBy(rs.metadata.namespace!, rs.metadata.uid!)) {
      const t = availableAt(pod, minReady, nowMs);
      if (t !== undefined && (next === undefined || t < next)) next = t;
    }
  }
  return { keys, next };
}
