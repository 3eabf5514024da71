// The Diagram tab's view model, pure: for each Service, its EndpointSlices with their endpoints
// (conditions in words, hints, Pod, Node, zone), counts per state for slices too long to list, the
// legacy Endpoints object beside it, and the Nodes grouped by zone. The renderer only draws this.
import type { EndpointSlice, Endpoints, Pod, Service, SimulationResult } from '../../sim/types';
import { isPodReady, LABEL_SERVICE_NAME } from '../../sim';
import { endpointState, type EndpointState } from './diagram';

/** A slice with more endpoints than this is shown folded: counts per state and an expand control. */
export const FOLD_ABOVE = 12;

export interface EndpointView {
  /** Stable key for selection: the Pod, else the slice and first address. */
  key: string;
  addresses: string[];
  state: EndpointState;
  words: string;
  pod?: string;
  node?: string;
  zone?: string;
  /** "zone-a, zone-b" from hints.forZones (and forNodes), when the controller set hints. */
  hints?: string;
}

export interface SliceView {
  name: string;
  addressType: string;
  /** The ports on the slice's edge, e.g. "http:9376/TCP". */
  ports: string;
  managedBy?: string;
  counts: Record<EndpointState, number>;
  folded: boolean;
  endpoints: EndpointView[];
}

export interface LegacyView {
  name: string;
  ready: number;
  notReady: number;
  ports: string;
  /** The endpoints.kubernetes.io/over-capacity annotation (the object holds at most 1,000 addresses). */
  overCapacity?: string;
}

export interface ServiceView {
  name: string;
  namespace: string;
  type: string;
  ports: string;
  selector?: string;
  slices: SliceView[];
  legacy?: LegacyView;
  /** zone -> nodes -> how many of this Service's endpoints run there. */
  zones: { zone: string; nodes: { name: string; endpoints: number }[] }[];
  summary: string;
}

export interface PodDetails {
  name: string;
  namespace: string;
  phase: string;
  ready: boolean;
  terminating: boolean;
  ips: string[];
  node?: string;
  labels: string;
}

const nsOf = (o: { metadata: { namespace?: string } }) => o.metadata.namespace ?? 'default';
const STATES: EndpointState[] = ['ready', 'serving-terminating', 'terminating', 'not-ready'];

export function servicePorts(svc: Service): string {
  return (svc.spec.ports ?? []).map((p) => `${p.name ? `${p.name} ` : ''}${p.port}→${p.targetPort ?? p.port}/${p.protocol ?? 'TCP'}`).join(', ');
}

function slicePorts(s: EndpointSlice): string {
  const ports = s.ports ?? [];
  return ports.length ? ports.map((p) => `${p.name ? `${p.name}:` : ''}${p.port ?? '*'}/${p.protocol ?? 'TCP'}`).join(', ') : 'no ports';
}

function sliceView(slice: EndpointSlice): SliceView {
  const counts = { ready: 0, 'serving-terminating': 0, terminating: 0, 'not-ready': 0 } as Record<EndpointState, number>;
  const endpoints = (slice.endpoints ?? []).map((ep): EndpointView => {
    const { state, words } = endpointState(ep);
    counts[state]++;
    const pod = ep.targetRef?.kind === 'Pod' ? ep.targetRef.name : undefined;
    const hinted = [...(ep.hints?.forZones ?? []).map((z) => z.name), ...(ep.hints?.forNodes ?? []).map((n) => `node ${n.name}`)];
    return {
      key: pod ? `pod/${pod}` : `${slice.metadata.name}/${ep.addresses[0] ?? ''}`,
      addresses: ep.addresses,
      state,
      words,
      pod,
      node: ep.nodeName,
      zone: ep.zone,
      hints: hinted.length ? hinted.join(', ') : undefined,
    };
  });
  return {
    name: slice.metadata.name ?? '(unnamed)',
    addressType: slice.addressType,
    ports: slicePorts(slice),
    managedBy: slice.metadata.labels?.['endpointslice.kubernetes.io/managed-by'],
    counts,
    folded: endpoints.length > FOLD_ABOVE,
    endpoints,
  };
}

function legacyView(ep: Endpoints | undefined): LegacyView | undefined {
  if (!ep) return undefined;
  const subsets = ep.subsets ?? [];
  const ports = [...new Set(subsets.flatMap((s) => (s.ports ?? []).map((p) => `${p.name ? `${p.name}:` : ''}${p.port}/${p.protocol ?? 'TCP'}`)))].join(', ');
  return {
    name: ep.metadata.name ?? '',
    ready: subsets.reduce((n, s) => n + (s.addresses?.length ?? 0), 0),
    notReady: subsets.reduce((n, s) => n + (s.notReadyAddresses?.length ?? 0), 0),
    ports: ports || 'no ports',
    overCapacity: ep.metadata.annotations?.['endpoints.kubernetes.io/over-capacity'],
  };
}

const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;

function serviceView(state: SimulationResult, svc: Service): ServiceView {
  const ns = nsOf(svc);
  const name = svc.metadata.name ?? '';
  const slices = state.endpointSlices
    .filter((s) => nsOf(s) === ns && s.metadata.labels?.[LABEL_SERVICE_NAME] === name)
    .map(sliceView);
  const legacy = legacyView(state.endpoints.find((e) => nsOf(e) === ns && e.metadata.name === name));
  const perNode = new Map<string, { zone: string; endpoints: number }>();
  for (const ep of slices.flatMap((s) => s.endpoints)) {
    if (!ep.node) continue;
    const n = perNode.get(ep.node) ?? { zone: ep.zone ?? '(no zone)', endpoints: 0 };
    n.endpoints++;
    perNode.set(ep.node, n);
  }
  const byZone = new Map<string, { name: string; endpoints: number }[]>();
  for (const [node, { zone, endpoints }] of [...perNode].sort(([a], [b]) => a.localeCompare(b)))
    byZone.set(zone, [...(byZone.get(zone) ?? []), { name: node, endpoints }]);
  const zones = [...byZone].sort(([a], [b]) => a.localeCompare(b)).map(([zone, nodes]) => ({ zone, nodes }));
  const total = { ready: 0, 'serving-terminating': 0, terminating: 0, 'not-ready': 0 } as Record<EndpointState, number>;
  for (const s of slices) for (const k of STATES) total[k] += s.counts[k];
  const selector = svc.spec.selector ? Object.entries(svc.spec.selector).map(([k, v]) => `${k}=${v}`).join(',') : undefined;
  const summary =
    `Service ${name}: ${plural(slices.length, 'EndpointSlice')}, ${total.ready} ready, ${total['serving-terminating']} serving and terminating, ` +
    `${total.terminating} terminating, ${total['not-ready']} not ready` +
    (legacy ? `; legacy Endpoints ${legacy.name}: ${legacy.ready} ready and ${legacy.notReady} not-ready addresses.` : '; no legacy Endpoints object.');
  return { name, namespace: ns, type: svc.spec.type ?? 'ClusterIP', ports: servicePorts(svc) || 'no ports', selector, slices, legacy, zones, summary };
}

/** One view per Service (all of them, or the ones named). */
export function diagramModel(state: SimulationResult, services?: string[]): ServiceView[] {
  return state.services.filter((s) => !services || services.includes(s.metadata.name ?? '')).map((svc) => serviceView(state, svc));
}

/** What the details box says about a selected Pod. */
export function podDetails(state: SimulationResult, namespace: string, name: string): PodDetails | undefined {
  const pod = state.pods.find((p: Pod) => nsOf(p) === namespace && p.metadata.name === name);
  if (!pod) return undefined;
  return {
    name,
    namespace,
    phase: pod.status?.phase ?? 'Pending',
    ready: isPodReady(pod),
    terminating: Boolean(pod.metadata.deletionTimestamp),
    ips: (pod.status?.podIPs ?? []).map((p) => p.ip),
    node: pod.spec.nodeName,
    labels: Object.entries(pod.metadata.labels ?? {}).map(([k, v]) => `${k}=${v}`).join(', ') || '(none)',
  };
}
