// Test fixtures: API-server-defaulted Services, Pods and Nodes, a minimal API store that applies a
// plan the way cluster/ will (names for creates, replace on update, remove on delete), and
// builders for the EXPECTED objects, spelled out field by field from the behaviour spec.

import type { Endpoint, EndpointSlice, Node, Pod, Service } from '../types';
import type { SlicePlan } from './controller';

export const T0 = '2024-01-01T00:00:00Z';
export const SVC_UID = '6f1d1c0e-0000-4000-8000-000000000001';

export function service(
  opts: {
    name?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    uid?: string;
    spec?: Partial<Service['spec']>;
  } = {},
): Service {
  const metadata: Service['metadata'] = {
    name: opts.name ?? 'web',
    namespace: 'default',
    uid: opts.uid ?? SVC_UID,
    creationTimestamp: T0,
  };
  if (opts.labels) metadata.labels = opts.labels;
  if (opts.annotations) metadata.annotations = opts.annotations;
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata,
    spec: {
      type: 'ClusterIP',
      selector: { app: 'web' },
      ports: [{ name: 'http', protocol: 'TCP', port: 80, targetPort: 8080 }],
      clusterIP: '10.96.0.10',
      clusterIPs: ['10.96.0.10'],
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      sessionAffinity: 'None',
      internalTrafficPolicy: 'Cluster',
      ...(opts.spec ?? {}),
    },
  };
}

export function ipv4(i: number): string {
  return `10.244.${(i >> 8) & 255}.${i & 255}`;
}

export function podName(i: number): string {
  return `web-${String(i).padStart(5, '0')}`;
}

export function pod(
  i: number,
  opts: {
    ready?: boolean;
    node?: string;
    ips?: string[];
    labels?: Record<string, string>;
    deleting?: boolean;
    phase?: NonNullable<Pod['status']>['phase'];
    containers?: Pod['spec']['containers'];
    spec?: Partial<Pod['spec']>;
  } = {},
): Pod {
  const ips = opts.ips ?? [ipv4(i)];
  const metadata: Pod['metadata'] = {
    name: podName(i),
    namespace: 'default',
    uid: `pod-uid-${i}`,
    labels: opts.labels ?? { app: 'web' },
  };
  if (opts.deleting) {
    metadata.deletionTimestamp = '2024-01-01T00:05:00Z';
    metadata.deletionGracePeriodSeconds = 30;
  }
  const status: NonNullable<Pod['status']> = {
    phase: opts.phase ?? 'Running',
    conditions: [{ type: 'Ready', status: opts.ready === false ? 'False' : 'True' }],
  };
  if (ips.length > 0) {
    status.podIP = ips[0];
    status.podIPs = ips.map((ip) => ({ ip }));
  }
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata,
    spec: {
      nodeName: opts.node ?? 'node-1',
      containers: opts.containers ?? [
        { name: 'app', image: 'nginx', ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }] },
      ],
      ...(opts.spec ?? {}),
    },
    status,
  };
}

/** Pods 1..n, spread round-robin over node-1..node-3. */
export function pods(n: number, opts: Parameters<typeof pod>[1] = {}): Pod[] {
  const out: Pod[] = [];
  for (let i = 1; i <= n; i++) out.push(pod(i, { node: `node-${((i - 1) % 3) + 1}`, ...opts }));
  return out;
}

export function node(name: string, zone: string | undefined, opts: { cpu?: string; ready?: boolean; labels?: Record<string, string> } = {}): Node {
  const labels: Record<string, string> = { 'kubernetes.io/hostname': name, ...(opts.labels ?? {}) };
  if (zone) labels['topology.kubernetes.io/zone'] = zone;
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels },
    status: {
      conditions: [{ type: 'Ready', status: opts.ready === false ? 'False' : 'True' }],
      allocatable: { cpu: opts.cpu ?? '4', memory: '16Gi', pods: '110' },
    },
  };
}

/** node-1/zone-a, node-2/zone-b, node-3/zone-c, 4 CPUs each, Ready. */
export function nodes3(): Map<string, Node> {
  return new Map([
    ['node-1', node('node-1', 'zone-a')],
    ['node-2', node('node-2', 'zone-b')],
    ['node-3', node('node-3', 'zone-c')],
  ]);
}

export const ZONE_OF: Record<string, string> = { 'node-1': 'zone-a', 'node-2': 'zone-b', 'node-3': 'zone-c' };

// ---- expected objects -----------------------------------------------------------------------------

export const MANAGED_BY = { 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io' };

export function ownerRef(name = 'web', uid = SVC_UID) {
  return { apiVersion: 'v1', kind: 'Service', name, uid, controller: true, blockOwnerDeletion: true };
}

/** Metadata of a slice the controller creates (no name: generateName). */
export function newSliceMeta(opts: { service?: string; labels?: Record<string, string>; triggerTime?: string | null } = {}) {
  const svc = opts.service ?? 'web';
  const meta: Record<string, unknown> = {
    generateName: `${svc}-`,
    namespace: 'default',
    labels: { ...(opts.labels ?? {}), ...MANAGED_BY, 'kubernetes.io/service-name': svc },
  };
  if (opts.triggerTime !== null) {
    meta.annotations = { 'endpoints.kubernetes.io/last-change-trigger-time': opts.triggerTime ?? T0 };
  }
  meta.ownerReferences = [ownerRef(svc)];
  return meta;
}

/** An endpoint exactly as the controller writes it. */
export function ep(
  address: string,
  name: string,
  opts: {
    uid?: string;
    ready?: boolean;
    serving?: boolean;
    terminating?: boolean;
    node?: string | null;
    zone?: string | null;
    hostname?: string;
    hints?: Endpoint['hints'];
  } = {},
): Endpoint {
  const out: Endpoint = {
    addresses: [address],
    conditions: { ready: opts.ready ?? true, serving: opts.serving ?? true, terminating: opts.terminating ?? false },
  };
  if (opts.hostname) out.hostname = opts.hostname;
  out.targetRef = { kind: 'Pod', namespace: 'default', name, uid: opts.uid ?? `pod-uid-${Number(name.slice(4))}` };
  if (opts.node !== null) out.nodeName = opts.node ?? 'node-1';
  if (opts.zone !== null && opts.zone !== undefined) out.zone = opts.zone;
  if (opts.hints) out.hints = opts.hints;
  return out;
}

/** The ready endpoint of fixture pod i on its round-robin node, with no zone known. */
export function readyEp(i: number, zone = false): Endpoint {
  const nodeName = `node-${((i - 1) % 3) + 1}`;
  return ep(ipv4(i), podName(i), { node: nodeName, zone: zone ? ZONE_OF[nodeName] : null });
}

// ---- a minimal API store ----------------------------------------------------------------------------

/**
 * Applies plans like the API server: a create gets a name (generateName + counter) and a uid,
 * an update replaces the slice of that name (must exist), a delete removes it (must exist).
 */
export class SliceStore {
  private counter = 0;
  slices: EndpointSlice[] = [];
  /** The topology cache flag of the last plan, to pass to the next sync (as cluster/ should). */
  topologyHintsPopulated: boolean | undefined;

  apply(plan: SlicePlan): void {
    this.topologyHintsPopulated = plan.topologyHintsPopulated;
    for (const d of plan.delete) {
      const i = this.slices.findIndex((s) => s.metadata.name === d.metadata.name);
      if (i < 0) throw new Error(`delete of unknown slice ${d.metadata.name}`);
      this.slices.splice(i, 1);
    }
    for (const u of plan.update) {
      const i = this.slices.findIndex((s) => s.metadata.name === u.metadata.name);
      if (i < 0) throw new Error(`update of unknown slice ${u.metadata.name}`);
      this.slices[i] = u;
    }
    for (const c of plan.create) {
      if (c.metadata.name) throw new Error('create with a name');
      this.counter++;
      const name = `${c.metadata.generateName}${String(this.counter).padStart(5, 'x')}`;
      this.slices.push({ ...c, metadata: { ...c.metadata, name, uid: `slice-uid-${this.counter}` } });
    }
  }

  byName(name: string): EndpointSlice {
    const s = this.slices.find((x) => x.metadata.name === name);
    if (!s) throw new Error(`no slice ${name}`);
    return s;
  }
}

export function sizes(slices: readonly EndpointSlice[]): number[] {
  return slices.map((s) => s.endpoints?.length ?? 0);
}
