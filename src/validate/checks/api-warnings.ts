// The API server's warnings, as data: what kubectl prints as "Warning: <text>" (client-go
// WarningHandler). One module for every warning text the simulated API server sends:
// - pkg/api/service/warnings.go GetWarningsForService (1.35: without the 1.36 externalIPs deprecation),
//   run on the Service after the v1 defaults (type ClusterIP, sessionAffinity None, clusterIPs from clusterIP);
// - pkg/api/endpoints/warnings.go GetWarningsForEndpoints (IP forms; none for the controller's own Endpoints);
// - the v1 Endpoints deprecation the apiserver installer adds to every Endpoints request (1.33+),
//   before the handler runs, so a request refused as invalid carries it too.
// Warnings of GetWarningsFor* are only sent with a write that passed validation.

import { formatIP, parseIP, type ParsedIP } from '../../sim';
import { FieldPath } from './field';
import { ipWarnings } from './ip';
import { arr, has, obj, str, type Obj } from './util';

export const ENDPOINTS_DEPRECATION = 'v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice';

const TOPOLOGY_AWARE_HINTS = 'service.kubernetes.io/topology-aware-hints';
const TOPOLOGY_MODE = 'service.kubernetes.io/topology-mode';

export interface ApiWarning {
  /** JSON pointer into the object as written (where an editor marks it). */
  pointer: string;
  text: string;
}

/** GetWarningsForService for a Service as written (the v1 defaults applied here). */
export function serviceWarnings(svc: Obj): ApiWarning[] {
  const out: ApiWarning[] = [];
  const meta = obj(svc.metadata);
  const spec = obj(svc.spec);
  const specPath = FieldPath.root('spec');
  const type = has(spec, 'type') ? str(spec.type) : 'ClusterIP';
  const clusterIP = str(spec.clusterIP);
  const written = Array.isArray(spec.clusterIPs);
  const clusterIPs = written ? arr(spec.clusterIPs).map(str) : clusterIP ? [clusterIP] : [];
  const headless = type === 'ClusterIP' && clusterIP === 'None';
  const externalIPs = arr(spec.externalIPs).map(str);
  const add = (pointer: string, texts: string[]) => texts.forEach((text) => out.push({ pointer, text }));

  if (has(obj(meta.annotations), TOPOLOGY_AWARE_HINTS))
    add(`/metadata/annotations/${TOPOLOGY_AWARE_HINTS.replace(/\//g, '~1')}`, [
      `annotation ${TOPOLOGY_AWARE_HINTS} is deprecated, please use ${TOPOLOGY_MODE} instead`,
    ]);
  // helper.IsServiceIPSet: a clusterIP that is neither empty nor None
  if (clusterIP && clusterIP !== 'None')
    clusterIPs.forEach((ip, i) => {
      const p = specPath.child('clusterIPs').index(i);
      add(written ? p.pointer : '/spec/clusterIP', ipWarnings(ip, p));
    });
  if (headless) {
    if (str(spec.loadBalancerIP)) add('/spec/loadBalancerIP', ['spec.loadBalancerIP is ignored for headless services']);
    if (externalIPs.length) add('/spec/externalIPs', ['spec.externalIPs is ignored for headless services']);
    if (has(spec, 'sessionAffinity') && str(spec.sessionAffinity) !== 'None')
      add('/spec/sessionAffinity', ['spec.SessionAffinity is ignored for headless services']);
  }
  externalIPs.forEach((ip, i) => {
    const p = specPath.child('externalIPs').index(i);
    add(p.pointer, ipWarnings(ip, p));
  });
  if (str(spec.loadBalancerIP)) add('/spec/loadBalancerIP', ipWarnings(str(spec.loadBalancerIP), specPath.child('loadBalancerIP')));
  arr(spec.loadBalancerSourceRanges).forEach((cidr, i) => {
    const p = specPath.child('loadBalancerSourceRanges').index(i);
    add(p.pointer, cidrWarnings(str(cidr), p));
  });
  if (type === 'ExternalName' && externalIPs.length) add('/spec/externalIPs', ['spec.externalIPs is ignored when spec.type is "ExternalName"']);
  if (type !== 'ExternalName' && str(spec.externalName)) add('/spec/externalName', ['spec.externalName is ignored when spec.type is not "ExternalName"']);
  if (str(spec.trafficDistribution) === 'PreferClose')
    add('/spec/trafficDistribution', ['spec.trafficDistribution: "PreferClose" is deprecated; use "PreferSameZone"']);
  return out;
}

/** GetWarningsForEndpoints: IP forms of every address, except on the Endpoints controller's own objects. */
export function endpointsWarnings(ep: Obj): ApiWarning[] {
  if (str(obj(obj(ep.metadata).labels)['endpoints.kubernetes.io/managed-by']) === 'endpoint-controller') return [];
  const out: ApiWarning[] = [];
  arr(ep.subsets).map(obj).forEach((ss, i) => {
    for (const list of ['addresses', 'notReadyAddresses'] as const)
      arr(ss[list]).map(obj).forEach((a, j) => {
        const p = FieldPath.root('subsets').index(i).child(list).index(j).child('ip');
        for (const text of ipWarnings(str(a.ip), p)) out.push({ pointer: p.pointer, text });
      });
  });
  return out;
}

/** A CIDR as ParseCIDRSloppy reads it: the address, its network, the prefix length. */
function parseCIDR(value: string): { ip: ParsedIP; network: ParsedIP; bits: number; addrBits: number } | undefined {
  const slash = value.indexOf('/');
  if (slash < 0) return undefined;
  const ip = parseIP(value.slice(0, slash), { sloppy: true });
  const bitsText = value.slice(slash + 1);
  if (!ip || !/^\d{1,3}$/.test(bitsText)) return undefined;
  const v4 = ip.family === 'IPv4' && !value.slice(0, slash).includes(':');
  const addrBits = v4 ? 32 : 128;
  const bits = Number(bitsText);
  if (bits > addrBits) return undefined;
  const keep = v4 ? 96 + bits : bits;
  const bytes = ip.bytes.map((b, k) => {
    const from = k * 8;
    if (from + 8 <= keep) return b;
    if (from >= keep) return v4 && k < 12 ? b : 0;
    return b & (0xff << (8 - (keep - from))) & 0xff;
  });
  return { ip, network: { bytes, family: ip.family }, bits, addrBits };
}

/** GetWarningsForCIDR: bits set after the prefix, non-standard forms, non-canonical IPv6. */
export function cidrWarnings(value: string, path: FieldPath): string[] {
  const c = parseCIDR(value);
  if (!c) return [];
  const warnings: string[] = [];
  const network = `${formatIP(c.network)}/${c.bits}`;
  if (formatIP(c.ip) !== formatIP(c.network))
    warnings.push(`${path.text}: CIDR value "${value}" is ambiguous in this context (should be "${network}" or "${formatIP(c.ip)}/${c.addrBits}"?)`);
  const addrText = value.slice(0, value.indexOf('/'));
  const strict = parseIP(addrText, { sloppy: false });
  if (!strict || (addrText.includes(':') && c.ip.family === 'IPv4'))
    warnings.push(`${path.text}: non-standard CIDR value "${value}" will be considered invalid in a future Kubernetes release: use "${network}"`);
  const prefix = `${formatIP(c.ip)}/${c.bits}`;
  if (warnings.length === 0 && c.ip.family === 'IPv6' && prefix !== value)
    warnings.push(`${path.text}: IPv6 CIDR value "${value}" should be in RFC 5952 canonical format ("${prefix}")`);
  return warnings;
}
