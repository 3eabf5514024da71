// Port-set identity of a group of endpoints.
// Upstream: staging/src/k8s.io/endpointslice/util/controller_utils.go (NewPortMapKey, portsInOrder)
//
// Upstream sorts the port list IN PLACE by the hash of each port (≥1.35: FNV-128a of a go-spew
// dump) and hashes the sorted list. Because the sort is in place, the ports of every slice the
// controller writes end up in that order, including existing slices it copies for an update.
// Here sortDiscoveryPorts gives the order and the key is a plain string of the sorted list
// (nil pointers kept distinct from empty strings, as the dump does).

import type { EndpointPort } from '../../types';
import { sortDiscoveryPorts } from '../../hash';

export interface SortedPorts {
  /** The ports in ≥1.35 hash order. */
  ports: EndpointPort[];
  /** Port-set identity, equal for equal multisets of ports. */
  key: string;
}

const NIL = '\u0002';

function field(value: string | number | undefined): string {
  return value === undefined ? NIL : String(value);
}

function rawKey(ports: readonly EndpointPort[]): string {
  let key = '';
  for (const p of ports) {
    key += field(p.name) + '\u0001' + field(p.protocol) + '\u0001' + field(p.port) + '\u0001' + field(p.appProtocol) + '\u0000';
  }
  return key;
}

/**
 * Sorts and keys port lists, remembering results by the unsorted list: every pod of a Deployment
 * resolves the same ports, so the hash sort runs once per distinct list, not once per pod.
 */
export class PortMapKeyer {
  private readonly cache = new Map<string, SortedPorts>();

  /** newPortMapKey: nil and empty lists share one key. */
  newPortMapKey(ports: readonly EndpointPort[] | null | undefined): SortedPorts {
    const list = ports ?? [];
    const raw = rawKey(list);
    let hit = this.cache.get(raw);
    if (!hit) {
      const sorted = list.length > 1 ? sortDiscoveryPorts([...list]) : [...list];
      hit = { ports: sorted, key: rawKey(sorted) };
      this.cache.set(raw, hit);
    }
    return hit;
  }
}
