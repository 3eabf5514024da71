// Topology hints (reference §9): trafficDistribution heuristics and the topology-mode Auto
// CPU-proportional allocation, with its events.
import { describe, expect, it } from 'vitest';
import type { Endpoint, Node, Pod, Service } from '../types';
import { reconcileEndpointSlices, type SlicePlan } from './index';
import { ep, ipv4, newSliceMeta, node, nodes3, pod, podName, pods, service, SliceStore, T0 } from './fixtures.testutil';

const HTTP = [{ name: 'http', protocol: 'TCP' as const, port: 8080 }];
const AUTO = { 'service.kubernetes.io/topology-mode': 'Auto' };
const SERVICE_REF = { kind: 'Service' as const, namespace: 'default', name: 'web' };

function sync(svc: Service, podList: Pod[], opts: { nodes?: Map<string, Node>; store?: SliceStore; populated?: boolean } = {}): SlicePlan {
  const plan = reconcileEndpointSlices({
    service: svc,
    pods: podList,
    nodes: opts.nodes ?? nodes3(),
    existingSlices: opts.store?.slices ?? [],
    maxEndpointsPerSlice: 100,
    triggerTime: T0,
    topologyHintsPopulated: opts.populated ?? opts.store?.topologyHintsPopulated,
  });
  opts.store?.apply(plan);
  return plan;
}

const zoneHint = (zone: string) => ({ forZones: [{ name: zone }] });

function oneSlice(endpoints: Endpoint[], svc = 'web') {
  return [{ apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: newSliceMeta({ service: svc }), addressType: 'IPv4', endpoints, ports: HTTP }];
}

describe('trafficDistribution', () => {
  const three = [pod(1, { node: 'node-1' }), pod(2, { node: 'node-2', ready: false }), pod(3, { node: 'node-3' })];

  it.each(['PreferClose', 'PreferSameZone'])('%s: own-zone hint on ready endpoints only', (td) => {
    const plan = sync(service({ spec: { trafficDistribution: td } }), three);
    expect(plan.create).toStrictEqual(
      oneSlice([
        ep(ipv4(1), podName(1), { node: 'node-1', zone: 'zone-a', hints: zoneHint('zone-a') }),
        ep(ipv4(2), podName(2), { node: 'node-2', zone: 'zone-b', ready: false, serving: false }),
        ep(ipv4(3), podName(3), { node: 'node-3', zone: 'zone-c', hints: zoneHint('zone-c') }),
      ]),
    );
    expect(plan.events).toStrictEqual([]);
  });

  it('PreferSameNode: zone and node hints', () => {
    const plan = sync(service({ spec: { trafficDistribution: 'PreferSameNode' } }), three);
    expect(plan.create).toStrictEqual(
      oneSlice([
        ep(ipv4(1), podName(1), { node: 'node-1', zone: 'zone-a', hints: { forZones: [{ name: 'zone-a' }], forNodes: [{ name: 'node-1' }] } }),
        ep(ipv4(2), podName(2), { node: 'node-2', zone: 'zone-b', ready: false, serving: false }),
        ep(ipv4(3), podName(3), { node: 'node-3', zone: 'zone-c', hints: { forZones: [{ name: 'zone-c' }], forNodes: [{ name: 'node-3' }] } }),
      ]),
    );
  });

  it('an endpoint without zone gets no zone hint (PreferSameNode still gives the node hint)', () => {
    const nodes = new Map([['node-1', node('node-1', undefined)]]);
    expect(sync(service({ spec: { trafficDistribution: 'PreferClose' } }), [pod(1)], { nodes }).create).toStrictEqual(
      oneSlice([ep(ipv4(1), podName(1), { node: 'node-1' })]),
    );
    expect(sync(service({ spec: { trafficDistribution: 'PreferSameNode' } }), [pod(1)], { nodes }).create).toStrictEqual(
      oneSlice([ep(ipv4(1), podName(1), { node: 'node-1', hints: { forNodes: [{ name: 'node-1' }] } })]),
    );
  });

  it('one readiness flip in 250 pods with PreferClose → still one slice rewritten', () => {
    const svc = service({ spec: { trafficDistribution: 'PreferClose' } });
    const store = new SliceStore();
    sync(svc, pods(250), { store });
    const flipped = pods(250).map((p, k) => (k === 10 ? pod(11, { node: p.spec.nodeName, ready: false }) : p));
    const plan = sync(svc, flipped, { store });
    expect(plan.create).toStrictEqual([]);
    expect(plan.delete).toStrictEqual([]);
    expect(plan.update).toHaveLength(1);
    expect(plan.update[0].metadata.name).toBe(store.slices[0].metadata.name);
    expect(plan.update[0].endpoints![10]).toStrictEqual(ep(ipv4(11), podName(11), { node: 'node-2', zone: 'zone-b', ready: false, serving: false }));
    expect(plan.update[0].endpoints![9].hints).toStrictEqual(zoneHint('zone-a'));
  });

  it('trafficDistribution removed → hints stripped from existing slices', () => {
    const store = new SliceStore();
    sync(service({ spec: { trafficDistribution: 'PreferClose' } }), [pod(1)], { store });
    const [old] = store.slices;
    const plan = sync(service(), [pod(1)], { store });
    expect(plan.update).toStrictEqual([{ ...old, endpoints: [ep(ipv4(1), podName(1), { zone: 'zone-a' })] }]);
    expect(plan.events).toStrictEqual([]);
  });
});

describe('topology-mode: Auto', () => {
  // node-1/zone-a runs pods 1–4, node-2/zone-b pod 5, node-3/zone-c pod 6; equal CPU per zone.
  const skewed = () => [1, 2, 3, 4].map((i) => pod(i, { node: 'node-1' })).concat([pod(5, { node: 'node-2' }), pod(6, { node: 'node-3' })]);

  it('CPU-proportional allocation: zone-a gives two of its four hints away, Enabled event', () => {
    // 6 ready endpoints, 1/3 of the CPU per zone → desired 2 each (minimum ceil(2/1.2) = 2).
    // zone-a starts with 4 own-zone hints: its first two endpoints move to zone-b and zone-c.
    const plan = sync(service({ annotations: AUTO }), skewed());
    expect(plan.create).toStrictEqual(
      oneSlice([
        ep(ipv4(1), podName(1), { node: 'node-1', zone: 'zone-a', hints: zoneHint('zone-b') }),
        ep(ipv4(2), podName(2), { node: 'node-1', zone: 'zone-a', hints: zoneHint('zone-c') }),
        ep(ipv4(3), podName(3), { node: 'node-1', zone: 'zone-a', hints: zoneHint('zone-a') }),
        ep(ipv4(4), podName(4), { node: 'node-1', zone: 'zone-a', hints: zoneHint('zone-a') }),
        ep(ipv4(5), podName(5), { node: 'node-2', zone: 'zone-b', hints: zoneHint('zone-b') }),
        ep(ipv4(6), podName(6), { node: 'node-3', zone: 'zone-c', hints: zoneHint('zone-c') }),
      ]),
    );
    expect(plan.events).toStrictEqual([
      { type: 'Normal', reason: 'TopologyAwareHintsEnabled', message: 'Topology Aware Hints has been enabled, addressType: IPv4', source: 'endpoint-slice-controller', involved: SERVICE_REF },
    ]);
    expect(plan.topologyHintsPopulated).toBe(true);
  });

  it('the deprecated topology-aware-hints annotation wins over topology-mode', () => {
    const svc = service({ annotations: { ...AUTO, 'service.kubernetes.io/topology-aware-hints': 'Disabled' } });
    expect(sync(svc, skewed()).create[0].endpoints!.every((e) => e.hints === undefined)).toBe(true);
  });

  it('next sync with nothing changed: no writes, no second Enabled event', () => {
    const store = new SliceStore();
    sync(service({ annotations: AUTO }), skewed(), { store });
    expect(sync(service({ annotations: AUTO }), skewed(), { store })).toStrictEqual({ create: [], update: [], delete: [], events: [], topologyHintsPopulated: true });
  });

  it('fewer ready endpoints than zones → no hints, Warning event every sync', () => {
    const plan = sync(service({ annotations: AUTO }), [pod(1), pod(2, { node: 'node-2' })]);
    expect(plan.create[0].endpoints!.map((e) => e.hints)).toStrictEqual([undefined, undefined]);
    expect(plan.events).toStrictEqual([
      { type: 'Warning', reason: 'TopologyAwareHintsDisabled', message: 'Insufficient number of endpoints (2 endpoints, 3 zones), addressType: IPv4', source: 'endpoint-slice-controller', involved: SERVICE_REF },
    ]);
  });

  it('a worker node without zone label → insufficient node info; control-plane nodes are ignored', () => {
    const noZone = nodes3();
    noZone.set('node-4', node('node-4', undefined));
    expect(sync(service({ annotations: AUTO }), skewed(), { nodes: noZone }).events.map((e) => e.message)).toStrictEqual([
      'Insufficient Node information: allocatable CPU or zone not specified on one or more nodes, addressType: IPv4',
    ]);
    const controlPlane = nodes3();
    controlPlane.set('cp', node('cp', undefined, { labels: { 'node-role.kubernetes.io/control-plane': '' } }));
    expect(sync(service({ annotations: AUTO }), skewed(), { nodes: controlPlane }).events.map((e) => e.reason)).toStrictEqual(['TopologyAwareHintsEnabled']);
  });

  it('a zone with most of the CPU gets most of the hints; minimums that cannot fit → disabled', () => {
    const big = new Map([
      ['node-1', node('node-1', 'zone-a', { cpu: '10' })],
      ['node-2', node('node-2', 'zone-b', { cpu: '1' })],
    ]);
    // 2 endpoints: zone-a desired 1.82 → minimum 2; zone-b minimum 1 → 3 > 2: overload.
    const plan = sync(service({ annotations: AUTO }), [pod(1, { node: 'node-2' }), pod(2, { node: 'node-2' })], { nodes: big });
    expect(plan.events.map((e) => e.message)).toStrictEqual([
      'Unable to allocate minimum required endpoints to each zone without exceeding overload threshold (2 endpoints, 2 zones), addressType: IPv4',
    ]);
  });

  it('without the flag passed back, an annotation still on means "already announced"', () => {
    const store = new SliceStore();
    sync(service({ annotations: AUTO }), skewed(), { store });
    store.topologyHintsPopulated = undefined;
    expect(sync(service({ annotations: AUTO }), skewed(), { store }).events).toStrictEqual([]);
  });

  it('annotation removed → Warning TopologyAwareHintsDisabled and hints removed', () => {
    const store = new SliceStore();
    sync(service({ annotations: AUTO }), skewed(), { store });
    const [old] = store.slices;
    const plan = sync(service(), skewed(), { store });
    expect(plan.update).toStrictEqual([{ ...old, endpoints: old.endpoints!.map(({ hints: _h, ...rest }) => rest) }]);
    expect(plan.events).toStrictEqual([
      { type: 'Warning', reason: 'TopologyAwareHintsDisabled', message: 'Topology Aware Hints has been disabled, addressType: IPv4', source: 'endpoint-slice-controller', involved: SERVICE_REF },
    ]);
    expect(plan.topologyHintsPopulated).toBe(false);
  });
});
