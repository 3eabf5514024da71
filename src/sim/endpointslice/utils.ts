// Helpers of the EndpointSlice reconciler: pod → endpoint, port resolution, slice construction,
// labels, ownership, address types.
// Upstream: staging/src/k8s.io/endpointslice/utils.go

import type {
  AddressType,
  Endpoint,
  EndpointPort,
  EndpointSlice,
  Labels,
  Node,
  OwnerReference,
  Pod,
  Service,
  ServicePort,
} from '../types';
import { isIPv6String } from '../net/ip';
import { canonicalPodAddress } from './address';
import {
  ANNOTATION_TOPOLOGY_AWARE_HINTS,
  ANNOTATION_TOPOLOGY_MODE,
  ANNOTATION_TRIGGER_TIME,
  LABEL_HEADLESS,
  LABEL_MANAGED_BY,
  LABEL_SERVICE_NAME,
  LABEL_TOPOLOGY_ZONE,
  SLICE_API_VERSION,
} from './constants';
import { findPort, isPodReady, isServiceIPSet, shouldSetHostname } from '../podutil';

/** endpointMeta: what slices are grouped on (a port set within one address type). */
export interface EndpointMeta {
  ports: EndpointPort[];
  addressType: AddressType;
}

/**
 * podToEndpoint builds the endpoint of one pod for one address type (§3, §8).
 * Field insertion order follows the API's JSON order: addresses, conditions, hostname, targetRef,
 * nodeName, zone (hints are added later by the hint heuristics).
 */
export function podToEndpoint(pod: Pod, node: Node | undefined, service: Service, addressType: AddressType): Endpoint {
  const serving = isPodReady(pod);
  const terminating = !!pod.metadata.deletionTimestamp;
  // A terminating pod is never "ready" unless the Service publishes not-ready addresses.
  const ready = !!service.spec.publishNotReadyAddresses || (serving && !terminating);
  const endpoint: Endpoint = {
    addresses: getEndpointAddresses(pod, addressType),
    conditions: { ready, serving, terminating },
  };
  if (shouldSetHostname(pod, service)) endpoint.hostname = pod.spec.hostname;
  // Go omits empty strings of a non-pointer ObjectReference field.
  const targetRef: Endpoint['targetRef'] = { kind: 'Pod' };
  if (pod.metadata.namespace) targetRef.namespace = pod.metadata.namespace;
  if (pod.metadata.name) targetRef.name = pod.metadata.name;
  if (pod.metadata.uid) targetRef.uid = pod.metadata.uid;
  endpoint.targetRef = targetRef;
  if (pod.spec.nodeName) endpoint.nodeName = pod.spec.nodeName;
  const zone = node?.metadata.labels?.[LABEL_TOPOLOGY_ZONE];
  if (zone) endpoint.zone = zone;
  return endpoint;
}

/**
 * getEndpointPorts resolves every Service port for one pod (§4); unresolvable named ports are
 * skipped. A headless Service without ports yields the empty list. The order is the Service's;
 * the hash sort happens when the list is keyed (see util/portMapKey.ts).
 */
export function getEndpointPorts(service: Service, pod: Pod): EndpointPort[] {
  const servicePorts = service.spec.ports ?? [];
  const endpointPorts: EndpointPort[] = [];
  if (servicePorts.length === 0 && service.spec.clusterIP === 'None') return endpointPorts;
  for (const servicePort of servicePorts) {
    const portNum = findPort(pod, servicePort);
    if (portNum === undefined) continue; // upstream only logs at V(4)
    const port: EndpointPort = { name: servicePort.name ?? '', protocol: servicePort.protocol ?? 'TCP', port: portNum };
    if (servicePort.appProtocol !== undefined) port.appProtocol = servicePort.appProtocol;
    endpointPorts.push(port);
  }
  return endpointPorts;
}

/** findPort (upstream FindPort) is shared with the Endpoints controller: src/sim/podutil/find-port.ts. */
export { findPort };

/** getEndpointAddresses: the pod's IPs of one family, re-stringified in canonical form. */
export function getEndpointAddresses(pod: Pod, addressType: AddressType): string[] {
  const addresses: string[] = [];
  for (const podIP of pod.status?.podIPs ?? []) {
    const ip = canonicalPodAddress(podIP.ip);
    if (ip && ip.family === addressType) addresses.push(ip.text);
  }
  return addresses;
}

/** The Service's controller reference (metav1.NewControllerRef with v1/Service). */
export function serviceControllerRef(service: Service): OwnerReference {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    name: service.metadata.name ?? '',
    uid: service.metadata.uid ?? '',
    controller: true,
    blockOwnerDeletion: true,
  };
}

/**
 * newEndpointSlice: a fresh slice (no name: the API server generates it from generateName).
 * `endpoints` is an empty working array here; the plan converts empty lists to null (see apiForm.ts).
 */
export function newEndpointSlice(service: Service, endpointMeta: EndpointMeta, controllerName: string): EndpointSlice {
  const slice: EndpointSlice = {
    apiVersion: SLICE_API_VERSION,
    kind: 'EndpointSlice',
    metadata: {
      generateName: getEndpointSlicePrefix(service.metadata.name ?? ''),
      namespace: service.metadata.namespace,
      labels: {},
      ownerReferences: [serviceControllerRef(service)],
    },
    addressType: endpointMeta.addressType,
    endpoints: [],
    ports: endpointMeta.ports,
  };
  slice.metadata.labels = setEndpointSliceLabels(slice, service, controllerName).labels;
  return slice;
}

const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/**
 * getEndpointSlicePrefix: "<service>-", or the bare name if that prefix would not be a valid DNS
 * subdomain (validated with the trailing dash masked, as NameIsDNSSubdomain(prefix=true) does).
 */
export function getEndpointSlicePrefix(serviceName: string): string {
  const prefix = `${serviceName}-`;
  const masked = prefix.slice(0, -1) + 'a';
  if (masked.length > 253 || !DNS1123_SUBDOMAIN.test(masked)) return serviceName;
  return prefix;
}

/** ownedBy: an ownerReference with the Service's UID, kind Service and apiVersion v1. */
export function ownedBy(slice: EndpointSlice, service: Service): boolean {
  for (const o of slice.metadata.ownerReferences ?? []) {
    if (o.uid === (service.metadata.uid ?? '') && o.kind === 'Service' && o.apiVersion === 'v1') return true;
  }
  return false;
}

/**
 * getSliceToFill: the slice that would be closest to full after adding numEndpoints without
 * exceeding maxEndpoints; an exact fit wins at once. Ties keep the earlier slice.
 */
export function getSliceToFill(
  slices: readonly EndpointSlice[],
  numEndpoints: number,
  maxEndpoints: number,
): EndpointSlice | undefined {
  let closestDiff = maxEndpoints;
  let closest: EndpointSlice | undefined;
  for (const slice of slices) {
    const diff = maxEndpoints - (numEndpoints + (slice.endpoints?.length ?? 0));
    if (diff >= 0 && diff < closestDiff) {
      closestDiff = diff;
      closest = slice;
      if (closestDiff === 0) return closest;
    }
  }
  return closest;
}

/** addTriggerTimeAnnotation: set the trigger time, or remove the annotation when there is none. */
export function addTriggerTimeAnnotation(slice: EndpointSlice, triggerTime: string | undefined): void {
  const annotations: Record<string, string> = { ...(slice.metadata.annotations ?? {}) };
  if (triggerTime) annotations[ANNOTATION_TRIGGER_TIME] = triggerTime;
  else delete annotations[ANNOTATION_TRIGGER_TIME];
  slice.metadata.annotations = annotations;
}

/** isReservedLabelKey: labels the controller owns; a Service cannot pass them to its slices. */
export function isReservedLabelKey(key: string): boolean {
  return key === LABEL_SERVICE_NAME || key === LABEL_MANAGED_BY || key === LABEL_HEADLESS;
}

/**
 * setEndpointSliceLabels: the labels a slice should carry (Service labels minus reserved keys,
 * headless label, service-name, managed-by) and whether the non-reserved labels differ from the
 * slice's current ones. Changes of reserved labels alone never count as a change.
 */
export function setEndpointSliceLabels(
  slice: EndpointSlice,
  service: Service,
  controllerName: string,
): { labels: Labels; changed: boolean } {
  const sliceLabels = slice.metadata.labels ?? {};
  const serviceLabels = service.metadata.labels ?? {};
  const labels: Labels = {};
  let sliceCount = 0;
  let changed = false;
  for (const key of Object.keys(sliceLabels)) {
    if (isReservedLabelKey(key)) continue;
    sliceCount++;
  }
  let serviceCount = 0;
  for (const key of Object.keys(serviceLabels)) {
    if (isReservedLabelKey(key)) continue;
    serviceCount++;
    labels[key] = serviceLabels[key];
    if (!Object.prototype.hasOwnProperty.call(sliceLabels, key) || sliceLabels[key] !== serviceLabels[key]) changed = true;
  }
  if (sliceCount !== serviceCount) changed = true;
  if (!isServiceIPSet(service)) labels[LABEL_HEADLESS] = '';
  labels[LABEL_SERVICE_NAME] = service.metadata.name ?? '';
  labels[LABEL_MANAGED_BY] = controllerName;
  return { labels: sortKeys(labels), changed };
}

/** Go encodes maps with sorted keys; keep the same order so the plan matches what the API returns. */
export function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const key of Object.keys(record).sort()) out[key] = record[key];
  return out;
}

/** isServiceIPSet (clusterIP neither "None" nor empty) lives in src/sim/podutil. */
export { isServiceIPSet };

/**
 * getAddressTypesForService: from spec.ipFamilies (in that order); only when that is empty (old
 * API servers), from the clusterIP family, or both families for a headless Service.
 */
export function getAddressTypesForService(service: Service): AddressType[] {
  const types: AddressType[] = [];
  for (const family of service.spec.ipFamilies ?? []) {
    if ((family === 'IPv4' || family === 'IPv6') && !types.includes(family)) types.push(family);
  }
  if (types.length > 0) return types;
  const clusterIP = service.spec.clusterIP ?? '';
  if (clusterIP !== '' && clusterIP !== 'None') return [isIPv6String(clusterIP) ? 'IPv6' : 'IPv4'];
  return ['IPv4', 'IPv6'];
}

/** unchangedSlices: existing slices that are neither updated nor deleted (matched by name). */
export function unchangedSlices(
  existing: readonly EndpointSlice[],
  toUpdate: readonly EndpointSlice[],
  toDelete: readonly EndpointSlice[],
): EndpointSlice[] {
  const changed = new Set<string | undefined>();
  for (const s of toUpdate) changed.add(s.metadata.name);
  for (const s of toDelete) changed.add(s.metadata.name);
  return existing.filter((s) => !changed.has(s.metadata.name));
}

/**
 * hintsEnabled: topology-aware-hints (deprecated, wins when present) or topology-mode set to
 * "Auto" or "auto".
 */
export function hintsEnabled(annotations: Record<string, string> | undefined): boolean {
  if (!annotations) return false;
  let value = annotations[ANNOTATION_TOPOLOGY_AWARE_HINTS];
  if (value === undefined) {
    value = annotations[ANNOTATION_TOPOLOGY_MODE];
    if (value === undefined) return false;
  }
  return value === 'Auto' || value === 'auto';
}
