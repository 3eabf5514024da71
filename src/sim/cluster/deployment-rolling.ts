// The numbers of a Deployment rollout, as upstream computes them.
// Upstream: pkg/controller/deployment/util/deployment_util.go (ResolveFenceposts, MaxSurge,
// MaxUnavailable, NewRSNewReplicas, DeploymentComplete, DeploymentProgressing) and
// pkg/controller/deployment/rolling.go (reconcileOldReplicaSets, cleanupUnhealthyReplicas,
// scaleDownOldReplicaSetsForRollingUpdate).

import type { Deployment, ReplicaSet } from '../types';

interface RollingUpdate {
  maxSurge?: unknown;
  maxUnavailable?: unknown;
}

/** intstr.GetScaledValueFromIntOrPercent: a number as is, "N%" of total rounded up or down. */
export function resolveIntOrPercent(value: unknown, total: number, roundUp: boolean): number {
  if (typeof value === 'number') return value;
  const m = typeof value === 'string' ? /^(\d+)%$/.exec(value) : null;
  if (!m) return 0;
  const exact = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(exact) : Math.floor(exact);
}

export function isRollingUpdate(dep: Deployment): boolean {
  const type = (dep.spec.strategy as { type?: string } | undefined)?.type ?? 'RollingUpdate';
  return type === 'RollingUpdate';
}

function rollingParams(dep: Deployment): RollingUpdate {
  return ((dep.spec.strategy as { rollingUpdate?: RollingUpdate } | undefined)?.rollingUpdate ?? {}) as RollingUpdate;
}

/** ResolveFenceposts: surge rounds up, unavailable down; both zero would deadlock, so unavailable is 1. */
export function resolveFenceposts(dep: Deployment): { surge: number; unavailable: number } {
  const desired = dep.spec.replicas ?? 1;
  const p = rollingParams(dep);
  const surge = resolveIntOrPercent(p.maxSurge ?? '25%', desired, true);
  let unavailable = resolveIntOrPercent(p.maxUnavailable ?? '25%', desired, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return { surge, unavailable };
}

export function maxSurge(dep: Deployment): number {
  return isRollingUpdate(dep) ? resolveFenceposts(dep).surge : 0;
}

export function maxUnavailable(dep: Deployment): number {
  const desired = dep.spec.replicas ?? 1;
  if (!isRollingUpdate(dep) || desired === 0) return 0;
  return Math.min(resolveFenceposts(dep).unavailable, desired);
}

export const specReplicas = (rs: ReplicaSet): number => rs.spec.replicas ?? 1;
export const statusOf = (rs: ReplicaSet, key: 'replicas' | 'readyReplicas' | 'availableReplicas'): number =>
  Number((rs.status as Record<string, unknown> | undefined)?.[key] ?? 0);
const sum = (list: ReplicaSet[], f: (rs: ReplicaSet) => number) => list.reduce((n, rs) => n + f(rs), 0);

/** NewRSNewReplicas: how far the new ReplicaSet may grow now (all of it for Recreate). */
export function newRSNewReplicas(dep: Deployment, allRSs: ReplicaSet[], newRS: ReplicaSet | undefined): number {
  const desired = dep.spec.replicas ?? 1;
  if (!isRollingUpdate(dep)) return desired;
  const current = newRS ? specReplicas(newRS) : 0;
  const podCount = sum(allRSs, specReplicas);
  const maxTotal = desired + maxSurge(dep);
  if (podCount >= maxTotal) return current;
  return current + Math.min(maxTotal - podCount, desired - current);
}

/** ReplicaSetsByCreationTimestamp: older first, then by name. */
export function byCreation(list: ReplicaSet[]): ReplicaSet[] {
  return [...list].sort((a, b) => {
    const ta = a.metadata.creationTimestamp ?? '';
    const tb = b.metadata.creationTimestamp ?? '';
    if (ta !== tb) return ta < tb ? -1 : 1;
    return a.metadata.name! < b.metadata.name! ? -1 : 1;
  });
}

/**
 * reconcileOldReplicaSets: the replica counts the old ReplicaSets are scaled down to now (name -> count),
 * first removing their unhealthy replicas, then as many available ones as minAvailable allows.
 */
export function oldReplicaSetScaleDowns(dep: Deployment, oldRSs: ReplicaSet[], newRS: ReplicaSet): Map<string, number> {
  const out = new Map<string, number>();
  const size = (rs: ReplicaSet) => out.get(rs.metadata.name!) ?? specReplicas(rs);
  const oldCount = sum(oldRSs, specReplicas);
  if (oldCount === 0) return out;
  const all = [...oldRSs, newRS];
  const minAvailable = (dep.spec.replicas ?? 1) - maxUnavailable(dep);
  const newUnavailable = specReplicas(newRS) - statusOf(newRS, 'availableReplicas');
  const maxScaledDown = sum(all, specReplicas) - minAvailable - newUnavailable;
  if (maxScaledDown <= 0) return out;
  // cleanupUnhealthyReplicas
  let cleaned = 0;
  for (const rs of byCreation(oldRSs)) {
    if (cleaned >= maxScaledDown) break;
    const replicas = specReplicas(rs);
    const available = statusOf(rs, 'availableReplicas');
    if (replicas === 0 || replicas === available) continue;
    const n = Math.min(maxScaledDown - cleaned, replicas - available);
    out.set(rs.metadata.name!, replicas - n);
    cleaned += n;
  }
  // scaleDownOldReplicaSetsForRollingUpdate (available counts are the ReplicaSets' status, unchanged)
  const availableCount = sum(all, (rs) => statusOf(rs, 'availableReplicas'));
  if (availableCount <= minAvailable) return out;
  const toScaleDown = availableCount - minAvailable;
  let scaled = 0;
  for (const rs of byCreation(oldRSs)) {
    if (scaled >= toScaleDown) break;
    const replicas = size(rs);
    if (replicas === 0) continue;
    const n = Math.min(replicas, toScaleDown - scaled);
    out.set(rs.metadata.name!, replicas - n);
    scaled += n;
  }
  return out;
}

export interface DeploymentCounts {
  replicas: number;
  updatedReplicas: number;
  readyReplicas: number;
  availableReplicas: number;
}

/** DeploymentComplete: every replica updated and available, no old replica left, generation observed. */
export function deploymentComplete(dep: Deployment, st: DeploymentCounts & { observedGeneration?: number }): boolean {
  const desired = dep.spec.replicas ?? 1;
  return (
    st.updatedReplicas === desired &&
    st.replicas === desired &&
    st.availableReplicas === desired &&
    (st.observedGeneration ?? 0) >= (dep.metadata.generation ?? 0)
  );
}

/** DeploymentProgressing: more updated, ready or available replicas, or fewer old ones, than before. */
export function deploymentProgressing(old: Partial<DeploymentCounts>, now: DeploymentCounts): boolean {
  const oldOld = (old.replicas ?? 0) - (old.updatedReplicas ?? 0);
  const newOld = now.replicas - now.updatedReplicas;
  return (
    now.updatedReplicas > (old.updatedReplicas ?? 0) ||
    newOld < oldOld ||
    now.readyReplicas > (old.readyReplicas ?? 0) ||
    now.availableReplicas > (old.availableReplicas ?? 0)
  );
}
