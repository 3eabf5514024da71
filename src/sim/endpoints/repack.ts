// RepackSubsets: expand subsets to (address, port) pairs, then regroup so that ports offered by
// exactly the same addresses (with the same readiness) share one subset, then SortSubsets.
// Upstream: pkg/api/v1/endpoints/util.go (RepackSubsets, mapAddressByPort, hashAddresses).
// - Addresses are de-duplicated by (ip, targetRef.uid); the first copy seen is kept.
// - For one port, an address both ready and not ready ends up not ready ("not ready trumps ready").
// - A subset without ports keeps its addresses under a sentinel port; the result has no ports.
// - Go keys ports by struct value, and appProtocol is a *string compared by pointer: ports of a
//   decoded Endpoints object never share that pointer, so two equal ports with an appProtocol in
//   different subsets stay distinct. `portIdentity: 'pointer'` reproduces that for user objects.

import type { CoreEndpointPort, EndpointAddress, EndpointSubset } from '../types';
import { sortEndpointSubsets } from '../hash';

export interface RepackOptions {
  /**
   * 'value' (default): ports with equal fields are the same port (the Endpoints controller, whose
   * ports share the Service's appProtocol pointer). 'pointer': a port carrying an appProtocol is
   * only equal to itself (an Endpoints object read from the API, as the mirroring controller does).
   */
  portIdentity?: 'value' | 'pointer';
}

const SENTINEL = '\u0000sentinel';

function addressKey(a: EndpointAddress): string {
  return `${a.ip}\u0000${a.targetRef?.uid ?? ''}`;
}

function portValueKey(p: CoreEndpointPort): string {
  return `${p.name ?? ''}\u0000${p.port}\u0000${p.protocol ?? ''}\u0000${p.appProtocol === undefined ? '\u0001' : p.appProtocol}`;
}

interface PortEntry {
  port: CoreEndpointPort | undefined; // undefined = the sentinel
  ready: Map<string, boolean>; // address key → ready
}

/**
 * RepackSubsets' working state (mapAddressByPort), fed one (address, port, readiness) at a time.
 * repackSubsets feeds it the expanded subsets; the Endpoints controller feeds it the same triples
 * straight from the pods, in the same order, instead of building one subset per (pod, port) first.
 */
export class Repacker {
  private readonly allAddrs = new Map<string, EndpointAddress>();
  private readonly portEntries = new Map<string, PortEntry>();
  private readonly valueKeys = new Map<CoreEndpointPort, string>();

  /** The value key of a port, once per port object (ports are not modified while repacking). */
  valueKey(p: CoreEndpointPort): string {
    let k = this.valueKeys.get(p);
    if (k === undefined) this.valueKeys.set(p, (k = portValueKey(p)));
    return k;
  }

  /**
   * One address offered on one port (undefined: the sentinel of a subset without ports). The first
   * copy of an address is kept; `owned` says the caller made the object for this repack alone, so
   * it is kept as it is instead of being copied.
   */
  add(addr: EndpointAddress, port: CoreEndpointPort | undefined, ready: boolean, portKey = port ? this.valueKey(port) : SENTINEL, owned = false): void {
    const key = addressKey(addr);
    if (!this.allAddrs.has(key)) this.allAddrs.set(key, owned ? addr : { ...addr });
    let entry = this.portEntries.get(portKey);
    if (!entry) {
      entry = { port, ready: new Map() };
      this.portEntries.set(portKey, entry);
    }
    const was = entry.ready.get(key);
    if (was === undefined || was) entry.ready.set(key, ready);
  }

  /** The repacked, sorted subsets. */
  result(): EndpointSubset[] {
    const { allAddrs, portEntries } = this;
    // Group ports by the exact (address, readiness) set that offers them. Upstream keys a map by a
    // hash of the sorted set; comparing the sets directly gives the same groups without sorting.
    const groups: { ready: Map<string, boolean>; ports: CoreEndpointPort[] }[] = [];
    const sameSet = (a: Map<string, boolean>, b: Map<string, boolean>) => {
      if (a.size !== b.size) return false;
      for (const [k, r] of a) if (b.get(k) !== r) return false;
      return true;
    };
    for (const entry of portEntries.values()) {
      let g = groups.find((x) => sameSet(x.ready, entry.ready));
      if (!g) {
        g = { ready: entry.ready, ports: [] };
        groups.push(g);
      }
      if (entry.port) g.ports.push({ ...entry.port });
    }

    const result: EndpointSubset[] = [];
    for (const g of groups) {
      const subset: EndpointSubset = {};
      const ready: EndpointAddress[] = [];
      const notReady: EndpointAddress[] = [];
      for (const [k, isReady] of g.ready) (isReady ? ready : notReady).push(allAddrs.get(k)!);
      // Go leaves nil slices where nothing was appended (it matters for the subset hash)
      if (ready.length > 0) subset.addresses = ready;
      if (notReady.length > 0) subset.notReadyAddresses = notReady;
      if (g.ports.length > 0) subset.ports = g.ports;
      result.push(subset);
    }
    return sortEndpointSubsets(result);
  }
}

export function repackSubsets(subsets: readonly EndpointSubset[], opts: RepackOptions = {}): EndpointSubset[] {
  const byPointer = opts.portIdentity === 'pointer';
  const r = new Repacker();
  subsets.forEach((subset, si) => {
    const ports = subset.ports ?? [];
    const map = (port: CoreEndpointPort | undefined, key?: string) => {
      for (const a of subset.addresses ?? []) r.add(a, port, true, key);
      for (const a of subset.notReadyAddresses ?? []) r.add(a, port, false, key);
    };
    if (ports.length === 0) map(undefined);
    ports.forEach((p, pi) => map(p, byPointer && p.appProtocol !== undefined ? `${r.valueKey(p)}\u0000@${si}/${pi}` : undefined));
  });
  return r.result();
}
