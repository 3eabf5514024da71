// A mirrored EndpointSlice for one (address type, port set) group. Upstream:
// pkg/controller/endpointslicemirroring/utils.go (newEndpointSlice, getEndpointSlicePrefix).

import type { AddressType, Endpoint, EndpointPort, Endpoints, EndpointSlice, Labels } from '../types';
import {
  ANNOTATION_LAST_APPLIED,
  ANNOTATION_TRIGGER_TIME,
  LABEL_MANAGED_BY,
  LABEL_SERVICE_NAME,
  MIRRORING_CONTROLLER_NAME,
} from './constants';

/** Labels: all of the Endpoints' labels, then service-name and managed-by overwritten. */
export function mirroredLabels(endpoints: Endpoints): Labels {
  return {
    ...(endpoints.metadata.labels ?? {}),
    [LABEL_SERVICE_NAME]: endpoints.metadata.name ?? '',
    [LABEL_MANAGED_BY]: MIRRORING_CONTROLLER_NAME,
  };
}

/** Annotations: all of the Endpoints' annotations but the trigger time and kubectl's last-applied copy. */
export function mirroredAnnotations(endpoints: Endpoints): Record<string, string> {
  const out: Record<string, string> = { ...(endpoints.metadata.annotations ?? {}) };
  delete out[ANNOTATION_TRIGGER_TIME];
  delete out[ANNOTATION_LAST_APPLIED];
  return out;
}

/** Go serialises maps with sorted keys: return the map the API server hands back. */
function sortKeys(m: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.keys(m).sort().map((k) => [k, m[k]]));
}

/**
 * The slice as written and read back: empty lists come back as null (protobuf storage), maps with
 * sorted keys, no empty annotation map.
 */
export function newMirroredSlice(
  endpoints: Endpoints,
  ports: EndpointPort[],
  addressType: AddressType,
  list: Endpoint[],
  existing?: EndpointSlice,
): EndpointSlice {
  const name = endpoints.metadata.name ?? '';
  const metadata: EndpointSlice['metadata'] = existing ? { name: existing.metadata.name } : { generateName: `${name}-` };
  metadata.namespace = endpoints.metadata.namespace ?? 'default';
  // An update is a whole new object under the old name; keep what the API server owns.
  if (existing) {
    for (const k of ['uid', 'resourceVersion', 'generation', 'creationTimestamp'] as const) {
      if (existing.metadata[k] !== undefined) (metadata as Record<string, unknown>)[k] = existing.metadata[k];
    }
  }
  metadata.labels = sortKeys(mirroredLabels(endpoints));
  const annotations = mirroredAnnotations(endpoints);
  if (Object.keys(annotations).length > 0) metadata.annotations = sortKeys(annotations);
  metadata.ownerReferences = [
    { apiVersion: 'v1', kind: 'Endpoints', name, uid: endpoints.metadata.uid ?? '', controller: true, blockOwnerDeletion: true },
  ];
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata,
    addressType,
    endpoints: list.length > 0 ? list : null,
    ports: ports.length > 0 ? ports : null,
  };
}
