// Which pods a ReplicaSet scale-down deletes, as the ReplicaSet controller picks them.
// Upstream: pkg/controller/replicaset/replica_set.go getPodsToDelete and
// getPodsRankedByRelatedPodsOnSameNode; pkg/controller/controller_utils.go ActivePodsWithRanks.Less,
// podReadyTime, afterOrZero, logarithmicRankDiff, maxContainerRestarts. In 1.35 LogarithmicScaleDown is
// GA (locked on) and PodDeletionCost is beta (on), so both are always applied here.
// Pure: pods and a clock in, the pods to delete out.

import type { Pod } from '../types';
import { isPodReady, isPodTerminal } from '../podutil';

const POD_DELETION_COST = 'controller.kubernetes.io/pod-deletion-cost';

/** podPhaseToOrdinal: phases not in the map (Succeeded, Failed, none) read as 0, like a Go map miss. */
const PHASE_ORDINAL: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

/** controller.IsPodActive: not finished and not being deleted. */
function isActive(pod: Pod): boolean {
  return !isPodTerminal(pod) && !pod.metadata.deletionTimestamp;
}

/** Milliseconds since the epoch, or undefined for Go's zero time (absent or unparsable). */
function timeOf(t: string | undefined): number | undefined {
  if (!t) return undefined;
  const ms = Date.parse(t);
  return Number.isNaN(ms) ? undefined : ms;
}

/** podReadyTime: lastTransitionTime of a True Ready condition, zero time otherwise. */
function readyTime(pod: Pod): number | undefined {
  if (!isPodReady(pod)) return undefined;
  return timeOf(pod.status?.conditions?.find((c) => c.type === 'Ready' && c.status === 'True')?.lastTransitionTime);
}

/** maxContainerRestarts: the highest restartCount of the pod's (regular) containers. */
function maxRestarts(pod: Pod): number {
  const statuses = (pod.status as { containerStatuses?: { restartCount?: number }[] } | undefined)?.containerStatuses ?? [];
  return statuses.reduce((m, c) => Math.max(m, c.restartCount ?? 0), 0);
}

/** GetDeletionCostFromPodAnnotations: an int32, 0 when absent or not a valid int32 (strconv.ParseInt). */
export function deletionCost(pod: Pod): number {
  const v = pod.metadata.annotations?.[POD_DELETION_COST];
  if (v === undefined || !/^[+-]?\d+$/.test(v)) return 0;
  const n = Number(v);
  return n >= -2147483648 && n <= 2147483647 ? n : 0;
}

/** afterOrZero: is t1 after t2, a zero time counting as after any real one. */
function afterOrZero(t1: number | undefined, t2: number | undefined): boolean {
  if (t1 === undefined || t2 === undefined) return t1 === undefined;
  return t1 > t2;
}

/** logarithmicRankDiff: floor(log2(nanoseconds since)) of each time (-1 when not in the past), subtracted. */
export function logarithmicRankDiff(t1: number, t2: number, now: number): number {
  const rank = (t: number) => {
    const ns = (now - t) * 1e6;
    return ns > 0 ? Math.floor(Math.log2(ns)) : -1;
  };
  return rank(t1) - rank(t2);
}

/** Go's string comparison (byte order; the uids are ASCII). */
const uidLess = (a: Pod, b: Pod) => (a.metadata.uid ?? '') < (b.metadata.uid ?? '');

/** Ready time or creation time, compared in log2 buckets of their age; same bucket → lower uid first. */
function newerFirst(a: Pod, b: Pod, ta: number | undefined, tb: number | undefined, now: number | undefined): boolean {
  if (now === undefined || ta === undefined || tb === undefined) return afterOrZero(ta, tb);
  const diff = logarithmicRankDiff(ta, tb, now);
  return diff === 0 ? uidLess(a, b) : diff < 0;
}

/** ActivePodsWithRanks.Less: should pod a be deleted before pod b? */
export function deleteFirst(a: Pod, rankA: number, b: Pod, rankB: number, now: number | undefined): boolean {
  const na = a.spec.nodeName ?? '';
  const nb = b.spec.nodeName ?? '';
  // 1. unassigned < assigned
  if (na !== nb && (na === '' || nb === '')) return na === '';
  // 2. Pending < Unknown < Running
  const pa = PHASE_ORDINAL[a.status?.phase ?? ''] ?? 0;
  const pb = PHASE_ORDINAL[b.status?.phase ?? ''] ?? 0;
  if (pa !== pb) return pa < pb;
  // 3. not ready < ready
  const ra = isPodReady(a);
  const rb = isPodReady(b);
  if (ra !== rb) return !ra;
  // 4. lower pod-deletion-cost < higher
  const ca = deletionCost(a);
  const cb = deletionCost(b);
  if (ca !== cb) return ca < cb;
  // 5. more related pods on the same node first
  if (rankA !== rankB) return rankA > rankB;
  // 6. both ready: ready for a shorter time first (log buckets)
  if (ra && rb) {
    const ta = readyTime(a);
    const tb = readyTime(b);
    if (ta !== tb) return newerFirst(a, b, ta, tb, now);
  }
  // 7. more container restarts first
  const xa = maxRestarts(a);
  const xb = maxRestarts(b);
  if (xa !== xb) return xa > xb;
  // 8. newer creation first (log buckets), zero time first
  const ta = timeOf(a.metadata.creationTimestamp);
  const tb = timeOf(b.metadata.creationTimestamp);
  if (ta !== tb) return newerFirst(a, b, ta, tb, now);
  return false;
}

/**
 * getPodsToDelete: the `diff` pods of `filteredPods` (the ReplicaSet's active pods) to delete first.
 * `relatedPods` (the pods of every ReplicaSet with the same owner, getIndirectlyRelatedPods) give each
 * pod its rank: how many active related pods share its node.
 */
export function getPodsToDelete(filteredPods: readonly Pod[], relatedPods: readonly Pod[], diff: number, now: string): Pod[] {
  if (diff >= filteredPods.length) return filteredPods.slice(0, diff);
  const onNode = new Map<string, number>();
  for (const p of relatedPods) if (isActive(p)) onNode.set(p.spec.nodeName ?? '', (onNode.get(p.spec.nodeName ?? '') ?? 0) + 1);
  const nowMs = timeOf(now);
  const ranked = filteredPods.map((pod) => ({ pod, rank: onNode.get(pod.spec.nodeName ?? '') ?? 0 }));
  // Array.prototype.sort is stable; upstream's sort.Sort is not, but only fully tied pods could differ.
  ranked.sort((x, y) => (deleteFirst(x.pod, x.rank, y.pod, y.rank, nowMs) ? -1 : deleteFirst(y.pod, y.rank, x.pod, x.rank, nowMs) ? 1 : 0));
  return ranked.slice(0, diff).map((r) => r.pod);
}
