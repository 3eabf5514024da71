// A set of endpoints keyed by their identity, with insertion-ordered PopAny.
// Upstream: staging/src/k8s.io/endpointslice/util/endpointset.go
//
// Upstream keys endpoints by a hash of (sorted addresses, hostname, targetRef namespace, targetRef
// name) and pops them in Go map order (random). Here the same identity is compared field by field,
// and endpoints pop in insertion order (the caller inserts in pod order), which keeps the simulator
// deterministic. Lookups first try the position after the previous match (slices keep endpoints in
// pod order, so that is nearly always right) and only then an index by pod name: no hashing per
// endpoint in the common case of a large, mostly unchanged Service.

import type { Endpoint } from '../../types';

function sortedAddresses(endpoint: Endpoint): readonly string[] {
  const addresses = endpoint.addresses ?? [];
  // Go sorts the addresses (sort.Strings, byte order); controller endpoints have exactly one.
  if (addresses.length < 2) return addresses;
  return [...addresses].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The identity of §6.2: same sorted addresses, hostname, targetRef namespace and name. */
export function sameEndpointIdentity(a: Endpoint, b: Endpoint): boolean {
  if (a === b) return true;
  if ((a.targetRef?.name ?? '') !== (b.targetRef?.name ?? '')) return false;
  if ((a.targetRef?.namespace ?? '') !== (b.targetRef?.namespace ?? '')) return false;
  if ((a.hostname ?? '') !== (b.hostname ?? '')) return false;
  const ax = a.addresses ?? [];
  const bx = b.addresses ?? [];
  if (ax.length === 1 && bx.length === 1) return ax[0] === bx[0];
  const x = sortedAddresses(a);
  const y = sortedAddresses(b);
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

export class EndpointSet {
  private readonly items: Endpoint[] = [];
  private readonly taken: boolean[] = [];
  private size = 0;
  private popCursor = 0;
  /** Where the previous match was found + 1: existing slices list endpoints in pod order. */
  private matchCursor = 0;
  /** Positions by targetRef name, built only when the sequential guess misses. */
  private index: Map<string, number | number[]> | null = null;
  /** Whether every inserted name was greater than the one before (then lookups binary-search). */
  private namesAscending = true;
  private lastName = '';

  /**
   * Insert. Upstream a second endpoint with the same identity replaces the first; identities
   * include the pod name, unique in a namespace, so a valid pod list never has two.
   */
  insert(endpoint: Endpoint): void {
    const name = endpoint.targetRef?.name ?? '';
    if (this.items.length > 0 && !(name > this.lastName)) this.namesAscending = false;
    this.lastName = name;
    this.items.push(endpoint);
    this.taken.push(false);
    this.size++;
    this.index = null;
  }

  private lookup(endpoint: Endpoint): number {
    if (this.namesAscending) return this.search(endpoint);
    if (this.index === null) {
      const index = new Map<string, number | number[]>();
      for (let i = 0; i < this.items.length; i++) {
        const name = this.items[i].targetRef?.name ?? '';
        const prev = index.get(name);
        if (prev === undefined) index.set(name, i);
        else if (Array.isArray(prev)) prev.push(i);
        else index.set(name, [prev, i]);
      }
      this.index = index;
    }
    const hit = this.index.get(endpoint.targetRef?.name ?? '');
    if (hit === undefined) return -1;
    if (!Array.isArray(hit)) {
      return !this.taken[hit] && sameEndpointIdentity(this.items[hit], endpoint) ? hit : -1;
    }
    for (const i of hit) if (!this.taken[i] && sameEndpointIdentity(this.items[i], endpoint)) return i;
    return -1;
  }

  /**
   * The lookup when items were inserted in strictly ascending name order (pods come in name order
   * from the cluster): each name occurs once, at the position a binary search finds, which is the
   * one position the name index would give.
   */
  private search(endpoint: Endpoint): number {
    const name = endpoint.targetRef?.name ?? '';
    let lo = 0;
    let hi = this.items.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const n = this.items[mid].targetRef?.name ?? '';
      if (n === name) return !this.taken[mid] && sameEndpointIdentity(this.items[mid], endpoint) ? mid : -1;
      if (n < name) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  private find(endpoint: Endpoint): number {
    const guess = this.matchCursor;
    if (guess < this.items.length && !this.taken[guess] && sameEndpointIdentity(this.items[guess], endpoint)) {
      return guess;
    }
    return this.lookup(endpoint);
  }

  /** Get: the desired endpoint with the same identity as the given one. */
  get(endpoint: Endpoint): Endpoint | undefined {
    const i = this.find(endpoint);
    return i < 0 ? undefined : this.items[i];
  }

  /** Get and Delete in one lookup: the matching endpoint, now removed from the set. */
  take(endpoint: Endpoint): Endpoint | undefined {
    const i = this.find(endpoint);
    if (i < 0) return undefined;
    this.taken[i] = true;
    this.size--;
    this.matchCursor = i + 1;
    return this.items[i];
  }

  /** PopAny: the earliest inserted endpoint still present. */
  popAny(): Endpoint | undefined {
    while (this.popCursor < this.items.length) {
      const i = this.popCursor++;
      if (!this.taken[i]) {
        this.taken[i] = true;
        this.size--;
        return this.items[i];
      }
    }
    return undefined;
  }

  len(): number {
    return this.size;
  }
}
