// Desired mirrored endpoints, grouped by (address type, port set). Upstream:
// pkg/controller/endpointslicemirroring/reconciler.go (reconcile, first half),
// reconciler_helpers.go (desiredCalc, initPorts, addAddress) and utils.go (addressToEndpoint,
// epPortsToEpsPorts). The subsets are repacked first; per subset the ready addresses, then the
// not-ready ones, are taken up to the per-subset maximum; unparsable IPs are skipped.

import type { AddressType, CoreEndpointPort, Endpoint, EndpointAddress, EndpointPort, Endpoints, SimEvent } from '../types';
import { sortDiscoveryPorts } from '../hash';
import { repackSubsets } from '../endpoints/repack';
import { parseIP, formatIP } from '../net/ip';
import { EVENT_SOURCE, REASON_INVALID_IP, REASON_TOO_MANY } from './constants';
import { endpointIdentity, portSetKey } from './keys';

export interface DesiredGroup {
  addressType: AddressType;
  ports: EndpointPort[];
  /** identity key → endpoint, in insertion order (a later duplicate replaces an earlier one) */
  endpoints: Map<string, Endpoint>;
}

/** epPortsToEpsPorts: every field set (name "" when unnamed), appProtocol only when present. */
export function toSlicePorts(ports: readonly CoreEndpointPort[]): EndpointPort[] {
  return ports.map((p) => {
    const out: EndpointPort = { name: p.name ?? '', port: p.port, protocol: p.protocol ?? 'TCP' };
    if (p.appProtocol !== undefined) out.appProtocol = p.appProtocol;
    return out;
  });
}

/** addressToEndpoint: the IP re-stringified, only the ready condition, hostname/targetRef/nodeName copied. */
export function addressToEndpoint(address: EndpointAddress, ready: boolean): { endpoint: Endpoint; addressType: AddressType } | undefined {
  const ip = parseIP(address.ip);
  if (!ip) return undefined;
  const endpoint: Endpoint = { addresses: [formatIP(ip)], conditions: { ready } };
  if (address.hostname) endpoint.hostname = address.hostname;
  if (address.targetRef) endpoint.targetRef = { ...address.targetRef };
  if (address.nodeName !== undefined) endpoint.nodeName = address.nodeName;
  return { endpoint, addressType: ip.family };
}

export function desiredGroups(
  endpoints: Endpoints,
  maxPerSubset: number,
): { groups: Map<string, DesiredGroup>; events: Omit<SimEvent, 'time'>[] } {
  const groups = new Map<string, DesiredGroup>();
  let numInvalid = 0;
  let skipped = 0;

  // Objects read from the API never share appProtocol pointers: see repackSubsets.
  for (const subset of repackSubsets(endpoints.subsets ?? [], { portIdentity: 'pointer' })) {
    // Both address types get a (possibly empty) group: an empty group deletes stale slices.
    const ports = sortDiscoveryPorts(toSlicePorts(subset.ports ?? []));
    const keyOf: Record<string, string> = {};
    for (const addressType of ['IPv4', 'IPv6'] as const) {
      const key = `${addressType}-${portSetKey(ports)}`;
      keyOf[addressType] = key;
      const g = groups.get(key);
      if (g) g.ports = ports;
      else groups.set(key, { addressType, ports, endpoints: new Map() });
    }

    const total = (subset.addresses?.length ?? 0) + (subset.notReadyAddresses?.length ?? 0);
    let added = 0;
    const take = (list: EndpointAddress[] | undefined, ready: boolean) => {
      for (const address of list ?? []) {
        if (added >= maxPerSubset) break;
        const r = addressToEndpoint(address, ready);
        if (!r) {
          numInvalid++;
          continue;
        }
        groups.get(keyOf[r.addressType])!.endpoints.set(endpointIdentity(r.endpoint), r.endpoint);
        added++;
      }
    };
    take(subset.addresses, true);
    take(subset.notReadyAddresses, false);
    skipped += total - added;
  }

  const involved = { kind: 'Endpoints' as const, namespace: endpoints.metadata.namespace ?? 'default', name: endpoints.metadata.name ?? '' };
  const events: Omit<SimEvent, 'time'>[] = [];
  if (numInvalid > 0) {
    events.push({
      type: 'Warning',
      reason: REASON_INVALID_IP,
      message: `Skipped ${numInvalid} invalid IP addresses when mirroring to EndpointSlices`,
      source: EVENT_SOURCE,
      involved,
    });
  }
  if (skipped > numInvalid) {
    events.push({
      type: 'Warning',
      reason: REASON_TOO_MANY,
      message: `A max of ${maxPerSubset} addresses can be mirrored to EndpointSlices per Endpoints subset. ${skipped} addresses were skipped`,
      source: EVENT_SOURCE,
      involved,
    });
  }
  return { groups, events };
}
