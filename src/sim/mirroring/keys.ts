// Identity keys the mirroring reconciler groups and compares by. Upstream:
// pkg/controller/endpointslicemirroring/utils.go (newAddrTypePortMapKey: address type + hash of the
// sorted ports) and staging/src/k8s.io/endpointslice/util/endpointset.go (an endpoint is identified
// by its sorted addresses, hostname and targetRef namespace/name; EndpointsEqualBeyondHash compares
// the rest: nodeName, zone, conditions, targetRef without resourceVersion).

import type { Endpoint, EndpointPort } from '../types';

/** Order-insensitive key of a port set (undefined name counts as "", as written by this controller). */
export function portSetKey(ports: readonly EndpointPort[] | null | undefined): string {
  return JSON.stringify(
    (ports ?? [])
      .map((p) => [p.name ?? '', p.protocol ?? null, p.port ?? null, p.appProtocol ?? null])
      .map((t) => JSON.stringify(t))
      .sort(),
  );
}

export function endpointIdentity(e: Endpoint): string {
  return JSON.stringify([[...e.addresses].sort(), e.hostname ?? '', e.targetRef?.namespace ?? '', e.targetRef?.name ?? '']);
}

function refWithoutVersion(e: Endpoint): string | null {
  if (!e.targetRef) return null;
  const { resourceVersion: _ignored, ...rest } = e.targetRef;
  return JSON.stringify(Object.keys(rest).sort().map((k) => [k, (rest as Record<string, unknown>)[k]]));
}

/** EndpointsEqualBeyondHash. */
export function endpointsEqualBeyondHash(a: Endpoint, b: Endpoint): boolean {
  return (
    (a.nodeName ?? null) === (b.nodeName ?? null) &&
    (a.zone ?? null) === (b.zone ?? null) &&
    (a.conditions?.ready ?? null) === (b.conditions?.ready ?? null) &&
    (a.conditions?.serving ?? null) === (b.conditions?.serving ?? null) &&
    (a.conditions?.terminating ?? null) === (b.conditions?.terminating ?? null) &&
    refWithoutVersion(a) === refWithoutVersion(b)
  );
}
