// Pod predicates shared by the Endpoints and EndpointSlice controllers.
// Upstream: staging/src/k8s.io/endpointslice/util/controller_utils.go (ShouldPodBeInEndpoints,
// ShouldSetHostname, IsPodReady, isPodTerminal — copies of pkg/api/v1/pod helpers).

import type { IPFamily, Pod, Service } from '../types';
import { ipFamily } from '../net/ip';

/** Ready = the pod condition `Ready` has status "True"; nothing else is consulted. */
export function isPodReady(pod: Pod): boolean {
  const c = pod.status?.conditions?.find((x) => x.type === 'Ready');
  return c?.status === 'True';
}

/** Terminal = phase Succeeded or Failed (not the same as terminating). */
export function isPodTerminal(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase === 'Succeeded' || phase === 'Failed';
}

/** Terminating = metadata.deletionTimestamp is set. */
export function isPodTerminating(pod: Pod): boolean {
  return pod.metadata.deletionTimestamp !== undefined && pod.metadata.deletionTimestamp !== null;
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
