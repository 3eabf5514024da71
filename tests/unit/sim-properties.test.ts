// Property tests of the endpoint simulator through its public API (createCluster), with fast-check.
// For random pod sets (labels, readiness, terminating, terminal/IP-less pods, named ports, address families,
// pods on missing Nodes) and a small random --max-endpoints-per-slice:
//   1. no slice holds more than maxEndpointsPerSlice endpoints;
//   2. per address family and resolved port set, the union of the slices' endpoints equals the set the
//      Kubernetes rules ask for (§2-§5, §8 of the reference): nothing lost, nothing duplicated, every field
//      exact; a family without endpoints has exactly one placeholder slice;
// and for a random one-pod change (readiness flip, graceful or immediate delete, new pod, relabel):
//   3. the EndpointSlice controller writes exactly one slice per family whose desired endpoint for that pod
//      changed, and none otherwise (reconcileByPortMapping touches the slice holding the endpoint, or one slice
//      to place it; recycling turns a create+delete into one update) — so never more than 2 for a pod;
//   4. the invariants 1-2 still hold afterwards.
// The expected endpoint of a pod is computed here from the rules, independently of src/sim.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createCluster } from '../../src/sim/index';
import type { Cluster, Endpoint, EndpointSlice, KObject } from '../../src/sim/index';

type Family = 'IPv4' | 'IPv6';
const T0 = '2024-01-01T00:00:00Z';
const ZONES: Record<string, string> = { 'node-a': 'zone-a', 'node-b': 'zone-b' };

interface SvcModel {
  ports: 'numeric' | 'named' | 'two-named';
  dual: boolean;
  pnra: boolean;
}

interface PodModel {
  id: number;
  selected: boolean;
  ready: boolean;
  terminating: boolean;
  phase: 'Running' | 'Succeeded' | 'Pending';
  node: 'node-a' | 'node-b' | 'node-gone';
  hasIPv6: boolean;
  http?: 8080 | 8081;
  metrics: boolean;
}

const podName = (id: number) => `p-${String(id).padStart(3, '0')}`;
const ipv4 = (id: number) => `10.244.${1 + Math.floor(id / 200)}.${1 + (id % 200)}`;
const ipv6 = (id: number) => `fd00:10:244::${(id + 1).toString(16)}`;

const podArb = (id: number): fc.Arbitrary<PodModel> =>
  fc.record({
    id: fc.constant(id),
    selected: fc.boolean(),
    ready: fc.boolean(),
    terminating: fc.boolean(),
    phase: fc.constantFrom('Running', 'Running', 'Running', 'Running', 'Succeeded', 'Pending'),
    node: fc.constantFrom('node-a', 'node-b', 'node-a', 'node-b', 'node-gone'),
    hasIPv6: fc.boolean(),
    http: fc.constantFrom(8080, 8081, 8080, undefined),
    metrics: fc.boolean(),
  }) as fc.Arbitrary<PodModel>;

const svcArb: fc.Arbitrary<SvcModel> = fc.record({
  ports: fc.constantFrom('numeric', 'named', 'two-named'),
  dual: fc.boolean(),
  pnra: fc.boolean(),
}) as fc.Arbitrary<SvcModel>;

const podsArb = fc.integer({ min: 0, max: 30 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => podArb(i))));

// ---- manifests --------------------------------------------------------------------------------

function serviceManifest(s: SvcModel): KObject {
  const ports =
    s.ports === 'numeric'
      ? [{ name: 'http', port: 80, targetPort: 8080 }]
      : s.ports === 'named'
        ? [{ name: 'http', port: 80, targetPort: 'http' }]
        : [
            { name: 'http', port: 80, targetPort: 'http' },
            { name: 'metrics', port: 9090, targetPort: 'metrics' },
          ];
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'web', namespace: 'default', uid: 'uid-svc-web', creationTimestamp: T0 },
    spec: {
      selector: { app: 'web' },
      ports,
      ...(s.pnra ? { publishNotReadyAddresses: true } : {}),
      ...(s.dual ? { ipFamilyPolicy: 'RequireDualStack', ipFamilies: ['IPv4', 'IPv6'] } : {}),
    },
  };
}

function podManifest(p: PodModel): KObject {
  const containerPorts = [
    ...(p.http ? [{ name: 'http', containerPort: p.http }] : []),
    ...(p.metrics ? [{ name: 'metrics', containerPort: 9090 }] : []),
  ];
  const ips = p.phase === 'Pending' ? [] : [ipv4(p.id), ...(p.hasIPv6 ? [ipv6(p.id)] : [])];
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: podName(p.id),
      namespace: 'default',
      uid: `uid-${podName(p.id)}`,
      labels: { app: p.selected ? 'web' : 'other' },
      ...(p.terminating ? { deletionTimestamp: '2024-01-01T00:10:00Z', deletionGracePeriodSeconds: 600 } : {}),
    },
    spec: { nodeName: p.node, containers: [{ name: 'app', image: 'nginx', ports: containerPorts }] },
    status: {
      phase: p.phase,
      ...(ips.length ? { podIP: ips[0], podIPs: ips.map((ip) => ({ ip })) } : {}),
      conditions: [{ type: 'Ready', status: p.ready ? 'True' : 'False', lastTransitionTime: T0 }],
    },
  };
}

const NODES: KObject[] = Object.entries(ZONES).map(([name, zone]) => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name, labels: { 'topology.kubernetes.io/zone': zone } },
}));

// ---- the rules, independently of src/sim ---------------------------------------------------------

function resolvedPortsKey(s: SvcModel, p: PodModel): string {
  const ports: { name: string; protocol: string; port: number }[] = [];
  if (s.ports === 'numeric') ports.push({ name: 'http', protocol: 'TCP', port: 8080 });
  else {
    if (p.http) ports.push({ name: 'http', protocol: 'TCP', port: p.http }); // FindPort by name + protocol
    if (s.ports === 'two-named' && p.metrics) ports.push({ name: 'metrics', protocol: 'TCP', port: 9090 });
  }
  return JSON.stringify(ports);
}

function slicePortsKey(s: EndpointSlice): string {
  const ports = [...(s.ports ?? [])].sort((a, b) => ((a.name ?? '') < (b.name ?? '') ? -1 : 1));
  return JSON.stringify(ports.map((p) => ({ name: p.name, protocol: p.protocol, port: p.port })));
}

/** The endpoint a pod must have in a slice of `family`, or undefined when it has none (§2, §3, §8). */
function desiredEndpoint(s: SvcModel, p: PodModel, family: Family): Endpoint | undefined {
  if (!p.selected || p.phase !== 'Running') return undefined; // not selected, terminal, or no IP
  if (p.node === 'node-gone' && !s.pnra) return undefined;
  if (family === 'IPv6' && !p.hasIPv6) return undefined;
  const ep: Endpoint = {
    addresses: [family === 'IPv4' ? ipv4(p.id) : ipv6(p.id)],
    conditions: { ready: s.pnra || (p.ready && !p.terminating), serving: p.ready, terminating: p.terminating },
    targetRef: { kind: 'Pod', namespace: 'default', name: podName(p.id), uid: `uid-${podName(p.id)}` },
    nodeName: p.node,
  };
  if (ZONES[p.node]) ep.zone = ZONES[p.node];
  return ep;
}

const families = (s: SvcModel): Family[] => (s.dual ? ['IPv4', 'IPv6'] : ['IPv4']);
const byName = (a: Endpoint, b: Endpoint) => (a.targetRef!.name! < b.targetRef!.name! ? -1 : 1);

/** Invariants 1 and 2 on the cluster's current slices. */
function checkSlices(cluster: Cluster, s: SvcModel, pods: PodModel[], max: number): void {
  const slices = cluster.list<EndpointSlice>('EndpointSlice');
  for (const slice of slices) expect(slice.endpoints?.length ?? 0).toBeLessThanOrEqual(max);
  for (const family of families(s)) {
    const mine = slices.filter((x) => x.addressType === family);
    // desired: port-set key -> endpoints
    const desired = new Map<string, Endpoint[]>();
    for (const p of pods) {
      const ep = desiredEndpoint(s, p, family);
      if (!ep) continue;
      const key = resolvedPortsKey(s, p);
      desired.set(key, [...(desired.get(key) ?? []), ep]);
    }
    if (desired.size === 0) {
      // placeholder only
      expect(mine.map((x) => [x.endpoints, x.ports])).toEqual([[null, null]]);
      continue;
    }
    // Upstream registers a pod's port group before it skips the pod (missing Node, no address of this
    // family: reconcileByAddressType), so a pod that resolves no port keeps the "[]" group alive with no
    // endpoints, and an existing placeholder (ports []) in that group stays unchanged next to real slices.
    const emptyGroupRegistered = pods.some((p) => p.selected && p.phase === 'Running' && resolvedPortsKey(s, p) === '[]');
    const actual = new Map<string, Endpoint[]>();
    for (const slice of mine) {
      if ((slice.endpoints?.length ?? 0) === 0 && emptyGroupRegistered && slice.ports === null) continue;
      expect(slice.endpoints?.length ?? 0).toBeGreaterThan(0); // otherwise no empty slice next to real ones
      const key = slicePortsKey(slice);
      actual.set(key, [...(actual.get(key) ?? []), ...(slice.endpoints ?? [])]);
    }
    expect(new Set(actual.keys())).toEqual(new Set(desired.keys()));
    for (const [key, eps] of desired) expect([...actual.get(key)!].sort(byName)).toEqual([...eps].sort(byName));
  }
}

// ---- the one-pod changes ------------------------------------------------------------------------

type Change =
  | { kind: 'ready'; index: number }
  | { kind: 'delete-now'; index: number }
  | { kind: 'delete-graceful'; index: number }
  | { kind: 'relabel'; index: number }
  | { kind: 'add'; pod: PodModel };

function applyChange(cluster: Cluster, pods: PodModel[], c: Change): PodModel[] {
  if (c.kind === 'add') {
    cluster.apply([podManifest(c.pod)]);
    return [...pods, c.pod];
  }
  const p = pods[c.index];
  const name = podName(p.id);
  const rest = pods.filter((_, i) => i !== c.index);
  switch (c.kind) {
    case 'ready':
      cluster.setPodReady('default', name, !p.ready);
      return [...rest, { ...p, ready: !p.ready }];
    case 'delete-now':
      cluster.delete({ kind: 'Pod', namespace: 'default', name }, { gracePeriodSeconds: 0 });
      return rest;
    case 'delete-graceful': {
      cluster.delete({ kind: 'Pod', namespace: 'default', name }, { gracePeriodSeconds: 30 });
      // pods that never ran on a node, or have finished, are removed at once (pod strategy CheckGracefulDelete)
      const immediate = p.phase !== 'Running';
      return immediate ? rest : [...rest, { ...p, terminating: true }];
    }
    case 'relabel': {
      const q = { ...p, selected: !p.selected };
      cluster.apply([podManifest(q)]);
      return [...rest, q];
    }
  }
}

const changeArb = (pods: PodModel[]): fc.Arbitrary<Change> => {
  const add = podArb(1000).map((pod) => ({ kind: 'add' as const, pod }));
  if (pods.length === 0) return add;
  const index = fc.integer({ min: 0, max: pods.length - 1 });
  return fc.oneof(
    index.map((i) => ({ kind: 'ready' as const, index: i })),
    index.map((i) => ({ kind: 'delete-now' as const, index: i })),
    index.map((i) => ({ kind: 'delete-graceful' as const, index: i })),
    index.map((i) => ({ kind: 'relabel' as const, index: i })),
    add,
  );
};

/** The pod the change is about (the same id before and after). */
const changedId = (pods: PodModel[], c: Change) => (c.kind === 'add' ? c.pod.id : pods[c.index].id);

describe('simulator properties (fast-check, through createCluster)', () => {
  it('random pod sets: slices within the limit, no endpoint lost or duplicated, exact content', () => {
    fc.assert(
      fc.property(svcArb, podsArb, fc.integer({ min: 1, max: 8 }), (s, pods, max) => {
        const cluster = createCluster({ maxEndpointsPerSlice: max });
        cluster.apply([...NODES, serviceManifest(s), ...pods.map(podManifest)]);
        checkSlices(cluster, s, pods, max);
      }),
      { numRuns: 150 },
    );
  });

  it('a one-pod change writes exactly the slices whose endpoint for that pod changed (at most one per family)', () => {
    const scenario = fc
      .tuple(svcArb, podsArb, fc.integer({ min: 1, max: 8 }))
      .chain(([s, pods, max]) => changeArb(pods).map((change) => ({ s, pods, max, change })));
    fc.assert(
      fc.property(scenario, ({ s, pods, max, change }) => {
        const cluster = createCluster({ maxEndpointsPerSlice: max });
        cluster.apply([...NODES, serviceManifest(s), ...pods.map(podManifest)]);
        const before = cluster.list<EndpointSlice>('EndpointSlice');
        const seq = cluster.writes().length;
        const id = changedId(pods, change);
        const oldPod = pods.find((p) => p.id === id);
        const after = applyChange(cluster, pods, change);
        const newPod = after.find((p) => p.id === id);

        checkSlices(cluster, s, after, max);

        const now = cluster.list<EndpointSlice>('EndpointSlice');
        const familyOf = (name: string) =>
          (now.find((x) => x.metadata.name === name) ?? before.find((x) => x.metadata.name === name))!.addressType;
        const sliceWrites = cluster
          .writes()
          .slice(seq)
          .filter((w) => w.kind === 'EndpointSlice');
        expect(sliceWrites.every((w) => w.controller === 'endpointslice-controller')).toBe(true);
        expect(sliceWrites.length).toBeLessThanOrEqual(2);
        for (const family of families(s)) {
          const was = oldPod && desiredEndpoint(s, oldPod, family);
          const is = newPod && desiredEndpoint(s, newPod, family);
          const changed =
            JSON.stringify(was ?? null) !== JSON.stringify(is ?? null) ||
            (was && is && resolvedPortsKey(s, oldPod!) !== resolvedPortsKey(s, newPod!));
          const written = sliceWrites.filter((w) => familyOf(w.name) === family);
          expect(written.length).toBe(changed ? 1 : 0);
        }
      }),
      { numRuns: 200 },
    );
  });
});
