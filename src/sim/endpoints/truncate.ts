// Truncation to MAX_CAPACITY addresses. Upstream: pkg/controller/endpoint/endpoints_controller.go
// (truncateEndpoints, addressSubset, capacityAnnotationSetCorrectly). Ready addresses are kept first;
// each subset keeps a share proportional to its size, rounded up, so the last subsets may get less.
// Kept addresses are the first ones of the (sorted) lists.

import type { EndpointSubset } from '../types';
import { MAX_CAPACITY } from './constants';

const count = (subsets: readonly EndpointSubset[], field: 'addresses' | 'notReadyAddresses') =>
  subsets.reduce((n, s) => n + (s[field]?.length ?? 0), 0);

/** Returns the truncated subsets (new objects) and whether anything had to be dropped. */
export function truncateSubsets(subsets: readonly EndpointSubset[]): { subsets: EndpointSubset[]; truncated: boolean } {
  const totalReady = count(subsets, 'addresses');
  const totalNotReady = count(subsets, 'notReadyAddresses');
  if (totalReady + totalNotReady <= MAX_CAPACITY) return { subsets: [...subsets], truncated: false };

  const truncateReady = totalReady > MAX_CAPACITY;
  const max = truncateReady ? MAX_CAPACITY : MAX_CAPACITY - totalReady;
  const numTotal = truncateReady ? totalReady : totalNotReady;
  let canBeAdded = max;

  const out = subsets.map((s) => {
    const numInSubset = (truncateReady ? s.addresses?.length : s.notReadyAddresses?.length) ?? 0;
    const toBeAdded = Math.min(Math.ceil((numInSubset / numTotal) * max), canBeAdded);
    const next: EndpointSubset = {};
    if (truncateReady) {
      const kept = (s.addresses ?? []).slice(0, toBeAdded);
      if (kept.length > 0) next.addresses = kept;
      // all not-ready addresses go (Go sets an empty list, which the API omits)
      canBeAdded -= kept.length;
    } else {
      if (s.addresses && s.addresses.length > 0) next.addresses = s.addresses;
      const kept = (s.notReadyAddresses ?? []).slice(0, toBeAdded);
      if (kept.length > 0) next.notReadyAddresses = kept;
      canBeAdded -= kept.length;
    }
    if (s.ports !== undefined) next.ports = s.ports;
    return next;
  });
  return { subsets: out, truncated: true };
}

/** capacityAnnotationSetCorrectly: false when over capacity, else true iff the annotation is absent. */
export function capacityAnnotationSetCorrectly(
  annotations: Record<string, string> | undefined,
  subsets: readonly EndpointSubset[] | undefined,
  annotationKey: string,
): boolean {
  const n = count(subsets ?? [], 'addresses') + count(subsets ?? [], 'notReadyAddresses');
  if (n > MAX_CAPACITY) return false;
  return !(annotations && annotationKey in annotations);
}
