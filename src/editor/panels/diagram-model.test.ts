import { describe, expect, it } from 'vitest';
import { settledCluster, stateOf } from '../../sim';
import type { EndpointSlice, KObject, Service, SimulationResult } from '../../sim/types';
import { diagramModel, FOLD_ABOVE, podDetails } from './diagram-model';

const deployment = (name: string, replicas: number): KObject =>
  ({
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name, namespace: 'default' },
    spec: { replicas, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'c', image: 'nginx', ports: [{ containerPort: 8080 }] }] } } },
  }) as KObject;
const service = (name: string): KObject =>
  ({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' }, spec: { selector: { app: name }, ports: [{ name: 'http', port: 80, targetPort: 8080 }] } }) as KObject;

describe('diagramModel', () => {
  it('at 300 pods: three folded slices of 100 with counts, the legacy Endpoints beside, Nodes by zone', () => {
    const cluster = settledCluster([deployment('web', 300), service('web')]).fork();
    const pod = cluster.list('Pod')[0].metadata.name!;
    cluster.setPodReady('default', pod, false);
    const [view] = diagramModel(stateOf(cluster));
    expect(view.name).toBe('web');
    expect(view.ports).toBe('http 80→8080/TCP');
    expect(view.selector).toBe('app=web');
    expect(view.slices.map((s) => [s.endpoints.length, s.folded, s.ports])).toEqual([
      [100, true, 'http:8080/TCP'],
      [100, true, 'http:8080/TCP'],
      [100, true, 'http:8080/TCP'],
    ]);
    const counts = view.slices.map((s) => s.counts);
    expect(counts.reduce((n, c) => n + c.ready, 0)).toBe(299);
    expect(counts.reduce((n, c) => n + c['not-ready'], 0)).toBe(1);
    const flipped = view.slices.flatMap((s) => s.endpoints).find((e) => e.pod === pod)!;
    expect(flipped).toMatchObject({ key: `pod/${pod}`, state: 'not-ready', words: 'not ready' });
    expect(flipped.node).toMatch(/^node-/);
    expect(view.legacy).toEqual({ name: 'web', ready: 299, notReady: 1, ports: 'http:8080/TCP', overCapacity: undefined });
    expect(view.zones.flatMap((z) => z.nodes).reduce((n, x) => n + x.endpoints, 0)).toBe(300);
    expect(view.summary).toBe('Service web: 3 EndpointSlices, 299 ready, 0 serving and terminating, 0 terminating, 1 not ready; legacy Endpoints web: 299 ready and 1 not-ready addresses.');
  });

  it(`a small slice (at most ${FOLD_ABOVE} endpoints) is not folded; a terminating pod (replaced by its ReplicaSet) is serving, terminating`, () => {
    const cluster = settledCluster([deployment('web', 3), service('web')]).fork();
    const pod = cluster.list('Pod')[0].metadata.name!;
    cluster.delete({ kind: 'Pod', namespace: 'default', name: pod }, { gracePeriodSeconds: 30 });
    const state = stateOf(cluster);
    const [view] = diagramModel(state);
    expect(view.slices.map((s) => s.folded)).toEqual([false]);
    expect(view.slices[0].counts).toEqual({ ready: 3, 'serving-terminating': 1, terminating: 0, 'not-ready': 0 });
    expect(podDetails(state, 'default', pod)).toMatchObject({ name: pod, phase: 'Running', ready: true, terminating: true, labels: expect.stringContaining('app=web') });
    expect(podDetails(state, 'default', 'nope')).toBeUndefined();
  });

  it('shows hints per endpoint and a hand-made slice without Pods', () => {
    const svc: Service = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'db', namespace: 'default' }, spec: { ports: [{ port: 5432 }] } };
    const slice: EndpointSlice = {
      apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', addressType: 'IPv4',
      metadata: { name: 'db-1', namespace: 'default', labels: { 'kubernetes.io/service-name': 'db', 'endpointslice.kubernetes.io/managed-by': 'staff' } },
      ports: [{ port: 5432, protocol: 'TCP' }],
      endpoints: [{ addresses: ['10.1.2.3'], zone: 'zone-a', hints: { forZones: [{ name: 'zone-a' }] } }],
    };
    const state: SimulationResult = { services: [svc], endpointSlices: [slice], endpoints: [], pods: [], writes: [], events: [] };
    const [view] = diagramModel(state);
    expect(view.selector).toBeUndefined();
    expect(view.legacy).toBeUndefined();
    expect(view.slices[0]).toMatchObject({ name: 'db-1', managedBy: 'staff', ports: '5432/TCP' });
    expect(view.slices[0].endpoints).toEqual([{ key: 'db-1/10.1.2.3', addresses: ['10.1.2.3'], state: 'ready', words: 'ready', pod: undefined, node: undefined, zone: 'zone-a', hints: 'zone-a' }]);
    expect(view.summary).toContain('no legacy Endpoints object');
  });
});
