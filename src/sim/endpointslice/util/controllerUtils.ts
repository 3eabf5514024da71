// Pod predicates and endpoint comparison used by the reconciler.
// Upstream: staging/src/k8s.io/endpointslice/util/controller_utils.go

import type { Endpoint, ObjectReference, Pod, Service } from '../../types';

/** isPodReady: the Pod's Ready condition has status "True"; nothing else counts. */
export function isPodReady(pod: Pod): boolean {
  const conditions = pod.status?.conditions;
  if (!conditions) return false;
  for (const c of conditions) {
    if (c.type === 'Ready') return c.status === 'True';
  }
  return false;
}

/** isPodTerminal: Succeeded or Failed. */
export function isPodTerminal(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase === 'Failed' || phase === 'Succeeded';
}

/**
 * shouldPodBeInEndpoints: not terminal, has podIP or podIPs, and (unless includeTerminating)
 * no deletionTimestamp. The EndpointSlice controller always passes includeTerminating=true.
 */
export function shouldPodBeInEndpoints(pod: Pod, includeTerminating: boolean): boolean {
  if (isPodTerminal(pod)) return false;
  const status = pod.status;
  if (!status?.podIP && !(status?.podIPs && status.podIPs.length > 0)) return false;
  if (!includeTerminating && pod.metadata.deletionTimestamp) return false;
  return true;
}

/** shouldSetHostname: non-empty hostname, subdomain equal to the Service name, same namespace. */
export function shouldSetHostname(pod: Pod, service: Service): boolean {
  return (
    !!pod.spec.hostname &&
    (pod.spec.subdomain ?? '') === service.metadata.name &&
    (service.metadata.namespace ?? '') === (pod.metadata.namespace ?? '')
  );
}

/** Go's ObjectReference equality with ResourceVersion ignored (semanticIgnoreResourceVersion). */
function targetRefsEqual(a: ObjectReference | undefined, b: ObjectReference | undefined): boolean {
  if (!a || !b) return a === b || (!a && !b);
  return (
    (a.kind ?? '') === (b.kind ?? '') &&
    (a.namespace ?? '') === (b.namespace ?? '') &&
    (a.name ?? '') === (b.name ?? '') &&
    (a.uid ?? '') === (b.uid ?? '') &&
    (a.apiVersion ?? '') === (b.apiVersion ?? '') &&
    (a.fieldPath ?? '') === (b.fieldPath ?? '')
  );
}

/**
 * endpointsEqualBeyondHash: compares what the identity hash (addresses, hostname, targetRef
 * namespace/name) does not cover: nodeName, zone, the three conditions (nil ≠ false), targetRef
 * (ignoring resourceVersion). Hints are deliberately NOT compared: the hint heuristics decide.
 */
export function endpointsEqualBeyondHash(a: Endpoint, b: Endpoint): boolean {
  if (a.nodeName !== b.nodeName) return false;
  if (a.zone !== b.zone) return false;
  const ca = a.conditions;
  const cb = b.conditions;
  if (ca?.ready !== cb?.ready) return false;
  if (ca?.serving !== cb?.serving) return false;
  if (ca?.terminating !== cb?.terminating) return false;
  return targetRefsEqual(a.targetRef, b.targetRef);
}
