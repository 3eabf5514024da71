// The text Kubernetes hashes to order ports and subsets: k8s.io/utils/dump.ForHash, i.e. go-spew
// (davecgh/go-spew spew/format.go) `Sprintf("%#v", value)` with the "for hash" config (Indent " ",
// SortKeys, DisableMethods, SpewKeys, DisablePointerAddresses, DisableCapacities).
// With %#v go-spew prints a type in parentheses before every value except slice/array elements
// and values reached through a pointer (those print bare), strings raw (no quotes, no length),
// non-nil pointers as `(*T)value`, nil pointers as `(*T)<nil>`, nil slices as `([]T)<nil>`.
// Indent and the other flags only affect Sdump, not this format. Only the few structs the
// endpoint controllers hash are reproduced here, with their Go field order.

import type { CoreEndpointPort, EndpointAddress, EndpointPort, EndpointSubset, ObjectReference } from '../types';

const str = (v: string | undefined) => `(string)${v ?? ''}`;
const strPtr = (v: string | undefined) => `(*string)${v === undefined ? '<nil>' : v}`;

function slice<T>(goType: string, items: T[] | undefined | null, element: (item: T) => string): string {
  if (items === undefined || items === null) return `(${goType})<nil>`;
  return `(${goType})[${items.map(element).join(' ')}]`;
}

/** discovery/v1 EndpointPort (every field a pointer): `(v1.EndpointPort){Name:(*string)http ...}`. */
export function dumpDiscoveryPort(p: EndpointPort): string {
  return (
    `(v1.EndpointPort){Name:${strPtr(p.name)}` +
    ` Protocol:(*v1.Protocol)${p.protocol === undefined ? '<nil>' : p.protocol}` +
    ` Port:(*int32)${p.port === undefined ? '<nil>' : String(p.port)}` +
    ` AppProtocol:${strPtr(p.appProtocol)}}`
  );
}

// core/v1 EndpointPort fields, without the leading type (slice elements print none)
function coreEndpointPortFields(p: CoreEndpointPort): string {
  return (
    `{Name:${str(p.name)} Port:(int32)${p.port}` +
    ` Protocol:(v1.Protocol)${p.protocol ?? ''} AppProtocol:${strPtr(p.appProtocol)}}`
  );
}

/** core/v1 EndpointPort: `(v1.EndpointPort){Name:(string)http Port:(int32)80 Protocol:(v1.Protocol)TCP AppProtocol:(*string)<nil>}`. */
export function dumpCoreEndpointPort(p: CoreEndpointPort): string {
  return `(v1.EndpointPort)${coreEndpointPortFields(p)}`;
}

function objectReferenceFields(r: ObjectReference): string {
  return (
    `{Kind:${str(r.kind)} Namespace:${str(r.namespace)} Name:${str(r.name)}` +
    ` UID:(types.UID)${r.uid ?? ''} APIVersion:${str(r.apiVersion)}` +
    ` ResourceVersion:${str(r.resourceVersion)} FieldPath:${str(r.fieldPath)}}`
  );
}

function endpointAddressFields(a: EndpointAddress): string {
  const ref = a.targetRef === undefined ? '(*v1.ObjectReference)<nil>' : `(*v1.ObjectReference)${objectReferenceFields(a.targetRef)}`;
  return `{IP:${str(a.ip)} Hostname:${str(a.hostname)} NodeName:${strPtr(a.nodeName)} TargetRef:${ref}}`;
}

/** core/v1 EndpointAddress as a top-level value. */
export function dumpEndpointAddress(a: EndpointAddress): string {
  return `(v1.EndpointAddress)${endpointAddressFields(a)}`;
}

/** core/v1 EndpointSubset; `undefined` lists are Go nil slices, `[]` are empty non-nil slices. */
export function dumpEndpointSubset(s: EndpointSubset): string {
  return (
    `(v1.EndpointSubset){Addresses:${slice('[]v1.EndpointAddress', s.addresses, endpointAddressFields)}` +
    ` NotReadyAddresses:${slice('[]v1.EndpointAddress', s.notReadyAddresses, endpointAddressFields)}` +
    ` Ports:${slice('[]v1.EndpointPort', s.ports, coreEndpointPortFields)}}`
  );
}
