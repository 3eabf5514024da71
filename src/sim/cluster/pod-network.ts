// Pod ranges per node and pod IPs, as the node-ipam controller (--allocate-node-cidrs, mask /24 and /64)
// and a host-local CNI would hand them out: each node owns one slot of the cluster pod CIDRs; pod IPs go
// .2, .3, ... upwards (the CNI remembers the last one and never reuses an address until it wraps).
// A node given with spec.podCIDR(s) keeps its own ranges. The IPv6 address of a dual-stack pod mirrors
// the IPv4 host number (10.244.1.7 ↔ fd00:10:244:1::7) so the two are easy to match by eye.

import type { IPFamily, Node } from '../types';
import { addressAt, cidrSize, formatCidr, parseCidr, subnet, type Cidr } from './cidr';

interface NodeRanges {
  v4?: Cidr;
  v6?: Cidr;
  next: number;
}

export class PodNetwork {
  private readonly clusterV4: Cidr;
  private readonly clusterV6: Cidr;
  private readonly slots = new Map<string, number>();
  private readonly ranges = new Map<string, NodeRanges>();
  private readonly used = new Set<string>();
  /** Network addresses of IPv4 node ranges in use. */
  private readonly claimed = new Set<string>();
  private nextSlot = 0;

  constructor(podCIDR: string, podCIDRv6: string) {
    this.clusterV4 = parseCidr(podCIDR);
    this.clusterV6 = parseCidr(podCIDRv6);
  }

  /** The pod ranges of a (possibly not yet existing) node: /24 and /64 slots in the cluster CIDRs. */
  rangesFor(nodeName: string, node?: Node): { v4?: Cidr; v6?: Cidr } {
    let r = this.ranges.get(nodeName);
    if (r) return r;
    const given = [...(node?.spec?.podCIDRs ?? []), ...(node?.spec?.podCIDR ? [node.spec.podCIDR] : [])];
    r = { next: 2 };
    for (const text of given) {
      try {
        const c = parseCidr(text);
        if (c.family === 'IPv4' && !r.v4) r.v4 = c;
        if (c.family === 'IPv6' && !r.v6) r.v6 = c;
      } catch {
        // an unparsable podCIDR is ignored; the node then gets a slot like any other
      }
    }
    if (!r.v4 || !r.v6) {
      let slot = this.slots.get(nodeName);
      if (slot === undefined) {
        // Skip slots whose /24 a node given with its own podCIDR already holds.
        do slot = this.nextSlot++;
        while (this.claimed.has(String(subnet(this.clusterV4, Math.max(24, this.clusterV4.prefix), slot)?.base)));
        this.slots.set(nodeName, slot);
      }
      r.v4 ??= subnet(this.clusterV4, Math.max(24, this.clusterV4.prefix), slot);
      r.v6 ??= subnet(this.clusterV6, Math.max(64, this.clusterV6.prefix), slot);
    }
    if (r.v4) this.claimed.add(String(r.v4.base));
    this.ranges.set(nodeName, r);
    return r;
  }

  /** Register a Node's own spec.podCIDR(s) as soon as it exists, so slots handed out later avoid them. */
  registerNode(node: Node): void {
    if (node.spec?.podCIDR || node.spec?.podCIDRs?.length) this.rangesFor(node.metadata.name!, node);
  }

  /** Text form of the node's ranges (for spec.podCIDRs of default nodes). */
  cidrTexts(nodeName: string): string[] {
    const r = this.rangesFor(nodeName);
    return [r.v4, r.v6].filter((c): c is Cidr => !!c).map(formatCidr);
  }

  /** Next free pod IPs on the node (IPv4 first), or undefined when the node's range is exhausted. */
  allocate(nodeName: string, families: IPFamily[], node?: Node): string[] | undefined {
    const r = this.rangesFor(nodeName, node) as NodeRanges;
    const primary = r.v4 ?? r.v6;
    if (!primary) return undefined;
    const size = Number(cidrSize(primary) > 65536n ? 65536n : cidrSize(primary));
    const last = primary.family === 'IPv4' ? size - 2 : size - 1;
    for (let tries = 0; tries < size; tries++) {
      if (r.next > last || r.next < 2) r.next = 2;
      const host = r.next++;
      const ips: string[] = [];
      for (const fam of families) {
        const c = fam === 'IPv4' ? r.v4 : r.v6;
        if (c) ips.push(addressAt(c, host));
      }
      if (ips.length === 0 || ips.some((ip) => this.used.has(ip))) continue;
      for (const ip of ips) this.used.add(ip);
      return ips;
    }
    return undefined;
  }

  reserve(ip: string): void {
    this.used.add(ip);
  }

  release(ip: string): void {
    this.used.delete(ip);
  }
}
