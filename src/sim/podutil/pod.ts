// Pod state, with upstream's names and meanings.
// Upstream: pkg/api/v1/pod/util.go (GetPodCondition, GetPodConditionFromList, GetPodReadyCondition,
// IsPodReadyConditionTrue, IsPodReady, IsPodPhaseTerminal, IsPodTerminal), pkg/controller/controller_utils.go
// (IsPodActive), staging/src/k8s.io/endpointslice/util/controller_utils.go (ShouldPodBeInEndpoints,
// ShouldSetHostname), k8s.io/kubectl printers.go (hasPodReadyCondition).
import type { IPFamily, Pod, PodCondition, PodStatus, Service } from '../types';
import { ipFamily } from '../net/ip';

/** The index of the first condition of that type, -1 if none (no allocation: IsPodReady runs per pod per sync). */
function firstConditionIndex(conditions: readonly PodCondition[] | null | undefined, type: string): number {
  if (!conditions) return -1;
  for (let i = 0; i < conditions.length; i++) if (conditions[i].type === type) return i;
  return -1;
}

/** GetPodConditionFromList: the FIRST condition of that type and its index, or -1 and undefined. */
export function getPodConditionFromList(conditions: readonly PodCondition[] | null | undefined, type: string): { index: number; condition: PodCondition | undefined } {
  const index = firstConditionIndex(conditions, type);
  return { index, condition: index < 0 ? undefined : conditions![index] };
}

/** GetPodCondition: GetPodConditionFromList of the status's conditions (none for no status). */
export function getPodCondition(status: PodStatus | null | undefined, type: string): { index: number; condition: PodCondition | undefined } {
  return getPodConditionFromList(status?.conditions, type);
}

/** GetPodReadyCondition: the first `Ready` condition. */
export function getPodReadyCondition(status: PodStatus | null | undefined): PodCondition | undefined {
  const conditions = status?.conditions;
  const i = firstConditionIndex(conditions, 'Ready');
  return i < 0 ? undefined : conditions![i];
}

/** IsPodReadyConditionTrue: the first `Ready` condition has status "True" (a later one is not looked at). */
export function isPodReadyConditionTrue(status: PodStatus | null | undefined): boolean {
  return getPodReadyCondition(status)?.status === 'True';
}

/** IsPodReady: nothing else is consulted (not the phase, not the containers). */
export function isPodReady(pod: Pod): boolean {
  return isPodReadyConditionTrue(pod.status);
}

/** IsPodPhaseTerminal: Succeeded or Failed. */
export function isPodPhaseTerminal(phase: string | undefined): boolean {
  return phase === 'Succeeded' || phase === 'Failed';
}

/** IsPodTerminal: the phase is terminal; all containers are stopped and cannot come back (not the same as terminating). */
export function isPodTerminal(pod: Pod): boolean {
  return isPodPhaseTerminal(pod.status?.phase);
}

/** Terminating = metadata.deletionTimestamp is set (`pod.DeletionTimestamp != nil`). */
export function isPodTerminating(pod: Pod): boolean {
  return pod.metadata.deletionTimestamp !== undefined && pod.metadata.deletionTimestamp !== null;
}

/** controller.IsPodActive: neither terminal nor being deleted; what a ReplicaSet counts towards its replicas. */
export function isPodActive(pod: Pod): boolean {
  return !isPodTerminal(pod) && !isPodTerminating(pod);
}

/**
 * kubectl's hasPodReadyCondition (printers.go): ANY `Ready` condition with status "True". The pod
 * printer uses this, not IsPodReady, to choose between Running and NotReady.
 */
export function hasPodReadyCondition(conditions: readonly PodCondition[] | null | undefined): boolean {
  return (conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
}

/**
 * ShouldPodBeInEndpoints: not terminal, has an IP (podIP or podIPs), and not terminating unless
 * `includeTerminating` (the Endpoints controller passes publishNotReadyAddresses; the
 * EndpointSlice controller passes true).
 */
export function shouldPodBeInEndpoints(pod: Pod, includeTerminating: boolean): boolean {
  if (isPodTerminal(pod)) return false;
  const hasIP = !!pod.status?.podIP || (pod.status?.podIPs?.length ?? 0) > 0;
  if (!hasIP) return false;
  if (!includeTerminating && isPodTerminating(pod)) return false;
  return true;
}

/** ShouldSetHostname: hostname set, subdomain equals the Service name, same namespace. */
export function shouldSetHostname(pod: Pod, service: Service): boolean {
  return (
    !!pod.spec.hostname &&
    pod.spec.subdomain === service.metadata.name &&
    (service.metadata.namespace ?? 'default') === (pod.metadata.namespace ?? 'default')
  );
}

/** The pod's `status.podIPs` of one family, as written (first one first). */
export function podIPsOfFamily(pod: Pod, family: IPFamily): string[] {
  return (pod.status?.podIPs ?? []).map((p) => p.ip).filter((ip) => ipFamily(ip) === family);
}
