// Hint bookkeeping helpers of topology-aware hints.
// Upstream: staging/src/k8s.io/endpointslice/topologycache/utils.go
//
// Go iterates zone maps in random order; here zones are visited in sorted order so that the same
// input always gives the same hints.

import type { Endpoint, EndpointSlice, Node } from '../../types';
import type { SliceInfo } from './sliceInfo';

export interface Allocation {
  minimum: number;
  maximum: number;
  desired: number;
}

/** EndpointReady: the ready condition is set and true. */
export function endpointReady(endpoint: Endpoint): boolean {
  return endpoint.conditions?.ready === true;
}

export function numReadyEndpoints(endpoints: readonly Endpoint[] | null): number {
  let total = 0;
  for (const ep of endpoints ?? []) if (endpointReady(ep)) total++;
  return total;
}

/** isNodeReady: the node's Ready condition is "True". */
export function isNodeReady(node: Node): boolean {
  for (const c of node.status?.conditions ?? []) {
    if (c.type === 'Ready') return c.status === 'True';
  }
  return false;
}

/** The endpoint with hints removed (a new object: endpoints of input slices are never mutated). */
export function withoutHints(endpoint: Endpoint): Endpoint {
  if (endpoint.hints === undefined) return endpoint;
  const { hints: _dropped, ...rest } = endpoint;
  return rest;
}

/**
 * RemoveHintsFromSlices: clear hints on slices being created/updated; unchanged slices that carry
 * hints are copied, cleared and moved to the updates.
 */
export function removeHintsFromSlices(si: SliceInfo): { toCreate: EndpointSlice[]; toUpdate: EndpointSlice[] } {
  for (const slice of [...si.toCreate, ...si.toUpdate]) {
    const endpoints = slice.endpoints ?? [];
    for (let i = 0; i < endpoints.length; i++) endpoints[i] = withoutHints(endpoints[i]);
  }
  const stillUnchanged: EndpointSlice[] = [];
  for (const slice of si.unchanged) {
    if ((slice.endpoints ?? []).some((ep) => ep.hints !== undefined)) {
      const copy = si.deepCopy(slice);
      copy.endpoints = (copy.endpoints ?? []).map(withoutHints);
      si.toUpdate.push(copy);
    } else {
      stillUnchanged.push(slice);
    }
  }
  si.unchanged = stillUnchanged;
  return { toCreate: si.toCreate, toUpdate: si.toUpdate };
}

/**
 * redistributeHints: re-point hints of ready endpoints from giving zones to receiving zones.
 * Returns the change of allocated hints per zone.
 */
export function redistributeHints(
  slices: readonly EndpointSlice[],
  givingZones: Map<string, number>,
  receivingZones: Map<string, number>,
): Map<string, number> {
  const redistributions = new Map<string, number>();
  for (const slice of slices) {
    const endpoints = slice.endpoints ?? [];
    for (let i = 0; i < endpoints.length; i++) {
      const endpoint = endpoints[i];
      // Upstream clears hints on a loop copy here, which changes nothing.
      if (!endpointReady(endpoint)) continue;
      if (givingZones.size === 0 || receivingZones.size === 0) return redistributions;
      if (!endpoint.zone) continue;
      const givingZone = endpoint.zone;
      const numToGive = givingZones.get(givingZone);
      if (numToGive === undefined || numToGive <= 0) continue;
      for (const receivingZone of [...receivingZones.keys()].sort()) {
        const numToReceive = receivingZones.get(receivingZone) ?? 0;
        if (numToReceive <= 0) continue;
        endpoints[i] = { ...endpoint, hints: { forZones: [{ name: receivingZone }] } };
        if (numToGive === 1) givingZones.delete(givingZone);
        else givingZones.set(givingZone, numToGive - 1);
        if (numToReceive === 1) receivingZones.delete(receivingZone);
        else receivingZones.set(receivingZone, numToReceive - 1);
        redistributions.set(receivingZone, (redistributions.get(receivingZone) ?? 0) + 1);
        redistributions.set(givingZone, (redistributions.get(givingZone) ?? 0) - 1);
        break;
      }
    }
  }
  return redistributions;
}

/**
 * getGivingAndReceivingZones: how many endpoints each zone should give away or receive to move
 * from the current hint counts to the desired allocation (whole endpoints only).
 */
export function getGivingAndReceivingZones(
  allocations: Map<string, Allocation>,
  allocatedHintsByZone: Map<string, number>,
): { givingZones: Map<string, number>; receivingZones: Map<string, number> } {
  const givingDesired = new Map<string, number>();
  const receivingDesired = new Map<string, number>();
  for (const zone of [...allocations.keys()].sort()) {
    const allocated = allocatedHintsByZone.get(zone) ?? 0;
    const target = allocations.get(zone)!.desired;
    if (allocated > target) givingDesired.set(zone, allocated - target);
    else if (allocated < target) receivingDesired.set(zone, target - allocated);
  }
  const givingZones = new Map<string, number>();
  const receivingZones = new Map<string, number>();
  for (;;) {
    const [givingZone, numToGive] = getMost(givingDesired);
    const [receivingZone, numToReceive] = getMost(receivingDesired);
    if (
      givingZone === '' ||
      receivingZone === '' ||
      (numToGive < 1.0 && numToReceive < 1.0) ||
      numToGive < 0.5 ||
      numToReceive < 0.5
    ) {
      break;
    }
    givingZones.set(givingZone, (givingZones.get(givingZone) ?? 0) + 1);
    givingDesired.set(givingZone, numToGive - 1);
    receivingZones.set(receivingZone, (receivingZones.get(receivingZone) ?? 0) + 1);
    receivingDesired.set(receivingZone, numToReceive - 1);
  }
  return { givingZones, receivingZones };
}

/** getMost: the zone with the greatest positive value (first in sorted order on a tie). */
export function getMost(zones: Map<string, number>): [string, number] {
  let zone = '';
  let num = 0.0;
  for (const z of [...zones.keys()].sort()) {
    const n = zones.get(z)!;
    if (n > num) {
      zone = z;
      num = n;
    }
  }
  return [zone, num];
}

/**
 * getHintsByZone: hints per zone of a slice kept unchanged, or null when the slice must be
 * rewritten (a ready endpoint without hints, a hint for an unknown zone, or a zone pushed over its
 * maximum).
 */
export function getHintsByZone(
  slice: EndpointSlice,
  allocatedHintsByZone: Map<string, number>,
  allocations: Map<string, Allocation>,
): Map<string, number> | null {
  const hintsByZone = new Map<string, number>();
  for (const endpoint of slice.endpoints ?? []) {
    if (!endpointReady(endpoint)) continue;
    const forZones = endpoint.hints?.forZones;
    if (!forZones || forZones.length === 0) return null;
    for (const hint of forZones) {
      if (!allocations.has(hint.name)) return null;
      hintsByZone.set(hint.name, (hintsByZone.get(hint.name) ?? 0) + 1);
    }
  }
  for (const [zone, numHints] of hintsByZone) {
    const alreadyAllocated = allocatedHintsByZone.get(zone) ?? 0;
    const allocation = allocations.get(zone);
    if (!allocation || numHints + alreadyAllocated > allocation.maximum) return null;
  }
  return hintsByZone;
}
