// Fidelity at scale: 0, 1, 100, 101, 250 and 1,200 pods (and the Endpoints 1,000-address cap), checked
// through the public API against expectations derived from the Kubernetes rules rather than written out:
// - first sync of N endpoints in one port group -> ceil(N/max) slices, all full but one (reconciler.go
//   reconcileByPortMapping: new slices are filled to the maximum; a placeholder when N = 0);
// - which endpoint lands in which slice is unspecified upstream, so slices are compared by their metadata
//   (whole object minus the endpoint list) and the union of all endpoints is compared, as a sorted list,
//   with the endpoint every pod must produce (no loss, no duplicate, every field exact);
// - Endpoints: one subset, addresses sorted by IP as a byte string, truncated to the first 1,000 (ready
//   first) with annotation endpoints.kubernetes.io/over-capacity: truncated (endpoints_controller.go).

import { describe, expect, it } from 'vitest';
import { createCluster } from '../../src/sim/index';
import type { Endpoint, EndpointAddress, EndpointSlice, Endpoints, KObject } from '../../src/sim/index';
import { withMatchers, writeSummary } from './sim-kit.testutil';

const T0 = '2024-01-01T00:00:00Z';

interface PodSpec {
  name: string;
  ip: string;
  ipv6?: string;
  node: string;
  ready: boolean;
}

function makePods(n: number, opts: { dual?: boolean; notReadyEvery?: number } = {}): PodSpec[] {
  const pods: PodSpec[] = [];
  for (let i = 0; i < n; i++) {
    const third = 1 + Math.floor(i / 250);
    const fourth = 1 + (i % 250);
    pods.push({
      name: `web-${String(i + 1).padStart(4, '0')}`,
      ip: `10.244.${third}.${fourth}`,
      ipv6: opts.dual ? `fd00:10:244:${third}::${fourth.toString(16)}` : undefined,
      node: i % 2 === 0 ? 'node-a' : 'node-b',
      ready: !(opts.notReadyEvery && i % opts.notReadyEvery === opts.notReadyEvery - 1),
    });
  }
  return pods;
}

function manifests(pods: PodSpec[], dual = false): KObject[] {
  const nodes = ['node-a', 'node-b'].map((name) => ({
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: { 'topology.kubernetes.io/zone': name.replace('node', 'zone') } },
  }));
  const service = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'web', namespace: 'default', uid: 'uid-svc-web', creationTimestamp: T0 },
    spec: {
      selector: { app: 'web' },
      ports: [{ name: 'http', port: 80, targetPort: 8080 }],
      ...(dual ? { ipFamilyPolicy: 'RequireDualStack', ipFamilies: ['IPv4', 'IPv6'] } : {}),
    },
  };
  const podObjs = pods.map((p) => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: p.name, namespace: 'default', uid: `uid-${p.name}`, labels: { app: 'web' } },
    spec: { nodeName: p.node, containers: [{ name: 'app', image: 'nginx' }] },
    status: {
      phase: 'Running',
      podIP: p.ip,
      podIPs: [{ ip: p.ip }, ...(p.ipv6 ? [{ ip: p.ipv6 }] : [])],
      conditions: [{ type: 'Ready', status: p.ready ? 'True' : 'False', lastTransitionTime: T0 }],
    },
  }));
  return [...nodes, service, ...podObjs];
}

/** The endpoint a pod must produce in a slice of `family` (podToEndpoint, §3 and §8). */
function expectedEndpoint(p: PodSpec, family: 'IPv4' | 'IPv6'): Endpoint {
  return {
    addresses: [family === 'IPv4' ? p.ip : p.ipv6!],
    conditions: { ready: p.ready, serving: p.ready, terminating: false },
    targetRef: { kind: 'Pod', namespace: 'default', name: p.name, uid: `uid-${p.name}` },
    nodeName: p.node,
    zone: p.node.replace('node', 'zone'),
  };
}

/** Every controller slice of Service web: the whole object but its endpoint list. */
function expectedSliceShell(family: 'IPv4' | 'IPv6', placeholder: boolean): Omit<EndpointSlice, 'endpoints'> {
  return withMatchers({
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {
      name: '<generated:web->',
      generateName: 'web-',
      namespace: 'default',
      uid: '<uid>',
      resourceVersion: '<rv>',
      generation: 1,
      creationTimestamp: T0,
      labels: {
        'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
        'kubernetes.io/service-name': 'web',
      },
      annotations: { 'endpoints.kubernetes.io/last-change-trigger-time': T0 },
      ownerReferences: [
        { apiVersion: 'v1', kind: 'Service', name: 'web', uid: 'uid-svc-web', controller: true, blockOwnerDeletion: true },
      ],
    },
    addressType: family,
    ports: placeholder ? null : [{ name: 'http', protocol: 'TCP', port: 8080 }],
  }) as Omit<EndpointSlice, 'endpoints'>;
}

function address(p: PodSpec): EndpointAddress {
  return { ip: p.ip, nodeName: p.node, targetRef: { kind: 'Pod', namespace: 'default', name: p.name, uid: `uid-${p.name}` } };
}

/** The Endpoints object of Service web (IPv4 primary), with the 1,000-address truncation applied. */
function expectedEndpoints(pods: PodSpec[]): Endpoints {
  const byIP = (a: EndpointAddress, b: EndpointAddress) => (a.ip < b.ip ? -1 : a.ip > b.ip ? 1 : 0); // byte order
  let ready = pods.filter((p) => p.ready).map(address).sort(byIP);
  let notReady = pods.filter((p) => !p.ready).map(address).sort(byIP);
  const truncated = ready.length + notReady.length > 1000;
  if (truncated) {
    if (ready.length > 1000) {
      ready = ready.slice(0, 1000);
      notReady = [];
    } else notReady = notReady.slice(0, 1000 - ready.length);
  }
  const annotations: Record<string, string> = { 'endpoints.kubernetes.io/last-change-trigger-time': T0 };
  if (truncated) annotations['endpoints.kubernetes.io/over-capacity'] = 'truncated';
  const ep: Endpoints = withMatchers({
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: {
      name: 'web',
      namespace: 'default',
      uid: '<uid>',
      resourceVersion: '<rv>',
      creationTimestamp: T0,
      labels: { 'endpoints.kubernetes.io/managed-by': 'endpoint-controller' },
      annotations,
    },
  }) as Endpoints;
  if (pods.length > 0) {
    ep.subsets = [
      {
        ...(ready.length ? { addresses: ready } : {}),
        ...(notReady.length ? { notReadyAddresses: notReady } : {}),
        ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
      },
    ];
  }
  return ep;
}

const byAddress = (a: Endpoint, b: Endpoint) => (a.targetRef!.name! < b.targetRef!.name! ? -1 : 1);

function checkFamily(slices: EndpointSlice[], pods: PodSpec[], family: 'IPv4' | 'IPv6', max: number): void {
  const mine = slices.filter((s) => s.addressType === family);
  const n = pods.length;
  // sizes: ceil(n/max) slices, all full but the last; one placeholder when there is nothing
  const expectedSizes = n === 0 ? [0] : Array.from({ length: Math.ceil(n / max) }, (_, i) => Math.min(max, n - i * max));
  expect(mine.map((s) => s.endpoints?.length ?? 0).sort((a, b) => b - a)).toEqual(expectedSizes);
  for (const s of mine) {
    const { endpoints, ...shell } = s;
    expect(shell).toEqual(expectedSliceShell(family, n === 0));
    if (n === 0) expect(endpoints).toBeNull();
  }
  const union = mine.flatMap((s) => s.endpoints ?? []).sort(byAddress);
  expect(union).toEqual(pods.map((p) => expectedEndpoint(p, family)));
}

function run(n: number, opts: { max?: number; dual?: boolean; notReadyEvery?: number } = {}) {
  const pods = makePods(n, opts);
  const cluster = createCluster(opts.max ? { maxEndpointsPerSlice: opts.max } : {});
  cluster.apply(manifests(pods, opts.dual));
  return { pods, cluster, slices: cluster.list<EndpointSlice>('EndpointSlice'), endpoints: cluster.list<Endpoints>('Endpoints') };
}

describe('first sync at scale (default --max-endpoints-per-slice=100)', () => {
  for (const n of [0, 1, 100, 101, 250, 1200]) {
    it(`${n} pods -> ${n === 0 ? 'a placeholder' : `${Math.ceil(n / 100)} slice(s)`}, one Endpoints object`, () => {
      const { pods, cluster, slices, endpoints } = run(n);
      checkFamily(slices, pods, 'IPv4', 100);
      expect(slices).toHaveLength(n === 0 ? 1 : Math.ceil(n / 100));
      expect(endpoints).toEqual([expectedEndpoints(pods)]);
      // one create per slice and one for the Endpoints object, nothing else
      const w = cluster.writes().map(writeSummary);
      expect(w.filter((x) => x.kind === 'EndpointSlice' && x.verb === 'create')).toHaveLength(slices.length);
      expect(w.filter((x) => x.kind === 'Endpoints')).toEqual([
        { controller: 'endpoints-controller', verb: 'create', kind: 'Endpoints', namespace: 'default', name: 'web' },
      ]);
      expect(w).toHaveLength(slices.length + 1);
    });
  }

  it('250 dual-stack pods -> 100/100/50 in each family; Endpoints keep the primary family only', () => {
    const { pods, slices, endpoints } = run(250, { dual: true });
    checkFamily(slices, pods, 'IPv4', 100);
    checkFamily(slices, pods, 'IPv6', 100);
    expect(slices).toHaveLength(6);
    expect(endpoints).toEqual([expectedEndpoints(pods)]);
  });
});

describe('configured --max-endpoints-per-slice', () => {
  it('1000 (the maximum): 1200 pods -> 1000 + 200', () => {
    const { pods, slices } = run(1200, { max: 1000 });
    checkFamily(slices, pods, 'IPv4', 1000);
  });
  it('1: one endpoint per slice', () => {
    const { pods, slices } = run(3, { max: 1 });
    checkFamily(slices, pods, 'IPv4', 1);
  });
  it('outside 1..1000 is refused, as kube-controller-manager refuses the flag', () => {
    expect(() => createCluster({ maxEndpointsPerSlice: 1001 })).toThrow();
    expect(() => createCluster({ maxEndpointsPerSlice: 0 })).toThrow();
  });
});

describe('Endpoints truncation at 1,000 addresses (endpoints_controller.go truncateEndpoints)', () => {
  it('1001 ready pods: the first 1000 by IP byte order are kept, annotation over-capacity: truncated', () => {
    const { pods, slices, endpoints } = run(1001);
    expect(endpoints).toEqual([expectedEndpoints(pods)]);
    expect(endpoints[0].subsets![0].addresses).toHaveLength(1000);
    // slices are never truncated
    checkFamily(slices, pods, 'IPv4', 100);
  });
  it('ready ones are kept first: 1010 pods, every 10th not ready -> 909 ready + 91 not ready', () => {
    const { pods, endpoints } = run(1010, { notReadyEvery: 10 });
    expect(pods.filter((p) => p.ready)).toHaveLength(909);
    expect(endpoints).toEqual([expectedEndpoints(pods)]);
    expect(endpoints[0].subsets![0].notReadyAddresses).toHaveLength(91);
  });
  it('back under 1000: the over-capacity annotation is removed again', () => {
    const { cluster } = run(1001);
    cluster.delete({ kind: 'Pod', namespace: 'default', name: 'web-1001' }, { gracePeriodSeconds: 0 });
    const ep = cluster.get<Endpoints>('Endpoints', 'default', 'web')!;
    expect(ep.metadata.annotations?.['endpoints.kubernetes.io/over-capacity']).toBeUndefined();
    expect(ep.subsets![0].addresses).toHaveLength(1000);
  });
});

describe('mirroring cap (--mirroring-max-endpoints-per-subset=1000, endpointslicemirroring reconciler.go)', () => {
  it('a subset of 1001 addresses (990 ready, 11 not ready) mirrors 1000: all ready first, then 10 not ready; a Warning event', () => {
    const ip = (i: number) => `192.168.${Math.floor(i / 250)}.${1 + (i % 250)}`;
    const ready = Array.from({ length: 990 }, (_, i) => ({ ip: ip(i) }));
    const notReady = Array.from({ length: 11 }, (_, i) => ({ ip: ip(990 + i) }));
    const cluster = createCluster();
    cluster.apply([
      {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'ext', namespace: 'default', uid: 'uid-svc-ext', creationTimestamp: T0 },
        spec: { ports: [{ name: 'http', port: 80, targetPort: 8080 }] },
      },
      {
        apiVersion: 'v1',
        kind: 'Endpoints',
        metadata: { name: 'ext', namespace: 'default', uid: 'uid-ep-ext' },
        subsets: [{ addresses: ready, notReadyAddresses: notReady, ports: [{ name: 'http', port: 8080, protocol: 'TCP' }] }],
      },
    ]);
    const slices = cluster.list<EndpointSlice>('EndpointSlice');
    expect(slices).toHaveLength(1);
    // RepackSubsets sorts by IP as a byte string before the cap is applied
    const sorted = (xs: { ip: string }[]) => xs.map((a) => a.ip).sort();
    const keptNotReady = sorted(notReady).slice(0, 10);
    const { endpoints, ...shell } = slices[0];
    expect(shell).toEqual(
      withMatchers({
        apiVersion: 'discovery.k8s.io/v1',
        kind: 'EndpointSlice',
        metadata: {
          name: '<generated:ext->',
          generateName: 'ext-',
          namespace: 'default',
          uid: '<uid>',
          resourceVersion: '<rv>',
          generation: 1,
          creationTimestamp: T0,
          labels: {
            'endpointslice.kubernetes.io/managed-by': 'endpointslicemirroring-controller.k8s.io',
            'kubernetes.io/service-name': 'ext',
          },
          ownerReferences: [{ apiVersion: 'v1', kind: 'Endpoints', name: 'ext', uid: 'uid-ep-ext', controller: true, blockOwnerDeletion: true }],
        },
        addressType: 'IPv4',
        ports: [{ name: 'http', protocol: 'TCP', port: 8080 }],
      }),
    );
    const byIP = (a: Endpoint, b: Endpoint) => (a.addresses[0] < b.addresses[0] ? -1 : 1);
    expect([...(endpoints ?? [])].sort(byIP)).toEqual(
      [
        ...sorted(ready).map((a) => ({ addresses: [a], conditions: { ready: true } })),
        ...keptNotReady.map((a) => ({ addresses: [a], conditions: { ready: false } })),
      ].sort(byIP),
    );
    expect(cluster.events().map(({ type, reason, message, involved }) => ({ type, reason, message, involved }))).toEqual([
      {
        type: 'Warning',
        reason: 'TooManyAddressesToMirror',
        message: 'A max of 1000 addresses can be mirrored to EndpointSlices per Endpoints subset. 1 addresses were skipped',
        involved: { kind: 'Endpoints', namespace: 'default', name: 'ext' },
      },
    ]);
  });
});
