// The legacy Endpoints controller's sync of one Service, as a pure function returning the desired
// Endpoints object. Upstream: pkg/controller/endpoint/endpoints_controller.go (syncService,
// addEndpointSubset, endpointPortFromServicePort) and pkg/api/v1/endpoints/util.go.
// The caller only calls it for Services the controller acts on (see serviceWantsEndpoints).

import type { CoreEndpointPort, EndpointAddress, Endpoints, EndpointSubset, Labels, Pod, Service, ServicePort } from '../types';
import { findPort, isPodReady, isServiceIPSet, selectPods, shouldPodBeInEndpoints } from '../podutil';
import {
  ANNOTATION_OVER_CAPACITY,
  ANNOTATION_TRIGGER_TIME,
  ENDPOINTS_CONTROLLER_NAME,
  LABEL_ENDPOINTS_MANAGED_BY,
  LABEL_HEADLESS,
  OVER_CAPACITY_VALUE,
} from './constants';
import { podToEndpointAddress } from './pod-address';
import { Repacker } from './repack';
import { capacityAnnotationSetCorrectly, truncateSubsets } from './truncate';
import { subsetsEqualIgnoringResourceVersion } from './equality';

export interface ReconcileEndpointsInput {
  service: Service;
  /** Pods of the cluster (or of the namespace); the controller applies the selector itself. */
  pods: Pod[];
  /** The Endpoints object currently stored under the Service's name, if any. */
  existing?: Endpoints;
  /** endpoints.kubernetes.io/last-change-trigger-time to write; absent → annotation removed. */
  triggerTime?: string;
}

/** The subsets the controller computes before truncation (repacked and sorted). */
export function desiredSubsets(service: Service, pods: readonly Pod[]): EndpointSubset[] {
  const pnra = service.spec.publishNotReadyAddresses === true;
  const servicePorts = service.spec.ports ?? [];
  // RepackSubsets of one subset per (pod, port), fed straight in: the same additions in the same order.
  const repacker = new Repacker();
  // endpointPortFromServicePort, one object per (Service port, number): every pod of a Deployment
  // resolves the same numbers, and repackSubsets copies the ports it keeps.
  const ports = servicePorts.map(() => new Map<number, CoreEndpointPort>());
  const portFor = (i: number, sp: ServicePort, portNum: number): CoreEndpointPort => {
    let port = ports[i].get(portNum);
    if (!port) {
      // keys in Go field order (name is omitted when empty)
      port = sp.name ? { name: sp.name, port: portNum } : { port: portNum };
      port.protocol = sp.protocol ?? 'TCP';
      if (sp.appProtocol !== undefined) port.appProtocol = sp.appProtocol;
      ports[i].set(portNum, port);
    }
    return port;
  };
  // addEndpointSubset: ready (or publishNotReadyAddresses) → addresses, else notReadyAddresses
  const add = (pod: Pod, address: EndpointAddress, port: CoreEndpointPort | undefined) => {
    // the address object is made here for this repack only: no defensive copy needed
    repacker.add(address, port, pnra || isPodReady(pod), undefined, true);
  };
  for (const pod of selectPods(service, pods)) {
    if (!shouldPodBeInEndpoints(pod, pnra)) continue;
    const address = podToEndpointAddress(service, pod);
    if (!address) continue;
    if (servicePorts.length === 0) {
      // only a headless Service may have no ports; its pods are listed without ports
      if (service.spec.clusterIP === 'None') add(pod, address, undefined);
      continue;
    }
    servicePorts.forEach((sp, i) => {
      const portNum = findPort(pod, sp);
      if (portNum === undefined) return; // silently skipped (a V(4) log upstream)
      add(pod, address, portFor(i, sp, portNum));
    });
  }
  return repacker.result();
}

function desiredLabels(service: Service): Labels {
  const labels: Labels = { ...(service.metadata.labels ?? {}) };
  labels[LABEL_ENDPOINTS_MANAGED_BY] = ENDPOINTS_CONTROLLER_NAME;
  if (isServiceIPSet(service)) delete labels[LABEL_HEADLESS];
  else labels[LABEL_HEADLESS] = '';
  return labels;
}

function sortKeys(m: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.keys(m).sort().map((k) => [k, m[k]]));
}

function withoutKey(m: Labels | undefined, key: string): Labels {
  const out = { ...(m ?? {}) };
  delete out[key];
  return out;
}

function sameMap(a: Labels, b: Labels): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => b[k] === a[k]);
}

export function reconcileEndpoints(input: ReconcileEndpointsInput): Endpoints {
  const { service, existing, triggerTime } = input;
  const subsets = desiredSubsets(service, input.pods);
  const labels = desiredLabels(service);

  // Nothing to write when subsets and labels match and the capacity annotation is right: the
  // stored object (trigger time included) stays as it is.
  if (
    existing &&
    subsetsEqualIgnoringResourceVersion(existing.subsets, subsets) &&
    sameMap(withoutKey(existing.metadata.labels, LABEL_HEADLESS), withoutKey(labels, LABEL_HEADLESS)) &&
    capacityAnnotationSetCorrectly(existing.metadata.annotations, existing.subsets, ANNOTATION_OVER_CAPACITY)
  ) {
    return existing;
  }

  const annotations: Record<string, string> = { ...(existing?.metadata.annotations ?? {}) };
  if (triggerTime) annotations[ANNOTATION_TRIGGER_TIME] = triggerTime;
  else delete annotations[ANNOTATION_TRIGGER_TIME];
  const { subsets: kept, truncated } = truncateSubsets(subsets);
  if (truncated) annotations[ANNOTATION_OVER_CAPACITY] = OVER_CAPACITY_VALUE;
  else delete annotations[ANNOTATION_OVER_CAPACITY];

  // An update starts from a copy of the stored object (uid, resourceVersion... are kept).
  const metadata: Endpoints['metadata'] = existing
    ? { ...existing.metadata }
    : { name: service.metadata.name, namespace: service.metadata.namespace ?? 'default' };
  // maps come back from the API with sorted keys
  metadata.labels = sortKeys(labels);
  if (Object.keys(annotations).length > 0) metadata.annotations = sortKeys(annotations);
  else delete metadata.annotations;

  const endpoints: Endpoints = { apiVersion: 'v1', kind: 'Endpoints', metadata };
  if (kept.length > 0) endpoints.subsets = kept; // an empty list is omitted by the API
  return endpoints;
}
