// Node events and the EndpointSlice controller, as upstream wires them (expected values written from the
// source before the simulator followed it). pkg/controller/endpointslice/endpointslice_controller.go:
// addNode and deleteNode call checkNodeTopologyDistribution; updateNode does so only when the Node's
// Ready condition flips or its topology.kubernetes.io/zone label changes. checkNodeTopologyDistribution
// feeds the topology cache (SetNodes) and queues only the Services GetOverloadedServices names: those
// with hints whose zones no longer hold ceil(total × zoneCPUShare / 1.2) endpoints
// (topologycache.go serviceOverloaded). No other Service is synced. The Endpoints controller
// (pkg/controller/endpoint) has no Node handler at all.
import { describe, expect, it } from 'vitest';
import type { EndpointSlice, Endpoints, KObject, SimEvent } from '../types';
import { createCluster } from './cluster';
import { node, pod, service } from './testkit.testutil';

const NODES = [node('node-a', 'zone-a'), node('node-b', 'zone-b'), node('node-c', 'zone-c')];
const PODS = ['a', 'b', 'c'].map((z) => pod(`web-${z}`, { app: 'web' }, { nodeName: `node-${z}` }));
const TOPOLOGY_AUTO = { metadata: { name: 'web', namespace: 'default', annotations: { 'service.kubernetes.io/topology-mode': 'Auto' } } };

function start(svc: KObject = service('web')) {
  const c = createCluster();
  c.apply([...NODES, svc, ...PODS]);
  return { c, since: c.writes().length };
}
const endpointWrites = (c: ReturnType<typeof createCluster>, since: number) =>
  c.writes().slice(since).filter((w) => w.kind === 'EndpointSlice' || w.kind === 'Endpoints');
const slice = (c: ReturnType<typeof createCluster>) => c.list<EndpointSlice>('EndpointSlice')[0];
const nodeNames = (s: EndpointSlice) => (s.endpoints ?? []).map((e) => e.nodeName);

describe('Node events feed only the topology cache (endpointslice_controller.go addNode/updateNode/deleteNode)', () => {
  it('deleting a Node queues no Service without hints: its pod stays in the slice and in Endpoints', () => {
    const { c, since } = start();
    const before = slice(c);
    expect(nodeNames(before)).toEqual(['node-a', 'node-b', 'node-c']);
    c.delete({ kind: 'Node', name: 'node-c' });
    expect(endpointWrites(c, since)).toEqual([]);
    expect(slice(c)).toEqual(before);
    expect(c.get<Endpoints>('Endpoints', 'default', 'web')!.subsets![0].addresses!.map((a) => a.nodeName)).toEqual(['node-a', 'node-b', 'node-c']);
  });

  it('the next sync of that Service (a pod of it changed) leaves out the pod whose Node is gone', () => {
    const { c } = start();
    c.delete({ kind: 'Node', name: 'node-c' });
    c.setPodReady('default', 'web-a', false);
    expect(nodeNames(slice(c))).toEqual(['node-a', 'node-b']);
    expect((slice(c).endpoints ?? []).map((e) => e.conditions?.ready)).toEqual([false, true]);
  });

  it('a zone label change queues no Service without hints: endpoints keep the zone they were written with', () => {
    const { c, since } = start();
    const relabelled = node('node-a', 'zone-x');
    c.apply([relabelled]);
    expect(endpointWrites(c, since)).toEqual([]);
    expect((slice(c).endpoints ?? []).map((e) => e.zone)).toEqual(['zone-a', 'zone-b', 'zone-c']);
  });

  it('a new Node in a fourth zone overloads a Service with hints: it alone is synced and its hints go', () => {
    const other = service('other', { app: 'other' });
    const hinted = { ...service('web'), ...TOPOLOGY_AUTO };
    const c = createCluster();
    c.apply([...NODES, hinted, other, ...PODS, pod('other-a', { app: 'other' }, { nodeName: 'node-a' })]);
    const web = () => c.list<EndpointSlice>('EndpointSlice').find((s) => s.metadata.labels!['kubernetes.io/service-name'] === 'web')!;
    expect((web().endpoints ?? []).map((e) => e.hints)).toEqual([
      { forZones: [{ name: 'zone-a' }] },
      { forZones: [{ name: 'zone-b' }] },
      { forZones: [{ name: 'zone-c' }] },
    ]);
    const since = c.writes().length;
    c.apply([node('node-d', 'zone-d')]);
    // zone-d holds none of web's 3 endpoints (needs ceil(3 × 0.25 / 1.2) = 1): overloaded, queued.
    // With 4 zones and 3 endpoints, getAllocations gives up: InsufficientNumberOfEndpoints.
    expect(endpointWrites(c, since).map((w) => [w.controller, w.verb, w.kind, w.name.startsWith('web-')])).toEqual([
      ['endpointslice-controller', 'update', 'EndpointSlice', true],
    ]);
    expect((web().endpoints ?? []).map((e) => e.hints)).toEqual([undefined, undefined, undefined]);
    const last = c.events().at(-1) as SimEvent;
    expect([last.type, last.reason, last.message, last.involved.name]).toEqual([
      'Warning',
      'TopologyAwareHintsDisabled',
      'Insufficient number of endpoints (3 endpoints, 4 zones), addressType: IPv4',
      'web',
    ]);
  });

  it('a Node update that changes neither readiness nor zone queues nothing, even for a Service with hints', () => {
    const hinted = { ...service('web'), ...TOPOLOGY_AUTO };
    const c = createCluster();
    c.apply([...NODES, hinted, ...PODS]);
    const since = c.writes().length;
    const bigger = node('node-a', 'zone-a');
    (bigger.status as { allocatable: { cpu: string } }).allocatable.cpu = '64';
    c.apply([bigger]);
    expect(endpointWrites(c, since)).toEqual([]);
  });
});
