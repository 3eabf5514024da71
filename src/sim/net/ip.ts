// IP text handling as Kubernetes does it: k8s.io/utils/net ParseIPSloppy (Go 1.16's net.ParseIP,
// which still accepts IPv4 parts with leading zeros, read as decimal), net.IP.String() for the
// canonical text (RFC 5952 for IPv6: lowercase, no leading zeros, longest run of ≥2 zero groups
// compressed, first run on a tie; IPv4 and IPv4-mapped IPv6 as dotted decimal) and
// utilnet.IsIPv6String (an IPv4-mapped IPv6 address counts as IPv4).

import type { IPFamily } from '../types';

export interface ParsedIP {
  /** 16 bytes; IPv4 addresses are stored IPv4-mapped (::ffff:a.b.c.d) as Go does. */
  bytes: number[];
  family: IPFamily;
}

export interface ParseOptions {
  /** Accept IPv4 parts with leading zeros (ParseIPSloppy). Default true. Strict = Go ≥1.17 net.ParseIP. */
  sloppy?: boolean;
}

function parseIPv4Parts(s: string, sloppy: boolean): number[] | undefined {
  const parts = s.split('.');
  if (parts.length !== 4) return undefined;
  const out: number[] = [];
  for (const p of parts) {
    if (!/^[0-9]+$/.test(p)) return undefined;
    if (!sloppy && p.length > 1 && p[0] === '0') return undefined;
    const n = Number(p);
    if (n > 255) return undefined;
    out.push(n);
  }
  return out;
}

function parseIPv6Bytes(s: string, sloppy: boolean): number[] | undefined {
  const ip: number[] = [];
  let ellipsis = -1;
  let rest = s;
  if (rest.startsWith('::')) {
    ellipsis = 0;
    rest = rest.slice(2);
    if (rest === '') return new Array(16).fill(0);
  }
  while (ip.length < 16) {
    // an embedded IPv4 tail
    const m = /^[0-9a-fA-F]{1,4}/.exec(rest);
    if (!m) return undefined;
    if (rest.length > m[0].length && rest[m[0].length] === '.') {
      if (ellipsis < 0 && ip.length !== 12) return undefined;
      if (ip.length + 4 > 16) return undefined;
      const v4 = parseIPv4Parts(rest, sloppy);
      if (!v4) return undefined;
      ip.push(...v4);
      rest = '';
      break;
    }
    const n = parseInt(m[0], 16);
    ip.push(n >> 8, n & 0xff);
    rest = rest.slice(m[0].length);
    if (rest === '') break;
    if (rest[0] !== ':' || rest.length === 1) return undefined;
    rest = rest.slice(1);
    if (rest[0] === ':') {
      if (ellipsis >= 0) return undefined;
      ellipsis = ip.length;
      rest = rest.slice(1);
      if (rest === '') break;
    }
  }
  if (rest !== '') return undefined;
  if (ip.length < 16) {
    if (ellipsis < 0) return undefined;
    const fill = 16 - ip.length;
    ip.splice(ellipsis, 0, ...new Array(fill).fill(0));
  } else if (ellipsis >= 0) {
    return undefined; // "::" must stand for at least one group
  }
  return ip;
}

const V4_MAPPED_PREFIX = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff];

function isV4Mapped(b: number[]): boolean {
  return V4_MAPPED_PREFIX.every((v, i) => b[i] === v);
}

/** Parse an IP as ParseIPSloppy does; undefined when it is not an IP (zones and CIDRs are not IPs). */
export function parseIP(text: string, opts: ParseOptions = {}): ParsedIP | undefined {
  const sloppy = opts.sloppy ?? true;
  if (text.includes(':')) {
    const bytes = parseIPv6Bytes(text, sloppy);
    if (!bytes) return undefined;
    return { bytes, family: isV4Mapped(bytes) ? 'IPv4' : 'IPv6' };
  }
  const v4 = parseIPv4Parts(text, sloppy);
  if (!v4) return undefined;
  return { bytes: [...V4_MAPPED_PREFIX, ...v4], family: 'IPv4' };
}

/** net.IP.String() of parsed bytes. */
export function formatIP(ip: ParsedIP): string {
  const b = ip.bytes;
  if (isV4Mapped(b)) return b.slice(12).join('.');
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push((b[i] << 8) | b[i + 1]);
  // longest run of zero groups (length ≥ 2), first one wins on a tie
  let bestStart = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  if (bestStart < 0) return groups.map((g) => g.toString(16)).join(':');
  const head = groups.slice(0, bestStart).map((g) => g.toString(16)).join(':');
  const tail = groups.slice(bestStart + bestLen).map((g) => g.toString(16)).join(':');
  return `${head}::${tail}`;
}

/** Canonical text of an IP (ParseIPSloppy(text).String()), undefined if it is not an IP. */
export function canonicalIP(text: string): string | undefined {
  const ip = parseIP(text);
  return ip ? formatIP(ip) : undefined;
}

/** IPv4 or IPv6 (IPv4-mapped IPv6 is IPv4), undefined if it is not an IP. */
export function ipFamily(text: string): IPFamily | undefined {
  return parseIP(text)?.family;
}

/** utilnet.IsIPv6String: true only for a parseable, non-IPv4(-mapped) address. */
export function isIPv6String(text: string): boolean {
  return ipFamily(text) === 'IPv6';
}
