// A fast path for the most common sync: one pod of a big, settled Service changed in a way that keeps
// its endpoint where it is (same port set, same endpoint identity). Not an upstream file: it computes
// what Reconciler.reconcile (reconciler.go) returns in that case, without walking every pod.
//
// Why it is the same result (the criteria are reconcileByPortMapping's own):
// 1. `checkSettled` accepts a state only when the full reconcile would write nothing: the Service is
//    not being deleted and uses no hints (no topology annotation, no valid trafficDistribution, the
//    topology cache flag off), every existing slice passes the lister's filter, is owned by the
//    Service, has a supported address type, unchanged labels (setEndpointSliceLabels), no hints and
//    at least one endpoint; every address type has a slice; no pod is skipped for a missing Node
//    (that is a sync error); and the slices hold exactly the desired endpoints: the desired endpoint
//    of every pod has, in a slice of its address type and port set, an endpoint of the same identity
//    that is equal beyond the hash (what `take` + endpointsEqualBeyondHash decide), and the slices
//    hold no other endpoint. Then every slice is unchanged, the desired set ends empty (no creates),
//    nothing is deleted, no placeholder is needed, removeHintsFromSlices changes nothing, no event.
// 2. `onePodPlan` takes such a state and one changed pod that is still selected, still belongs in
//    endpoints, resolves the same ports, has its Node (or publishNotReadyAddresses) and whose endpoint
//    per address type keeps its identity (or is absent before and after). The other pods did not
//    change (the caller's promise), so the full reconcile finds every other endpoint unchanged and
//    only the slice holding this pod's endpoint can change: it is updated when the new endpoint
//    differs beyond the hash, with the desired endpoint of each of its pods in the slice's order (the
//    `newEndpoints` of step 1), the recomputed labels, the trigger-time annotation and the
//    hash-ordered ports, in address-type order — what finalize emits. The new state is settled again.
// Anything else returns undefined and the caller runs the full reconcile.

import type { AddressType, Endpoint, EndpointSlice, Node, Pod, Service } from '../types';
import { toStoredForm } from './apiForm';
import { CONTROLLER_NAME, LABEL_MANAGED_BY, LABEL_SERVICE_NAME } from './constants';
import { deepCopySlice, validTrafficDistribution } from './reconciler';
import {
  addTriggerTimeAnnotation,
  getAddressTypesForService,
  getEndpointPorts,
  hintsEnabled,
  ownedBy,
  podToEndpoint,
  setEndpointSliceLabels,
} from './utils';
import { endpointsEqualBeyondHash } from './util/controllerUtils';
import { sameEndpointIdentity } from './util/endpointSet';
import { PortMapKeyer } from './util/portMapKey';
import { findPort, selectPods, serviceWantsEndpoints, shouldPodBeInEndpoints } from '../podutil';
import type { SlicePlan } from './controller';

export interface SettledSlices {
  service: Service;
  nodes: ReadonlyMap<string, Node>;
  /** The existing slices, in the order given. */
  slices: EndpointSlice[];
  /** Port-set key of each slice. */
  sliceKeys: string[];
  /** pod name → where its endpoint of each address type sits. */
  where: Map<string, { addressType: AddressType; slice: number; index: number }[]>;
}

interface Input {
  service: Service;
  /** The pods the Service selects. */
  pods: readonly Pod[];
  nodes: ReadonlyMap<string, Node>;
  existingSlices: readonly EndpointSlice[];
  topologyHintsPopulated?: boolean;
}

const keyer = new PortMapKeyer();

/** The port-set key reconcileByAddressType groups this pod under (see Reconciler.portsOf). */
function podPortKey(service: Service, pod: Pod, bySignature: Map<string, string>): string {
  let signature = '';
  for (const sp of service.spec.ports ?? []) signature += `${findPort(pod, sp) ?? '-'},`;
  let key = bySignature.get(signature);
  if (key === undefined) bySignature.set(signature, (key = keyer.newPortMapKey(getEndpointPorts(service, pod)).key));
  return key;
}

/** The settled state of point 1 above, or undefined when the full reconcile might write something. */
export function checkSettled(input: Input): SettledSlices | undefined {
  const { service, nodes } = input;
  if (!serviceWantsEndpoints(service) || service.metadata.deletionTimestamp) return undefined;
  if (hintsEnabled(service.metadata.annotations) || validTrafficDistribution(service.spec.trafficDistribution)) return undefined;
  if (input.topologyHintsPopulated) return undefined;
  const addressTypes = getAddressTypesForService(service);
  const name = service.metadata.name ?? '';
  const slices = [...input.existingSlices];
  const sliceKeys: string[] = [];
  const byName = new Map<string, { slice: number; index: number }>();
  let endpointCount = 0;
  for (let si = 0; si < slices.length; si++) {
    const s = slices[si];
    const labels = s.metadata.labels;
    if (s.metadata.deletionTimestamp || labels?.[LABEL_SERVICE_NAME] !== name || labels?.[LABEL_MANAGED_BY] !== CONTROLLER_NAME) return undefined;
    if ((s.metadata.namespace ?? '') !== (service.metadata.namespace ?? '')) return undefined;
    if (!ownedBy(s, service) || !addressTypes.includes(s.addressType)) return undefined;
    if (setEndpointSliceLabels(s, service, CONTROLLER_NAME).changed) return undefined;
    const endpoints = s.endpoints ?? [];
    if (endpoints.length === 0) return undefined;
    sliceKeys.push(keyer.newPortMapKey(s.ports).key);
    for (let j = 0; j < endpoints.length; j++) {
      const ep = endpoints[j];
      if (ep.hints !== undefined) return undefined;
      byName.set(`${s.addressType}/${ep.targetRef?.name ?? ''}`, { slice: si, index: j });
      endpointCount++;
    }
  }
  for (const t of addressTypes) if (!slices.some((s) => s.addressType === t)) return undefined;
  const pnra = !!service.spec.publishNotReadyAddresses;
  const where = new Map<string, { addressType: AddressType; slice: number; index: number }[]>();
  const bySignature = new Map<string, string>();
  let desiredCount = 0;
  for (const pod of selectPods(service, input.pods)) {
    if (!shouldPodBeInEndpoints(pod, true)) continue;
    const node = nodes.get(pod.spec.nodeName ?? '');
    if (!node && !pnra) return undefined;
    const key = podPortKey(service, pod, bySignature);
    const locations: { addressType: AddressType; slice: number; index: number }[] = [];
    for (const t of addressTypes) {
      const endpoint = podToEndpoint(pod, node, service, t);
      if (endpoint.addresses.length === 0) continue;
      const at = byName.get(`${t}/${pod.metadata.name ?? ''}`);
      if (!at || sliceKeys[at.slice] !== key) return undefined;
      const existing = slices[at.slice].endpoints![at.index];
      if (!sameEndpointIdentity(endpoint, existing) || !endpointsEqualBeyondHash(endpoint, existing)) return undefined;
      locations.push({ addressType: t, ...at });
      desiredCount++;
    }
    where.set(pod.metadata.name ?? '', locations);
  }
  // Every desired endpoint found its own place (pod names are unique): equal counts leave no extra.
  if (desiredCount !== endpointCount) return undefined;
  return { service, nodes, slices, sliceKeys, where };
}

/**
 * The plan of the full reconcile for one changed pod (point 2 above), or undefined. On success
 * `state` describes the slices after the plan (the caller replaces the updated slices with the stored
 * objects through `replaceSlice`).
 */
export function onePodPlan(
  state: SettledSlices,
  input: {
    service: Service;
    nodes: ReadonlyMap<string, Node>;
    existingSlices: readonly EndpointSlice[];
    podName: string;
    /** The selected pods by name (undefined: not selected); only `podName` changed since `state`. */
    podByName(name: string): Pod | undefined;
    triggerTime?: string;
  },
): SlicePlan | undefined {
  const pod = input.podByName(input.podName);
  const { service } = input;
  if (input.service !== state.service || input.nodes !== state.nodes || !pod) return undefined;
  if (input.existingSlices.length !== state.slices.length) return undefined;
  for (let i = 0; i < state.slices.length; i++) if (input.existingSlices[i] !== state.slices[i]) return undefined;
  const before = state.where.get(input.podName);
  if (!before || before.length === 0) return undefined;
  if (selectPods(service, [pod]).length !== 1 || !shouldPodBeInEndpoints(pod, true)) return undefined;
  const node = state.nodes.get(pod.spec.nodeName ?? '');
  if (!node && !service.spec.publishNotReadyAddresses) return undefined;
  const key = podPortKey(service, pod, new Map());
  const changes: { slice: number; index: number; endpoint: Endpoint }[] = [];
  for (const t of getAddressTypesForService(service)) {
    const endpoint = podToEndpoint(pod, node, service, t);
    const old = before.find((b) => b.addressType === t);
    if (endpoint.addresses.length === 0) {
      if (old) return undefined;
      continue;
    }
    if (!old || state.sliceKeys[old.slice] !== key) return undefined;
    const oldEndpoint = state.slices[old.slice].endpoints![old.index];
    if (!sameEndpointIdentity(endpoint, oldEndpoint)) return undefined;
    if (!endpointsEqualBeyondHash(endpoint, oldEndpoint)) changes.push({ slice: old.slice, index: old.index, endpoint });
  }
  const update: EndpointSlice[] = [];
  for (const c of changes) {
    const existing = state.slices[c.slice];
    const copy = deepCopySlice(existing);
    // step 1's newEndpoints: the desired endpoint of each pod, in the slice's order
    const endpoints = copy.endpoints!;
    for (let j = 0; j < endpoints.length; j++) {
      if (j === c.index) {
        endpoints[j] = c.endpoint;
        continue;
      }
      const other = input.podByName(endpoints[j].targetRef?.name ?? '');
      if (!other) return undefined;
      endpoints[j] = podToEndpoint(other, state.nodes.get(other.spec.nodeName ?? ''), service, existing.addressType);
    }
    copy.metadata.labels = setEndpointSliceLabels(existing, service, CONTROLLER_NAME).labels;
    addTriggerTimeAnnotation(copy, input.triggerTime);
    update.push(toStoredForm(copy, keyer.newPortMapKey(copy.ports).ports));
  }
  return { create: [], update, delete: [], events: [], topologyHintsPopulated: false };
}
