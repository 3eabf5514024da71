// Per-pod memo of what the reconciler derives from one pod: its endpoint (podToEndpoint) and the
// port numbers it resolves for a Service's ports (findPort). A 10,000-pod Service re-derives 10,000
// endpoints on every sync although only the changed pods can give a different answer.
//
// Why a memo keyed by the pod object is safe: both values are pure functions of the pod object and a
// few values of the Service/Node that are part of the memo key. Pod objects are never modified in
// place — the cluster store (src/sim/cluster/store.ts) stores a NEW object on every update, so a
// changed pod is a different key — and the memoised endpoints are never modified either: the
// reconciler copies slices before changing them and the hint code replaces endpoints with copies
// (topologycache/utils.ts withoutHints, trafficdist/trafficDist.ts). The memo holds the same values
// podToEndpoint/findPort would compute, so results are identical with or without it; sharing the
// endpoint objects also lets the reconciler see "unchanged" by reference (see endpointSet.ts).

import type { AddressType, Endpoint, Node, Pod, Service, ServicePort } from '../types';
import { findPort, shouldSetHostname } from '../podutil';
import { LABEL_TOPOLOGY_ZONE } from './constants';
import { podToEndpoint } from './utils';

interface EndpointMemo {
  addressType: AddressType;
  publishNotReady: boolean;
  hostname: boolean;
  zone: string;
  endpoint: Endpoint;
}

interface PodMemo {
  /** The Service port list the signature was computed for (Service objects are replaced on change too). */
  servicePorts?: readonly ServicePort[];
  signature?: string;
  endpoints: EndpointMemo[];
}

const memos = new WeakMap<Pod, PodMemo>();

function memoOf(pod: Pod): PodMemo {
  let m = memos.get(pod);
  if (!m) memos.set(pod, (m = { endpoints: [] }));
  return m;
}

/**
 * podToEndpoint(pod, node, service, addressType), memoised. What podToEndpoint reads besides the pod:
 * the address type, publishNotReadyAddresses, shouldSetHostname(pod, service) and the node's zone label.
 */
export function memoPodToEndpoint(pod: Pod, node: Node | undefined, service: Service, addressType: AddressType): Endpoint {
  const m = memoOf(pod);
  const publishNotReady = !!service.spec.publishNotReadyAddresses;
  const hostname = shouldSetHostname(pod, service);
  const zone = node?.metadata.labels?.[LABEL_TOPOLOGY_ZONE] || '';
  for (const e of m.endpoints) {
    if (e.addressType === addressType && e.publishNotReady === publishNotReady && e.hostname === hostname && e.zone === zone) {
      return e.endpoint;
    }
  }
  const endpoint = podToEndpoint(pod, node, service, addressType);
  // A pod normally backs one Service in one or two families: keep a handful of variants.
  if (m.endpoints.length >= 4) m.endpoints.shift();
  m.endpoints.push({ addressType, publishNotReady, hostname, zone, endpoint });
  return endpoint;
}

/** The numbers findPort resolves for each Service port ('-' for none), as one string, memoised. */
export function memoPortSignature(pod: Pod, servicePorts: readonly ServicePort[]): string {
  const m = memoOf(pod);
  if (m.servicePorts === servicePorts && m.signature !== undefined) return m.signature;
  let signature = '';
  for (const sp of servicePorts) signature += `${findPort(pod, sp) ?? '-'},`;
  m.servicePorts = servicePorts;
  m.signature = signature;
  return signature;
}
