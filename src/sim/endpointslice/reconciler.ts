// The EndpointSlice reconciler: desired endpoints per address type and port set, compared with the
// existing slices to produce the fewest creates/updates/deletes, then hints and finalize.
// Upstream: staging/src/k8s.io/endpointslice/reconciler.go
//
// Determinism: upstream iterates Go maps (address types, port groups, slice-name sets, the desired
// endpoint set) in random order. Here address types follow spec.ipFamilies, port groups the order
// in which pods first produce them, slices the order of `existingSlices`, and endpoints the order
// of `pods`.

import type { AddressType, Endpoint, EndpointSlice, Node, Pod, Service } from '../types';
import { toStoredForm } from './apiForm';
import { CONTROLLER_NAME } from './constants';
import { SliceInfo } from './topologycache/sliceInfo';
import { TopologyCache } from './topologycache/topologyCache';
import { formatWithAddressType, TopologyAwareHintsDisabled, type EventBuilder } from './topologycache/events';
import { removeHintsFromSlices } from './topologycache/utils';
import { reconcileHints } from './trafficdist/trafficDist';
import { endpointsEqualBeyondHash, shouldPodBeInEndpoints } from './util/controllerUtils';
import { EndpointSet } from './util/endpointSet';
import { PortMapKeyer, type SortedPorts } from './util/portMapKey';
import {
  addTriggerTimeAnnotation,
  findPort,
  getAddressTypesForService,
  getEndpointPorts,
  getSliceToFill,
  hintsEnabled,
  newEndpointSlice,
  ownedBy,
  podToEndpoint,
  setEndpointSliceLabels,
  unchangedSlices,
  type EndpointMeta,
} from './utils';

export interface ReconcileResult {
  create: EndpointSlice[];
  update: EndpointSlice[];
  delete: EndpointSlice[];
  events: EventBuilder[];
  /** Errors the sync returns (upstream requeues the Service and records a Warning event). */
  errors: string[];
  /** The topology cache's "hints populated" flag for this Service after the sync. */
  topologyHintsPopulated: boolean;
}

export interface ReconcilerOptions {
  service: Service;
  nodes: ReadonlyMap<string, Node>;
  maxEndpointsPerSlice: number;
  triggerTime?: string;
  topologyHintsPopulated: boolean;
  controllerName?: string;
}

/** validTrafficDistribution: PreferClose, and (PreferSameTrafficDistribution on) PreferSameZone/Node. */
export function validTrafficDistribution(trafficDistribution: string | undefined): boolean {
  return (
    trafficDistribution === 'PreferClose' ||
    trafficDistribution === 'PreferSameZone' ||
    trafficDistribution === 'PreferSameNode'
  );
}

export class Reconciler {
  private readonly service: Service;
  private readonly nodes: ReadonlyMap<string, Node>;
  private readonly maxEndpointsPerSlice: number;
  private readonly triggerTime: string | undefined;
  private readonly controllerName: string;
  private readonly keyer = new PortMapKeyer();
  private readonly topologyCache: TopologyCache;
  private readonly out: ReconcileResult;

  constructor(opts: ReconcilerOptions) {
    this.service = opts.service;
    this.nodes = opts.nodes;
    // kube-controller-manager only accepts 1..1000; a 0 here would never fill a slice.
    this.maxEndpointsPerSlice = Math.min(1000, Math.max(1, Math.floor(opts.maxEndpointsPerSlice) || 1));
    this.triggerTime = opts.triggerTime;
    this.controllerName = opts.controllerName ?? CONTROLLER_NAME;
    this.topologyCache = new TopologyCache(opts.nodes.values(), opts.topologyHintsPopulated);
    this.out = { create: [], update: [], delete: [], events: [], errors: [], topologyHintsPopulated: false };
  }

  /** Reconcile: one reconcileByAddressType per supported family; slices of other families go. */
  reconcile(pods: readonly Pod[], existingSlices: readonly EndpointSlice[]): ReconcileResult {
    const addressTypes = getAddressTypesForService(this.service);
    const supported = new Set<AddressType>(addressTypes);
    const slicesToDelete: EndpointSlice[] = [];
    const slicesByAddressType = new Map<AddressType, EndpointSlice[]>();
    for (const slice of existingSlices) {
      if (!supported.has(slice.addressType)) {
        this.topologyCache.removeHints();
        slicesToDelete.push(slice);
        continue;
      }
      let list = slicesByAddressType.get(slice.addressType);
      if (!list) slicesByAddressType.set(slice.addressType, (list = []));
      list.push(slice);
    }
    for (const addressType of addressTypes) {
      this.reconcileByAddressType(pods, slicesByAddressType.get(addressType) ?? [], addressType);
    }
    this.out.delete.push(...slicesToDelete);
    this.out.topologyHintsPopulated = this.topologyCache.hasPopulatedHints();
    return this.out;
  }

  /** reconcileByAddressType: desired endpoints grouped by port set, reconciled group by group. */
  private reconcileByAddressType(pods: readonly Pod[], existingSlices: readonly EndpointSlice[], addressType: AddressType): void {
    const service = this.service;
    const errs: string[] = [];
    let slicesToCreate: EndpointSlice[] = [];
    let slicesToUpdate: EndpointSlice[] = [];
    let slicesToDelete: EndpointSlice[] = [];

    // Existing state: owned slices by port set; slices of another owner are deleted.
    const existingSlicesByPortMap = new Map<string, EndpointSlice[]>();
    for (const slice of existingSlices) {
      if (ownedBy(slice, service)) {
        const key = this.keyer.newPortMapKey(slice.ports).key;
        let list = existingSlicesByPortMap.get(key);
        if (!list) existingSlicesByPortMap.set(key, (list = []));
        list.push(slice);
      } else {
        slicesToDelete.push(slice);
      }
    }

    // Desired state. A pod's port group is registered even when the pod is then skipped (missing
    // node, no address of this family), as upstream does.
    const desiredMetaByPortMap = new Map<string, EndpointMeta>();
    const desiredEndpointsByPortMap = new Map<string, EndpointSet>();
    const pnra = !!service.spec.publishNotReadyAddresses;
    for (const pod of pods) {
      if (!shouldPodBeInEndpoints(pod, true)) continue;
      const { ports, key } = this.portsOf(pod);
      let desired = desiredEndpointsByPortMap.get(key);
      if (!desired) {
        desiredEndpointsByPortMap.set(key, (desired = new EndpointSet()));
        desiredMetaByPortMap.set(key, { addressType, ports });
      }
      const nodeName = pod.spec.nodeName ?? '';
      const node = this.nodes.get(nodeName);
      if (!node && !pnra) {
        // The pod is left out for now and the sync fails, so the Service is retried later.
        errs.push(
          `skipping Pod ${pod.metadata.name} for Service ${service.metadata.namespace}/${service.metadata.name}: Node ${nodeName} Not Found`,
        );
        continue;
      }
      const endpoint = podToEndpoint(pod, node, service, addressType);
      if (endpoint.addresses.length > 0) desired.insert(endpoint);
    }

    for (const [key, desired] of desiredEndpointsByPortMap) {
      const r = this.reconcileByPortMapping(existingSlicesByPortMap.get(key) ?? [], desired, desiredMetaByPortMap.get(key)!);
      slicesToCreate.push(...r.toCreate);
      slicesToUpdate.push(...r.toUpdate);
      slicesToDelete.push(...r.toDelete);
    }

    // Port sets nobody resolves any more.
    for (const [key, slices] of existingSlicesByPortMap) {
      if (!desiredEndpointsByPortMap.has(key)) slicesToDelete.push(...slices);
    }

    // Placeholder: every address type keeps at least one slice.
    if (existingSlices.length === slicesToDelete.length && slicesToCreate.length < 1) {
      const placeholder = newEndpointSlice(service, { ports: [], addressType }, this.controllerName);
      if (slicesToDelete.length === 1 && placeholderSliceEqual(slicesToDelete[0], placeholder)) {
        slicesToDelete = []; // keep the existing placeholder instead of recreating it
      } else {
        slicesToCreate.push(placeholder);
      }
    }

    // Hints, per address type.
    const deepCopy = (slice: EndpointSlice) => deepCopySlice(slice);
    const si = new SliceInfo(
      `${service.metadata.namespace}/${service.metadata.name}`,
      addressType,
      slicesToCreate,
      slicesToUpdate,
      unchangedSlices(existingSlices, slicesToUpdate, slicesToDelete),
      deepCopy,
    );
    const annotationHints = hintsEnabled(service.metadata.annotations);
    const canUseTrafficDistribution = validTrafficDistribution(service.spec.trafficDistribution) && !annotationHints;
    let events: EventBuilder[] = [];
    if (annotationHints) {
      const r = this.topologyCache.addHints(si);
      slicesToCreate = r.toCreate;
      slicesToUpdate = r.toUpdate;
      events = r.events;
    } else {
      // Hints set earlier through the annotation are withdrawn (with an event)...
      if (this.topologyCache.hasPopulatedHints()) {
        events.push({
          eventType: 'Warning',
          reason: 'TopologyAwareHintsDisabled',
          message: formatWithAddressType(TopologyAwareHintsDisabled, addressType),
        });
      }
      this.topologyCache.removeHints();
      // ...and removed from the slices unless trafficDistribution will set them right below.
      if (!canUseTrafficDistribution) {
        const r = removeHintsFromSlices(si);
        slicesToCreate = r.toCreate;
        slicesToUpdate = r.toUpdate;
      }
    }
    if (canUseTrafficDistribution) {
      const r = reconcileHints(
        service.spec.trafficDistribution,
        slicesToCreate,
        slicesToUpdate,
        unchangedSlices(existingSlices, slicesToUpdate, slicesToDelete),
        deepCopy,
      );
      slicesToCreate = r.toCreate;
      slicesToUpdate = r.toUpdate;
    }

    this.finalize(slicesToCreate, slicesToUpdate, slicesToDelete);
    this.out.events.push(...events);
    this.out.errors.push(...errs);
  }

  // Resolved port sets by the port numbers a pod resolves: only the numbers vary between pods,
  // and with numeric targetPorts not even those, so a 10,000-pod sync hashes its ports once.
  private readonly portsBySignature = new Map<string, SortedPorts>();
  private sharedPorts: SortedPorts | undefined;

  /** getEndpointPorts + NewPortMapKey for one pod, memoised by what can differ between pods. */
  private portsOf(pod: Pod): SortedPorts {
    const servicePorts = this.service.spec.ports ?? [];
    if (this.sharedPorts) return this.sharedPorts;
    const allNumeric = servicePorts.every((p) => typeof (p.targetPort ?? p.port) === 'number');
    if (allNumeric) return (this.sharedPorts = this.keyer.newPortMapKey(getEndpointPorts(this.service, pod)));
    let signature = '';
    for (const sp of servicePorts) signature += `${findPort(pod, sp) ?? '-'},`;
    let hit = this.portsBySignature.get(signature);
    if (!hit) {
      hit = this.keyer.newPortMapKey(getEndpointPorts(this.service, pod));
      this.portsBySignature.set(signature, hit);
    }
    return hit;
  }

  /**
   * reconcileByPortMapping, for one port set:
   *  1. keep the still-desired endpoints of each existing slice (their new version); a slice that
   *     changed is updated, or deleted when emptied; a slice whose Service labels changed is updated;
   *  2. fill the slices being updated, fullest first;
   *  3. put what remains into the unchanged slice that ends closest to full (only for a remainder
   *     smaller than a full slice), else into new slices filled to the maximum.
   */
  private reconcileByPortMapping(
    existingSlices: readonly EndpointSlice[],
    desiredSet: EndpointSet,
    endpointMeta: EndpointMeta,
  ): { toCreate: EndpointSlice[]; toUpdate: EndpointSlice[]; toDelete: EndpointSlice[] } {
    const max = this.maxEndpointsPerSlice;
    const slicesByName = new Map<string, EndpointSlice>();
    // Insertion-ordered name sets stand in for Go's sets.
    const sliceNamesUnchanged = new Set<string>();
    const sliceNamesToUpdate = new Set<string>();
    const sliceNamesToDelete = new Set<string>();

    // 1. Drop endpoints no longer desired, take the new version of the others.
    for (const existingSlice of existingSlices) {
      const name = existingSlice.metadata.name ?? '';
      slicesByName.set(name, existingSlice);
      const existingEndpoints = existingSlice.endpoints ?? [];
      const newEndpoints: Endpoint[] = [];
      let endpointUpdated = false;
      for (const endpoint of existingEndpoints) {
        // Get + Delete: once placed, a desired endpoint no longer needs a home.
        const got = desiredSet.take(endpoint);
        if (got !== undefined) {
          newEndpoints.push(got);
          if (!endpointsEqualBeyondHash(got, endpoint)) endpointUpdated = true;
        }
      }
      const { labels, changed: labelsChanged } = setEndpointSliceLabels(existingSlice, this.service, this.controllerName);
      if (endpointUpdated || existingEndpoints.length !== newEndpoints.length) {
        if (newEndpoints.length === 0) {
          sliceNamesToDelete.add(name);
        } else {
          const copy = deepCopySlice(existingSlice);
          copy.endpoints = newEndpoints;
          copy.metadata.labels = labels;
          slicesByName.set(name, copy);
          sliceNamesToUpdate.add(name);
        }
      } else if (labelsChanged) {
        const copy = deepCopySlice(existingSlice);
        copy.metadata.labels = labels;
        slicesByName.set(name, copy);
        sliceNamesToUpdate.add(name);
      } else {
        sliceNamesUnchanged.add(name);
      }
    }

    // 2. Top up the slices already being updated, fullest first (stable: ties keep input order).
    if (desiredSet.len() > 0 && sliceNamesToUpdate.size > 0) {
      const slices = [...sliceNamesToUpdate].map((n) => slicesByName.get(n)!);
      slices.sort((a, b) => (b.endpoints?.length ?? 0) - (a.endpoints?.length ?? 0));
      for (const slice of slices) {
        const endpoints = slice.endpoints!;
        while (desiredSet.len() > 0 && endpoints.length < max) endpoints.push(desiredSet.popAny()!);
      }
    }

    // 3. Whatever is left: an unchanged slice for a small remainder, otherwise new slices.
    const slicesToCreate: EndpointSlice[] = [];
    while (desiredSet.len() > 0) {
      let sliceToFill: EndpointSlice | undefined;
      if (desiredSet.len() < max && sliceNamesUnchanged.size > 0) {
        const unchanged = [...sliceNamesUnchanged].map((n) => slicesByName.get(n)!);
        sliceToFill = getSliceToFill(unchanged, desiredSet.len(), max);
      }
      if (sliceToFill === undefined) {
        sliceToFill = newEndpointSlice(this.service, endpointMeta, this.controllerName);
      } else {
        sliceToFill = deepCopySlice(sliceToFill);
        slicesByName.set(sliceToFill.metadata.name ?? '', sliceToFill);
      }
      const endpoints = sliceToFill.endpoints!;
      while (desiredSet.len() > 0 && endpoints.length < max) endpoints.push(desiredSet.popAny()!);
      // New slices have no name yet: that tells a create from an update.
      const name = sliceToFill.metadata.name ?? '';
      if (name !== '') {
        sliceNamesToUpdate.add(name);
        sliceNamesUnchanged.delete(name);
      } else {
        slicesToCreate.push(sliceToFill);
      }
    }

    return {
      toCreate: slicesToCreate,
      toUpdate: [...sliceNamesToUpdate].map((n) => slicesByName.get(n)!),
      toDelete: [...sliceNamesToDelete].map((n) => slicesByName.get(n)!),
    };
  }

  /**
   * finalize: turn creates into updates of slices about to be deleted (same address type, owned by
   * this Service: the name is reused), skip creates while the Service is being deleted, stamp the
   * trigger time on everything written.
   */
  private finalize(slicesToCreate: EndpointSlice[], slicesToUpdate: EndpointSlice[], slicesToDelete: EndpointSlice[]): void {
    for (let i = 0; i < slicesToDelete.length; ) {
      if (slicesToCreate.length === 0) break;
      const sliceToDelete = slicesToDelete[i];
      const slice = slicesToCreate[slicesToCreate.length - 1];
      if (sliceToDelete.addressType === slice.addressType && ownedBy(sliceToDelete, this.service)) {
        recycleInto(slice, sliceToDelete);
        slicesToCreate.pop();
        slicesToUpdate.push(slice);
        slicesToDelete.splice(i, 1);
      } else {
        i++;
      }
    }
    if (!this.service.metadata.deletionTimestamp) {
      for (const slice of slicesToCreate) {
        addTriggerTimeAnnotation(slice, this.triggerTime);
        this.out.create.push(toStoredForm(slice, this.keyer.newPortMapKey(slice.ports).ports));
      }
    }
    for (const slice of slicesToUpdate) {
      addTriggerTimeAnnotation(slice, this.triggerTime);
      // Upstream sorted the existing slice's ports in place while keying it, so updates carry
      // the hash order too.
      this.out.update.push(toStoredForm(slice, this.keyer.newPortMapKey(slice.ports).ports));
    }
    this.out.delete.push(...slicesToDelete);
  }
}

/**
 * A create recycled as the update of a slice about to be deleted. Upstream only copies the name
 * onto the new object and sends an unconditional update; the API server keeps the stored uid and
 * creationTimestamp. The plan carries those (and resourceVersion/generation) over so that it is
 * the object the API would return, minus the server's own bumps.
 */
function recycleInto(slice: EndpointSlice, old: EndpointSlice): void {
  const meta = slice.metadata;
  const oldMeta = old.metadata;
  const recycled: EndpointSlice['metadata'] = { name: oldMeta.name };
  if (meta.generateName !== undefined) recycled.generateName = meta.generateName;
  recycled.namespace = meta.namespace;
  for (const key of ['uid', 'resourceVersion', 'generation', 'creationTimestamp'] as const) {
    if (oldMeta[key] !== undefined) (recycled as Record<string, unknown>)[key] = oldMeta[key];
  }
  if (meta.labels) recycled.labels = meta.labels;
  if (meta.annotations) recycled.annotations = meta.annotations;
  if (meta.ownerReferences) recycled.ownerReferences = meta.ownerReferences;
  slice.metadata = recycled;
}

/** DeepCopy of the parts the reconciler changes (metadata maps, the endpoint list). */
export function deepCopySlice(slice: EndpointSlice): EndpointSlice {
  const m = slice.metadata;
  return {
    ...slice,
    metadata: {
      ...m,
      ...(m.labels ? { labels: { ...m.labels } } : {}),
      ...(m.annotations ? { annotations: { ...m.annotations } } : {}),
      ...(m.ownerReferences ? { ownerReferences: m.ownerReferences.map((o) => ({ ...o })) } : {}),
    },
    endpoints: [...(slice.endpoints ?? [])],
    ports: slice.ports ? slice.ports.map((p) => ({ ...p })) : slice.ports,
  };
}

/**
 * placeholderSliceCompare: namespace, labels (as maps), owner references (every field), address
 * type, and empty endpoint/port lists (nil and empty are equal). Other metadata is ignored.
 */
function placeholderSliceEqual(a: EndpointSlice, b: EndpointSlice): boolean {
  if ((a.metadata.namespace ?? '') !== (b.metadata.namespace ?? '')) return false;
  if (!sameStringMap(a.metadata.labels, b.metadata.labels)) return false;
  const ra = a.metadata.ownerReferences ?? [];
  const rb = b.metadata.ownerReferences ?? [];
  if (ra.length !== rb.length) return false;
  for (let i = 0; i < ra.length; i++) {
    const x = ra[i];
    const y = rb[i];
    if (
      x.apiVersion !== y.apiVersion ||
      x.kind !== y.kind ||
      x.name !== y.name ||
      x.uid !== y.uid ||
      x.controller !== y.controller ||
      x.blockOwnerDeletion !== y.blockOwnerDeletion
    ) {
      return false;
    }
  }
  if (a.addressType !== b.addressType) return false;
  if ((a.endpoints?.length ?? 0) !== 0 || (b.endpoints?.length ?? 0) !== 0) return false;
  return (a.ports?.length ?? 0) === 0 && (b.ports?.length ?? 0) === 0;
}

function sameStringMap(a: Record<string, string> | undefined, b: Record<string, string> | undefined): boolean {
  const ka = Object.keys(a ?? {});
  const kb = Object.keys(b ?? {});
  if (ka.length !== kb.length) return false;
  for (const k of ka) if ((b ?? {})[k] !== (a ?? {})[k] || !Object.prototype.hasOwnProperty.call(b ?? {}, k)) return false;
  return true;
}
