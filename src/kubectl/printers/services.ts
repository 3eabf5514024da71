// Service table (printers.go printService, getServiceExternalIP, makePortString) and
// `kubectl describe service` (describe.go describeService, formatEndpointSlices).

import type { EndpointSlice, Service, SimEvent } from '../../sim/types';
import { formatLabels } from '../../sim';
import { translateTimestampSince } from '../format/duration';
import { describeEvents, PrefixWriter, printAnnotationsMultiline, printLabelsMultiline } from './describe';
import { joinHostPort, type TableSpec } from './table';

/** printers.go loadBalancerWidth: without -o wide a long ingress list is cut to 16 characters. */
const LOAD_BALANCER_WIDTH = 16;

/** printers.go loadBalancerStatusStringer: sorted, de-duplicated IPs (else hostnames), cut unless wide. */
function loadBalancerStatus(svc: Service, wide: boolean): string {
  const ingress = (svc.status as { loadBalancer?: { ingress?: { ip?: string; hostname?: string }[] } } | undefined)?.loadBalancer?.ingress ?? [];
  const r = [...new Set(ingress.map((i) => i.ip || i.hostname || '').filter(Boolean))].sort().join(',');
  return !wide && r.length > LOAD_BALANCER_WIDTH ? r.slice(0, LOAD_BALANCER_WIDTH - 3) + '...' : r;
}

/** printers.go getServiceExternalIP. */
function externalIP(svc: Service, wide: boolean): string {
  const spec = svc.spec;
  const ext = spec.externalIPs ?? [];
  switch (spec.type ?? 'ClusterIP') {
    case 'ClusterIP':
    case 'NodePort':
      return ext.length > 0 ? ext.join(',') : '<none>';
    case 'LoadBalancer': {
      const lb = loadBalancerStatus(svc, wide);
      if (ext.length > 0) return [...(lb ? lb.split(',') : []), ...ext].join(',');
      return lb || '<pending>';
    }
    case 'ExternalName':
      return spec.externalName ?? '';
  }
  return '<unknown>';
}

function portString(svc: Service): string {
  const pieces = (svc.spec.ports ?? []).map((p) =>
    p.nodePort && p.nodePort > 0 ? `${p.port}:${p.nodePort}/${p.protocol ?? 'TCP'}` : `${p.port}/${p.protocol ?? 'TCP'}`,
  );
  return pieces.length ? pieces.join(',') : '<none>';
}

export const serviceTable: TableSpec<Service> = {
  columns: [
    { name: 'Name' },
    { name: 'Type' },
    { name: 'Cluster-IP' },
    { name: 'External-IP' },
    { name: 'Port(s)' },
    { name: 'Age' },
    { name: 'Selector', priority: 1 },
  ],
  row: (svc, ctx) => [
    svc.metadata.name ?? '',
    svc.spec.type ?? '',
    svc.spec.clusterIPs?.length ? svc.spec.clusterIPs[0] : '<none>',
    externalIP(svc, ctx.wide === true),
    portString(svc),
    translateTimestampSince(svc.metadata.creationTimestamp, ctx.now),
    formatLabels(svc.spec.selector),
  ],
};

/**
 * formatEndpointSlices (kubectl ≥ 1.32): ready endpoints of the slices labelled for the Service,
 * `ip:port` for each slice port whose name is in `portNames`; slices without ports contribute bare
 * addresses. The " + N more..." flag is raised when a 4th endpoint is met, ready or not.
 */
export function formatEndpointSlices(slices: EndpointSlice[], portNames: Set<string> | null): string {
  if (slices.length === 0) return '<none>';
  const max = 3;
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const slice of slices) {
    const endpoints = slice.endpoints ?? [];
    if (!slice.ports || slice.ports.length === 0) {
      for (const ep of endpoints) {
        if (list.length === max) more = true;
        if (ep.conditions?.ready === false) continue;
        if (!more) list.push(ep.addresses[0]);
        count++;
      }
    } else {
      for (const port of slice.ports) {
        if (portNames !== null && !portNames.has(port.name ?? '')) continue;
        for (const ep of endpoints) {
          if (list.length === max) more = true;
          if (ep.conditions?.ready === false) continue;
          if (!more) list.push(joinHostPort(ep.addresses[0], port.port ?? 0));
          count++;
        }
      }
    }
  }
  const ret = list.join(',');
  return more ? `${ret} + ${count - max} more...` : ret;
}

export interface ServiceDescribeContext {
  now: string;
  /** EndpointSlices labelled kubernetes.io/service-name=<svc>, in list order. */
  slices: EndpointSlice[];
  events: SimEvent[];
}

export function describeService(svc: Service, ctx: ServiceDescribeContext): string {
  const w = new PrefixWriter();
  const s = svc.spec;
  w.write(0, `Name:\t${svc.metadata.name ?? ''}\n`);
  w.write(0, `Namespace:\t${svc.metadata.namespace ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', svc.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', svc.metadata.annotations);
  w.write(0, `Selector:\t${formatLabels(s.selector)}\n`);
  w.write(0, `Type:\t${s.type ?? ''}\n`);
  if (s.ipFamilyPolicy) w.write(0, `IP Family Policy:\t${s.ipFamilyPolicy}\n`);
  w.write(0, `IP Families:\t${s.ipFamilies?.length ? s.ipFamilies.join(',') : '<none>'}\n`);
  w.write(0, `IP:\t${s.clusterIP ?? ''}\n`);
  w.write(0, `IPs:\t${s.clusterIPs?.length ? s.clusterIPs.join(',') : '<none>'}\n`);
  if (s.externalIPs?.length) w.write(0, `External IPs:\t${s.externalIPs.join(',')}\n`);
  if (typeof s.loadBalancerIP === 'string' && s.loadBalancerIP) w.write(0, `Desired LoadBalancer IP:\t${s.loadBalancerIP}\n`);
  if (s.externalName) w.write(0, `External Name:\t${s.externalName}\n`);
  // describe.go buildIngressString: `ip (ipMode)` or hostname, joined by ", ".
  const ingress = (svc.status as { loadBalancer?: { ingress?: { ip?: string; hostname?: string; ipMode?: string }[] } } | undefined)?.loadBalancer
    ?.ingress ?? [];
  if (ingress.length > 0) {
    const list = ingress.map((i) => (i.ip ? (i.ipMode ? `${i.ip} (${i.ipMode})` : i.ip) : i.hostname ?? '')).join(', ');
    w.write(0, `LoadBalancer Ingress:\t${list}\n`);
  }
  for (const p of s.ports ?? []) {
    const name = p.name ? p.name : '<unset>';
    const proto = p.protocol ?? 'TCP';
    w.write(0, `Port:\t${name}\t${p.port}/${proto}\n`);
    const tp = p.targetPort ?? p.port;
    w.write(0, `TargetPort:\t${tp}/${proto}\n`);
    if (p.nodePort) w.write(0, `NodePort:\t${name}\t${p.nodePort}/${proto}\n`);
    w.write(0, `Endpoints:\t${formatEndpointSlices(ctx.slices, new Set([p.name ?? '']))}\n`);
  }
  w.write(0, `Session Affinity:\t${s.sessionAffinity ?? ''}\n`);
  if (s.externalTrafficPolicy) w.write(0, `External Traffic Policy:\t${s.externalTrafficPolicy}\n`);
  if (s.internalTrafficPolicy) w.write(0, `Internal Traffic Policy:\t${s.internalTrafficPolicy}\n`);
  if (typeof s.healthCheckNodePort === 'number' && s.healthCheckNodePort !== 0) {
    w.write(0, `HealthCheck NodePort:\t${s.healthCheckNodePort}\n`);
  }
  if (Array.isArray(s.loadBalancerSourceRanges) && s.loadBalancerSourceRanges.length) {
    w.write(0, `LoadBalancer Source Ranges:\t${s.loadBalancerSourceRanges.join(',')}\n`);
  }
  if (s.trafficDistribution) w.write(0, `Traffic Distribution:\t${s.trafficDistribution}\n`);
  describeEvents(w, ctx.events, ctx.now);
  return w.done();
}
