// Pod predicates and endpoint comparison used by the reconciler.
// Upstream: staging/src/k8s.io/endpointslice/util/controller_utils.go

import type { Endpoint, ObjectReference } from '../../types';

// ShouldPodBeInEndpoints, ShouldSetHostname, IsPodReady and isPodTerminal are shared with the
// Endpoints controller and live in src/sim/podutil.
export { isPodReady, isPodTerminal, shouldPodBeInEndpoints, shouldSetHostname } from '../../podutil';

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
  if (a === b) return true;
  if (a.nodeName !== b.nodeName) return false;
  if (a.zone !== b.zone) return false;
  const ca = a.conditions;
  const cb = b.conditions;
  if (ca?.ready !== cb?.ready) return false;
  if (ca?.serving !== cb?.serving) return false;
  if (ca?.terminating !== cb?.terminating) return false;
  return targetRefsEqual(a.targetRef, b.targetRef);
}
