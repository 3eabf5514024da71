// What the API server does to a Service before storing it: static defaults, IP-family fields, clusterIP(s)
// and nodePort allocation.
// Upstream: pkg/apis/core/v1/defaults.go (SetDefaults_Service), pkg/registry/core/service/storage/alloc.go
// (initIPFamilyFields, allocClusterIPs, initNodePorts), storage.go (patchAllocatedValues on update),
// pkg/registry/core/service/ipallocator and portallocator (dynamic allocation prefers the upper band).
// The simulated cluster is dual-stack, IPv4 primary. Random picks are replaced by a hash of namespace/name
// (linear probing on collision), so a Service keeps its clusterIP whatever else is applied.

import type { IPFamily, Service, ServicePort, ServiceSpec } from '../types';
import { clone } from './json';
import { addressAt, cidrSize, familyOf, parseCidr, type Cidr } from './cidr';
import { fnv32a } from './ids';

const NODE_PORT_MIN = 30000;
const NODE_PORT_MAX = 32767;

export class ServiceAllocator {
  private readonly ranges: Record<IPFamily, Cidr>;
  private readonly usedIPs = new Set<string>();
  private readonly usedPorts = new Set<number>();

  constructor(serviceCIDR: string, serviceCIDRv6: string) {
    this.ranges = { IPv4: parseCidr(serviceCIDR), IPv6: parseCidr(serviceCIDRv6) };
  }

  /** The cluster's default family (first --service-cluster-ip-range). */
  readonly primary: IPFamily = 'IPv4';

  reserveIP(ip: string): void {
    this.usedIPs.add(ip);
  }

  releaseIP(ip: string): void {
    this.usedIPs.delete(ip);
  }

  reservePort(port: number): void {
    this.usedPorts.add(port);
  }

  releasePort(port: number): void {
    this.usedPorts.delete(port);
  }

  /** A free IP of `family`, starting at a hash of `key` inside the dynamic (upper) band of the range. */
  allocateIP(family: IPFamily, key: string): string {
    const range = this.ranges[family];
    const size = cidrSize(range);
    // ipallocator.calculateRangeOffset: min(max(16, size/16), 256) addresses reserved for static picks.
    const offset = bigMin(bigMax(16n, size / 16n), 256n);
    const last = family === 'IPv4' ? size - 2n : size - 1n; // no broadcast address in IPv4
    const span = last - offset + 1n;
    let i = BigInt(fnv32a(`${family}/${key}`)) % span;
    for (let tries = 0n; tries < span; tries++) {
      const ip = addressAt(range, offset + ((i + tries) % span));
      if (!this.usedIPs.has(ip)) {
        this.usedIPs.add(ip);
        return ip;
      }
    }
    throw new Error(`service IP range ${family} is full`);
  }

  /** A free node port, hashed into the upper band (the first 128 ports are left for static picks). */
  allocatePort(key: string): number {
    const size = NODE_PORT_MAX - NODE_PORT_MIN + 1;
    const offset = Math.min(Math.max(16, Math.floor(size / 32)), 128);
    const span = size - offset;
    const start = fnv32a(`nodeport/${key}`) % span;
    for (let t = 0; t < span; t++) {
      const port = NODE_PORT_MIN + offset + ((start + t) % span);
      if (!this.usedPorts.has(port)) {
        this.usedPorts.add(port);
        return port;
      }
    }
    throw new Error('node port range is full');
  }
}

function bigMin(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}
function bigMax(a: bigint, b: bigint): bigint {
  return a > b ? a : b;
}

/** Values a Service holds that the allocator owns (to release them on delete/update). */
export function allocatedValues(svc: Service | undefined): { ips: string[]; ports: number[] } {
  if (!svc) return { ips: [], ports: [] };
  const ips = (svc.spec.clusterIPs ?? []).filter((ip) => ip && ip !== 'None');
  const ports = (svc.spec.ports ?? []).map((p) => p.nodePort ?? 0).filter((p) => p > 0);
  const hc = svc.spec.healthCheckNodePort;
  if (typeof hc === 'number' && hc > 0) ports.push(hc);
  return { ips, ports };
}

/**
 * The Service as the API server stores it. `old` is the stored version on update (allocated values the
 * new manifest leaves out are kept, like a kubectl apply patch). Values given in the manifest are kept.
 */
export function defaultService(input: Service, old: Service | undefined, alloc: ServiceAllocator): Service {
  const svc = clone(input);
  const spec: ServiceSpec = svc.spec ?? {};
  svc.spec = spec;
  const key = `${svc.metadata.namespace ?? 'default'}/${svc.metadata.name}`;

  // --- SetDefaults_Service ---
  if (!spec.type) spec.type = 'ClusterIP';
  if (!spec.sessionAffinity) spec.sessionAffinity = 'None';
  if (spec.sessionAffinity === 'ClientIP' && !spec.sessionAffinityConfig) {
    spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: 10800 } };
  }
  spec.ports = (spec.ports ?? []).map(defaultPort);
  if (spec.ports.length === 0 && input.spec?.ports === undefined) delete spec.ports;
  if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') {
    if (!spec.externalTrafficPolicy) spec.externalTrafficPolicy = 'Cluster';
  }
  if (spec.type !== 'ExternalName' && !spec.internalTrafficPolicy) spec.internalTrafficPolicy = 'Cluster';
  if (spec.type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts === undefined) {
    spec.allocateLoadBalancerNodePorts = true;
  }
  if (spec.clusterIP && !spec.clusterIPs?.length) spec.clusterIPs = [spec.clusterIP];
  if (!spec.clusterIP && spec.clusterIPs?.length) spec.clusterIP = spec.clusterIPs[0];

  if (old && spec.type !== 'ExternalName') patchAllocatedValues(spec, old.spec);

  if (spec.type === 'ExternalName') {
    svc.status = svc.status ?? { loadBalancer: {} };
    return svc;
  }

  // --- initIPFamilyFields ---
  const headlessSelectorless = spec.clusterIP === 'None' && Object.keys(spec.selector ?? {}).length === 0;
  if (!spec.ipFamilyPolicy) {
    if (old?.spec.ipFamilyPolicy) spec.ipFamilyPolicy = old.spec.ipFamilyPolicy;
    else spec.ipFamilyPolicy = headlessSelectorless ? 'RequireDualStack' : 'SingleStack';
  }
  if (old) singleStackDowngrade(spec, old.spec);
  const families: IPFamily[] = [...(spec.ipFamilies ?? [])];
  (spec.clusterIPs ?? []).forEach((ip, i) => {
    if (ip === 'None') return;
    const fam = familyOf(ip);
    if (fam && i >= families.length) families.push(fam);
  });
  if (families.length === 0) families.push(alloc.primary);
  if (spec.ipFamilyPolicy !== 'SingleStack' && families.length === 1) {
    families.push(families[0] === 'IPv4' ? 'IPv6' : 'IPv4');
  }
  spec.ipFamilies = families;

  // --- allocClusterIPs (headless Services get none) ---
  if (spec.clusterIP !== 'None') {
    const ips = [...(spec.clusterIPs ?? [])];
    families.forEach((fam, i) => {
      if (!ips[i]) ips[i] = alloc.allocateIP(fam, key);
      else alloc.reserveIP(ips[i]);
    });
    spec.clusterIPs = ips;
    spec.clusterIP = ips[0];
  }

  // --- initNodePorts / health check node port ---
  if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') {
    const allocate = spec.type === 'NodePort' || spec.allocateLoadBalancerNodePorts !== false;
    const byPort = new Map<number, number>();
    for (const p of spec.ports ?? []) {
      if (p.nodePort) {
        alloc.reservePort(p.nodePort);
        byPort.set(p.port, p.nodePort);
      }
    }
    for (const p of spec.ports ?? []) {
      if (p.nodePort || !allocate) continue;
      // The same port number over two protocols shares one node port (initNodePorts).
      p.nodePort = byPort.get(p.port) ?? alloc.allocatePort(`${key}/${p.port}`);
      byPort.set(p.port, p.nodePort);
    }
    if (spec.type === 'LoadBalancer' && spec.externalTrafficPolicy === 'Local') {
      if (typeof spec.healthCheckNodePort === 'number' && spec.healthCheckNodePort > 0) {
        alloc.reservePort(spec.healthCheckNodePort);
      } else spec.healthCheckNodePort = alloc.allocatePort(`${key}/healthcheck`);
    }
  }
  if (!svc.status) svc.status = { loadBalancer: {} };
  return svc;
}

/**
 * initIPFamilyFields, update prep: with ipFamilyPolicy SingleStack and clusterIPs / ipFamilies the same as
 * stored, setting the policy is clear intent, so the secondary entries are dropped (index 0 is
 * immutable, so it is kept); the allocator then releases the secondary IP. (Reduced entries under another
 * policy, or two entries newly written with SingleStack, are validation errors upstream; not modelled.)
 */
function singleStackDowngrade(spec: ServiceSpec, oldSpec: ServiceSpec): void {
  if (spec.ipFamilyPolicy !== 'SingleStack') return;
  const same = (a: readonly string[] | undefined, b: readonly string[] | undefined) =>
    (a ?? []).length === (b ?? []).length && (a ?? []).every((x, i) => x === b?.[i]);
  if (spec.clusterIPs && spec.clusterIPs.length > 1 && same(spec.clusterIPs, oldSpec.clusterIPs)) spec.clusterIPs = spec.clusterIPs.slice(0, 1);
  if (spec.ipFamilies && spec.ipFamilies.length > 1 && same(spec.ipFamilies, oldSpec.ipFamilies)) spec.ipFamilies = spec.ipFamilies.slice(0, 1);
}

function defaultPort(p: ServicePort): ServicePort {
  const out: ServicePort = { ...p };
  if (!out.protocol) out.protocol = 'TCP';
  if (out.targetPort === undefined || out.targetPort === 0 || out.targetPort === '') out.targetPort = out.port;
  return out;
}

/** storage.go patchAllocatedValues: an update that omits allocated values keeps the old ones. */
function patchAllocatedValues(spec: ServiceSpec, oldSpec: ServiceSpec): void {
  if (oldSpec.type !== 'ExternalName' && !spec.clusterIP && oldSpec.clusterIP) {
    spec.clusterIP = oldSpec.clusterIP;
    spec.clusterIPs = oldSpec.clusterIPs ? [...oldSpec.clusterIPs] : [oldSpec.clusterIP];
    if (!spec.ipFamilies && oldSpec.ipFamilies) spec.ipFamilies = [...oldSpec.ipFamilies];
  }
  const byName = new Map<string, number>();
  for (const p of oldSpec.ports ?? []) if (p.nodePort) byName.set(p.name ?? '', p.nodePort);
  const used = new Set((spec.ports ?? []).map((p) => p.nodePort).filter(Boolean));
  for (const p of spec.ports ?? []) {
    const oldVal = byName.get(p.name ?? '');
    if (!p.nodePort && oldVal && !used.has(oldVal) && (spec.type === 'NodePort' || spec.type === 'LoadBalancer')) {
      p.nodePort = oldVal;
    }
  }
  if (spec.healthCheckNodePort === undefined && oldSpec.healthCheckNodePort !== undefined) {
    spec.healthCheckNodePort = oldSpec.healthCheckNodePort;
  }
}
