// EndpointSlice mirroring of one Endpoints object, as a pure function returning a write plan.
// Upstream: pkg/controller/endpointslicemirroring/endpointslicemirroring_controller.go
// (syncEndpoints, shouldMirror), reconciler.go (reconcile, reconcileByPortMapping, totalChanges,
// finalize) and reconciler_helpers.go (recycleSlices).
// Strategy per (address type, port set): keep the first existing slice (rewritten in place only if
// its endpoints, labels or annotations differ), delete the other ones; a group without endpoints
// deletes its slices; creates are recycled into updates of slices about to be deleted.
// Endpoints inside a slice keep the repacked order (ready then not ready, by IP bytes); upstream pops
// them from a hash set, so their order there is random.

import type { Endpoint, EndpointSlice, Endpoints, Service } from '../types';
import { ANNOTATION_LEADER, DEFAULT_MAX_ENDPOINTS_PER_SUBSET, LABEL_SKIP_MIRROR } from './constants';
import { desiredGroups } from './desired';
import { endpointIdentity, endpointsEqualBeyondHash, portSetKey } from './keys';
import type { SlicePlan } from './plan';
import { mirroredAnnotations, mirroredLabels, newMirroredSlice } from './slice';

export interface ReconcileMirroringInput {
  /** The Service with the Endpoints' name, if it exists. */
  service: Service | undefined;
  /** The Endpoints object, if it exists. */
  endpoints: Endpoints | undefined;
  /** Slices labelled service-name=<name> and managed-by the mirroring controller, in list order. */
  existingSlices: EndpointSlice[];
  /** --mirroring-max-endpoints-per-subset (default 1000). */
  maxEndpointsPerSubset?: number;
}

/** shouldMirror plus the Service checks of syncEndpoints. */
export function shouldMirror(service: Service | undefined, endpoints: Endpoints | undefined): boolean {
  if (!endpoints || !service) return false;
  if (endpoints.metadata.labels?.[LABEL_SKIP_MIRROR] === 'true') return false;
  if (endpoints.metadata.annotations && ANNOTATION_LEADER in endpoints.metadata.annotations) return false;
  // an empty selector map does not survive storage: it is nil as well
  const sel = service.spec.selector;
  return !sel || Object.keys(sel).length === 0;
}

const sameMap = (a: Record<string, string> | undefined, b: Record<string, string> | undefined) => {
  const x = a ?? {};
  const y = b ?? {};
  const kx = Object.keys(x);
  return kx.length === Object.keys(y).length && kx.every((k) => k in y && y[k] === x[k]);
};

/** totalChanges(existing, desired) === 0 for added, updated and removed. */
function endpointsUnchanged(existing: EndpointSlice, desired: Map<string, Endpoint>): boolean {
  let matches = 0;
  for (const e of existing.endpoints ?? []) {
    const want = desired.get(endpointIdentity(e));
    if (!want || !endpointsEqualBeyondHash(want, e)) return false;
    matches++;
  }
  return matches === desired.size;
}

export function reconcileMirroring(input: ReconcileMirroringInput): SlicePlan {
  const { service, endpoints, existingSlices } = input;
  const plan: SlicePlan = { create: [], update: [], delete: [], events: [] };
  if (!endpoints || !shouldMirror(service, endpoints)) {
    plan.delete = [...existingSlices];
    return plan;
  }
  const max = input.maxEndpointsPerSubset ?? DEFAULT_MAX_ENDPOINTS_PER_SUBSET;
  const { groups, events } = desiredGroups(endpoints, max);
  plan.events = events;

  const existingByKey = new Map<string, EndpointSlice[]>();
  for (const s of existingSlices) {
    const key = `${s.addressType}-${portSetKey(s.ports)}`;
    existingByKey.set(key, [...(existingByKey.get(key) ?? []), s]);
  }

  for (const [key, group] of groups) {
    const existing = existingByKey.get(key) ?? [];
    if (group.endpoints.size === 0) {
      plan.delete.push(...existing);
      continue;
    }
    const first = existing[0];
    if (first) {
      plan.delete.push(...existing.slice(1));
      // labels and annotations as they would be written now (LabelsAnnotationsFromEndpoints)
      const labelsSame = sameMap(mirroredLabels(endpoints), first.metadata.labels);
      const annotationsSame = sameMap(mirroredAnnotations(endpoints), first.metadata.annotations);
      if (endpointsUnchanged(first, group.endpoints) && labelsSame && annotationsSame) {
        continue;
      }
    }
    const list = [...group.endpoints.values()].slice(0, max);
    const slice = newMirroredSlice(endpoints, group.ports, group.addressType, list, first);
    (first ? plan.update : plan.create).push(slice);
  }

  // port sets (or address types) no longer present
  for (const [key, slices] of existingByKey) if (!groups.has(key)) plan.delete.push(...slices);

  recycle(plan, endpoints);
  // no new slices for an Endpoints object that is being deleted
  if (endpoints.metadata.deletionTimestamp) plan.create = [];
  return plan;
}

/** recycleSlices: a create paired with a delete of the same address type becomes an update of that slice. */
function recycle(plan: SlicePlan, endpoints: Endpoints): void {
  for (const addressType of ['IPv4', 'IPv6', 'FQDN'] as const) {
    const creates = plan.create.filter((s) => s.addressType === addressType);
    const deletes = plan.delete.filter((s) => s.addressType === addressType);
    for (let i = 0; i < creates.length && i < deletes.length; i++) {
      plan.create = plan.create.filter((s) => s !== creates[i]);
      plan.delete = plan.delete.filter((s) => s !== deletes[i]);
      // same content, under the name (and identity) of the slice that was going away
      plan.update.push(newMirroredSlice(endpoints, creates[i].ports ?? [], addressType, creates[i].endpoints ?? [], deletes[i]));
    }
  }
}
