// One pod → one Endpoints address. Upstream: pkg/controller/endpoint/endpoints_controller.go
// (podToEndpointAddressForService): only the Service's first IP family is used; the IP is the
// first status.podIPs entry of that family, copied as written (not re-formatted).

import type { EndpointAddress, IPFamily, Pod, Service } from '../types';
import { isIPv6String } from '../net/ip';
import { shouldSetHostname } from '../podutil';

/**
 * The family the Endpoints object carries: spec.ipFamilies[0]; without families (old API servers)
 * the clusterIP's family, or for a headless Service the family of the pod's status.podIP.
 */
export function endpointsIPFamily(service: Service, pod: Pod): IPFamily {
  const families = service.spec.ipFamilies ?? [];
  if (families.length > 0) return families[0];
  const clusterIP = service.spec.clusterIP ?? '';
  if (clusterIP !== '' && clusterIP !== 'None') return isIPv6String(clusterIP) ? 'IPv6' : 'IPv4';
  return isIPv6String(pod.status?.podIP ?? '') ? 'IPv6' : 'IPv4';
}

/**
 * isIPv6String without parsing text that has no ':' (parseIP reads such text as IPv4 or rejects it, so
 * it is never IPv6): a 10,000-pod Service checks 10,000 IPv4 addresses per sync.
 */
function isIPv6Text(text: string): boolean {
  if (typeof text === 'string' && !text.includes(':')) return false;
  return isIPv6String(text);
}

/** The pod's address for this Service, or undefined when it has no IP of the Service's family. */
export function podToEndpointAddress(service: Service, pod: Pod): EndpointAddress | undefined {
  const wantV6 = endpointsIPFamily(service, pod) === 'IPv6';
  // utilnet.IsIPv6String: an unparsable string counts as "not IPv6"
  let ip: string | undefined;
  for (const p of pod.status?.podIPs ?? []) {
    if (isIPv6Text(p.ip) === wantV6) {
      ip = p.ip;
      break;
    }
  }
  if (!ip) return undefined;
  const address: EndpointAddress = { ip };
  if (shouldSetHostname(pod, service)) address.hostname = pod.spec.hostname;
  // Go always sets a pointer to spec.nodeName; an empty one is left out here (a pod with an IP is
  // always bound to a node, and the API would reject nodeName "").
  if (pod.spec.nodeName) address.nodeName = pod.spec.nodeName;
  const ref: EndpointAddress['targetRef'] = { kind: 'Pod', namespace: pod.metadata.namespace ?? 'default', name: pod.metadata.name };
  if (pod.metadata.uid !== undefined) ref.uid = pod.metadata.uid;
  address.targetRef = ref;
  return address;
}
