// endpointSubsetsEqualIgnoreResourceVersion: semantic deep equality of subsets, where nil and empty
// lists are equal and targetRef.resourceVersion is ignored (pod updates alone cause no write).
// Upstream: pkg/controller/endpoint/endpoints_controller.go.

import type { EndpointAddress, EndpointSubset } from '../types';

function normAddress(a: EndpointAddress): unknown {
  const ref = a.targetRef ? { ...a.targetRef, resourceVersion: undefined } : undefined;
  return [a.ip, a.hostname ?? '', a.nodeName ?? null, ref ? JSON.stringify(ref, Object.keys(ref).sort()) : null];
}

function normSubset(s: EndpointSubset): string {
  return JSON.stringify([
    (s.addresses ?? []).map(normAddress),
    (s.notReadyAddresses ?? []).map(normAddress),
    (s.ports ?? []).map((p) => [p.name ?? '', p.port, p.protocol ?? '', p.appProtocol ?? null]),
  ]);
}

export function subsetsEqualIgnoringResourceVersion(
  a: readonly EndpointSubset[] | undefined,
  b: readonly EndpointSubset[] | undefined,
): boolean {
  const x = a ?? [];
  const y = b ?? [];
  return x.length === y.length && x.every((s, i) => normSubset(s) === normSubset(y[i]));
}
