// A set of endpoints keyed by their identity, with insertion-ordered PopAny.
// Upstream: staging/src/k8s.io/endpointslice/util/endpointset.go
//
// Upstream keys endpoints by a hash of (sorted addresses, hostname, targetRef namespace, targetRef
// name) and pops them in Go map order (random). We build the same identity as a plain string and pop
// in insertion order (the caller inserts in pod order), which keeps the simulator deterministic.

import type { Endpoint } from '../../types';

const SEP = '\u0000';

/** hashEndpoint: the identity of an endpoint inside one port group (§6.2). */
export function hashEndpoint(endpoint: Endpoint): string {
  const addresses = endpoint.addresses ?? [];
  // Go sorts the addresses (sort.Strings, byte order); controller endpoints have exactly one.
  const sorted = addresses.length > 1 ? [...addresses].sort(compareBytes) : addresses;
  const ref = endpoint.targetRef;
  return (
    sorted.join('\u0001') + SEP + (endpoint.hostname ?? '') + SEP + (ref?.namespace ?? '') + SEP + (ref?.name ?? '')
  );
}

function compareBytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export class EndpointSet {
  private readonly indexByKey = new Map<string, number>();
  private readonly items: (Endpoint | undefined)[] = [];
  private readonly keys: string[] = [];
  private cursor = 0;
  private size = 0;

  /** Insert: a second endpoint with the same identity replaces the first (as a Go map would). */
  insert(endpoint: Endpoint): void {
    const key = hashEndpoint(endpoint);
    const index = this.indexByKey.get(key);
    if (index !== undefined) {
      this.items[index] = endpoint;
      return;
    }
    this.indexByKey.set(key, this.items.length);
    this.items.push(endpoint);
    this.keys.push(key);
    this.size++;
  }

  getByKey(key: string): Endpoint | undefined {
    const index = this.indexByKey.get(key);
    return index === undefined ? undefined : this.items[index];
  }

  deleteByKey(key: string): void {
    const index = this.indexByKey.get(key);
    if (index === undefined) return;
    this.indexByKey.delete(key);
    this.items[index] = undefined;
    this.size--;
  }

  /** PopAny: the earliest inserted endpoint still present. */
  popAny(): Endpoint | undefined {
    while (this.cursor < this.items.length) {
      const index = this.cursor++;
      const endpoint = this.items[index];
      if (endpoint !== undefined) {
        this.deleteByKey(this.keys[index]);
        return endpoint;
      }
    }
    return undefined;
  }

  len(): number {
    return this.size;
  }
}
