// CIDR arithmetic for the allocators (service IPs, node pod ranges, pod IPs).
// Parsing and text forms come from net/ip (Go's net.IP rules); this file only adds the integer math.

import type { IPFamily } from '../types';
import { formatIP as netFormatIP, parseIP as netParseIP } from '../net/ip';

export interface Cidr {
  family: IPFamily;
  /** Network address as an integer. */
  base: bigint;
  prefix: number;
  /** 32 or 128. */
  bits: number;
}

/** An IP as family + integer (IPv4 as 32 bits), parsed and printed by net/ip (Go's rules). */
export function parseIP(text: string): { family: IPFamily; value: bigint } | undefined {
  const ip = netParseIP(text);
  if (!ip) return undefined;
  const bytes = ip.family === 'IPv4' ? ip.bytes.slice(12) : ip.bytes;
  let value = 0n;
  for (const b of bytes) value = (value << 8n) | BigInt(b);
  return { family: ip.family, value };
}

export function formatIP(family: IPFamily, value: bigint): string {
  const n = family === 'IPv4' ? 4 : 16;
  const bytes: number[] = [];
  for (let i = n - 1; i >= 0; i--) bytes.push(Number((value >> BigInt(i * 8)) & 255n));
  return netFormatIP({ family, bytes: family === 'IPv4' ? [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, ...bytes] : bytes });
}

export function parseCidr(text: string): Cidr {
  const [addr, len] = text.split('/');
  const ip = parseIP(addr ?? '');
  const bits = ip?.family === 'IPv6' ? 128 : 32;
  const prefix = Number(len);
  if (!ip || !/^\d+$/.test(len ?? '') || prefix > bits) throw new Error(`invalid CIDR "${text}"`);
  const hostBits = BigInt(bits - prefix);
  return { family: ip.family, base: (ip.value >> hostBits) << hostBits, prefix, bits };
}

export function cidrSize(c: Cidr): bigint {
  return 1n << BigInt(c.bits - c.prefix);
}

/** The `index`-th sub-range of length `newPrefix` (e.g. the node's /24 inside 10.244.0.0/16). */
export function subnet(c: Cidr, newPrefix: number, index: number): Cidr | undefined {
  if (newPrefix < c.prefix || newPrefix > c.bits) return undefined;
  const count = 1n << BigInt(newPrefix - c.prefix);
  if (BigInt(index) >= count) return undefined;
  return { family: c.family, base: c.base + (BigInt(index) << BigInt(c.bits - newPrefix)), prefix: newPrefix, bits: c.bits };
}

export function addressAt(c: Cidr, offset: bigint | number): string {
  return formatIP(c.family, c.base + BigInt(offset));
}

export function formatCidr(c: Cidr): string {
  return `${formatIP(c.family, c.base)}/${c.prefix}`;
}

export function familyOf(ip: string): IPFamily | undefined {
  return parseIP(ip)?.family;
}
