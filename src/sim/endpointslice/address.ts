// Pod IP → (family, canonical text), as getEndpointAddresses does with utilnet.ParseIPSloppy and
// net.IP.String() (upstream: staging/src/k8s.io/endpointslice/utils.go). Parsing lives in
// src/sim/net/ip.ts; this file only adds a fast path, because a 10,000-pod Service parses 10,000
// IPs on every sync.

import type { IPFamily } from '../types';
import { formatIP, parseIP } from '../net/ip';

export interface PodAddress {
  family: IPFamily;
  text: string;
}

// Dotted decimal without leading zeros is already canonical: no parse needed.
const CANONICAL_IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

const cache = new Map<string, PodAddress | null>();
const CACHE_LIMIT = 50_000;

/**
 * The family and canonical text of a pod IP; an unparseable string gives
 * null (the API server rejects such pod IPs, so upstream never sees one; we drop it).
 */
export function canonicalPodAddress(text: string): PodAddress | null {
  if (CANONICAL_IPV4.test(text)) return { family: 'IPv4', text };
  let hit = cache.get(text);
  if (hit === undefined) {
    const parsed = parseIP(text);
    hit = parsed ? { family: parsed.family, text: formatIP(parsed) } : null;
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(text, hit);
  }
  return hit;
}
