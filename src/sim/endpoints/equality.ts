// endpointSubsetsEqualIgnoreResourceVersion: semantic deep equality of subsets, where nil and empty
// lists are equal and targetRef.resourceVersion is ignored (pod updates alone cause no write).
// Upstream: pkg/controller/endpoint/endpoints_controller.go.
//
// Compared field by field with an early exit (a 10,000-address Endpoints object is compared on every
// sync). The rules are those of comparing each subset's JSON form
//   [addresses, notReadyAddresses, ports]   with   address = [ip, hostname ?? '', nodeName ?? null, targetRef]
//   (targetRef: its own keys sorted, resourceVersion left out, null when absent)
//   port = [name ?? '', port, protocol ?? '', appProtocol ?? null]
// so: inside those arrays undefined and null are the same; a targetRef key that is undefined is
// omitted while null is written out; anything that is not a plain equal primitive is compared by its
// JSON text.

import type { CoreEndpointPort, EndpointAddress, EndpointSubset, ObjectReference } from '../types';

/** Equality of two values as array elements of JSON (undefined is written as null there). */
function sameElement(x: unknown, y: unknown): boolean {
  if (x === y) return true;
  return JSON.stringify(x ?? null) === JSON.stringify(y ?? null);
}

/** The targetRef JSON with sorted keys and no resourceVersion; null for a missing reference. */
function sameTargetRef(a: ObjectReference | undefined | null, b: ObjectReference | undefined | null): boolean {
  if (!a || !b) return !a && !b;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keysA = Object.keys(ra).filter((k) => k !== 'resourceVersion' && ra[k] !== undefined);
  const keysB = Object.keys(rb).filter((k) => k !== 'resourceVersion' && rb[k] !== undefined);
  if (keysA.length !== keysB.length) return false;
  for (const k of keysA) {
    const x = ra[k];
    const y = rb[k];
    if (x === y) continue;
    if (y === undefined) return false;
    // nested values are filtered by the same sorted key list the JSON form uses
    const sortedA = Object.keys(ra).sort();
    const sortedB = Object.keys(rb).sort();
    if (JSON.stringify(x, sortedA) !== JSON.stringify(y, sortedB)) return false;
  }
  return true;
}

function sameAddress(a: EndpointAddress, b: EndpointAddress): boolean {
  return (
    sameElement(a.ip, b.ip) &&
    sameElement(a.hostname ?? '', b.hostname ?? '') &&
    sameElement(a.nodeName, b.nodeName) &&
    sameTargetRef(a.targetRef, b.targetRef)
  );
}

function samePort(a: CoreEndpointPort, b: CoreEndpointPort): boolean {
  return (
    sameElement(a.name ?? '', b.name ?? '') &&
    sameElement(a.port, b.port) &&
    sameElement(a.protocol ?? '', b.protocol ?? '') &&
    sameElement(a.appProtocol, b.appProtocol)
  );
}

function sameList<T>(a: readonly T[] | undefined | null, b: readonly T[] | undefined | null, same: (x: T, y: T) => boolean): boolean {
  const x = a ?? [];
  const y = b ?? [];
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (!same(x[i], y[i])) return false;
  return true;
}

function sameSubset(a: EndpointSubset, b: EndpointSubset): boolean {
  return (
    sameList(a.addresses, b.addresses, sameAddress) &&
    sameList(a.notReadyAddresses, b.notReadyAddresses, sameAddress) &&
    sameList(a.ports, b.ports, samePort)
  );
}

export function subsetsEqualIgnoringResourceVersion(
  a: readonly EndpointSubset[] | undefined,
  b: readonly EndpointSubset[] | undefined,
): boolean {
  return sameList(a, b, sameSubset);
}
