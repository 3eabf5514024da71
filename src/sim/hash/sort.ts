// The ≥1.35 orders of ports and subsets.
// - EndpointSlice ports: staging/src/k8s.io/endpointslice/util/controller_utils.go (portsInOrder):
//   ascending hex digest of FNV-128a(dump.ForHash(port)) on discovery/v1 EndpointPort values.
// - Endpoints: pkg/api/v1/endpoints/util.go (SortSubsets): addresses by IP bytes then targetRef UID,
//   ports and then subsets by the raw FNV-128a digest of their dump (bytes.Compare of equal-length
//   digests = comparing their lowercase hex, which is what we do).

import type { CoreEndpointPort, EndpointAddress, EndpointPort, EndpointSubset } from '../types';
import { fnv128aHex } from './fnv128a';
import { dumpCoreEndpointPort, dumpDiscoveryPort, dumpEndpointSubset } from './spew-dump';

// Ports repeat across thousands of pods: remember the digest of each dump text.
const digestCache = new Map<string, string>();
const CACHE_LIMIT = 20000;

/** FNV-128a hex digest of a dump text, memoised (pure: same text, same digest). */
export function hashDump(text: string): string {
  let d = digestCache.get(text);
  if (d === undefined) {
    if (digestCache.size >= CACHE_LIMIT) digestCache.clear();
    d = fnv128aHex(text);
    digestCache.set(text, d);
  }
  return d;
}

function sortByDigest<T>(items: readonly T[], dump: (item: T) => string): T[] {
  if (items.length < 2) return [...items];
  const keyed = items.map((item) => ({ item, key: hashDump(dump(item)) }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.map((k) => k.item);
}

// The same few port lists come back for every pod: remember the order (as a permutation) per list.
// Undefined fields get a code no string field can contain, so the key is unambiguous.
const orderCache = new Map<string, number[]>();
const field = (v: string | number | undefined) => (v === undefined ? '\u0000' : String(v));
const portListKey = (ports: readonly EndpointPort[]) =>
  ports.map((p) => `${field(p.name)}\u0001${field(p.protocol)}\u0001${field(p.port)}\u0001${field(p.appProtocol)}`).join('\u0002');

/** discovery/v1 ports in controller order (new array; the port objects are reused). */
export function sortDiscoveryPorts(ports: readonly EndpointPort[]): EndpointPort[] {
  if (ports.length < 2) return [...ports];
  const key = portListKey(ports);
  let order = orderCache.get(key);
  if (order === undefined) {
    const indexes = ports.map((_, i) => i);
    order = sortByDigest(indexes, (i) => dumpDiscoveryPort(ports[i]));
    if (orderCache.size >= CACHE_LIMIT) orderCache.clear();
    orderCache.set(key, order);
  }
  return order.map((i) => ports[i]);
}

/** core/v1 Endpoints ports in SortSubsets order (new array). */
export function sortCoreEndpointPorts(ports: readonly CoreEndpointPort[]): CoreEndpointPort[] {
  return sortByDigest(ports, dumpCoreEndpointPort);
}

/** LessEndpointAddress as a comparator: IP as a byte string, then targetRef UID (nil first). */
export function compareEndpointAddresses(a: EndpointAddress, b: EndpointAddress): number {
  if (a.ip !== b.ip) return a.ip < b.ip ? -1 : 1;
  if (!a.targetRef && !b.targetRef) return 0;
  if (!a.targetRef) return -1;
  if (!b.targetRef) return 1;
  const ua = a.targetRef.uid ?? '';
  const ub = b.targetRef.uid ?? '';
  return ua < ub ? -1 : ua > ub ? 1 : 0;
}

function sortAddresses(list: EndpointAddress[] | undefined): EndpointAddress[] | undefined {
  return list === undefined ? undefined : [...list].sort(compareEndpointAddresses);
}

/**
 * SortSubsets: sorts the addresses and ports inside each subset, then the subsets by the digest of
 * their dump. Returns new arrays and new subset objects. Empty lists are dropped: the subsets
 * Kubernetes sorts (fresh from RepackSubsets, or read back from storage) hold nil there, never an
 * empty list, and nil dumps differently from an empty list.
 */
export function sortEndpointSubsets(subsets: readonly EndpointSubset[]): EndpointSubset[] {
  const inner = subsets.map((s) => {
    const out: EndpointSubset = {};
    if (s.addresses?.length) out.addresses = sortAddresses(s.addresses);
    if (s.notReadyAddresses?.length) out.notReadyAddresses = sortAddresses(s.notReadyAddresses);
    if (s.ports?.length) out.ports = sortCoreEndpointPorts(s.ports);
    return out;
  });
  if (inner.length < 2) return inner;
  // subset dumps are unique per subset: no point caching them
  const keyed = inner.map((item) => ({ item, key: fnv128aHex(dumpEndpointSubset(item)) }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.map((k) => k.item);
}
