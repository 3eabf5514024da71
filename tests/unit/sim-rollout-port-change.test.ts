// A rollout that changes the container port behind a named targetPort (endpointslice reconciler.go: one
// slice per port set; a terminating pod stays with ready=false, serving=its readiness, terminating=true).
// Deployment of 4 with a 10 s readiness probe, default 25%/25% (rolling.go): at 10 s old 3 + new 2 (one
// old pod terminating, 30 s grace), at 20 s old 1 + new 4, at 30 s old 0 + new 4; the last old pod,
// deleted at 30 s, is gone at 60 s. Two port sets -> two slices during the rollout, one after.
import { describe, expect, it } from 'vitest';
import type { EndpointSlice, KObject, Pod, ReplicaSet } from '../../src/sim/types';
import { createCluster } from '../../src/sim/cluster/cluster';

const node = (name: string, zone: string) =>
  ({ apiVersion: 'v1', kind: 'Node', metadata: { name, labels: { 'topology.kubernetes.io/zone': zone } }, status: { conditions: [{ type: 'Ready', status: 'True' }] } }) as KObject;
const service = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'web', namespace: 'default' },
  spec: { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }] },
} as KObject;
const deployment = (containerPort: number) =>
  ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default' },
    spec: {
      replicas: 4,
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: {
          containers: [
            { name: 'web', image: `web:${containerPort}`, ports: [{ name: 'http', containerPort }], readinessProbe: { tcpSocket: { port: 'http' }, initialDelaySeconds: 10 } },
          ],
        },
      },
    },
  }) as KObject;

/** Endpoint order inside a slice is unspecified upstream (updates keep places, new ones fill in): compare by pod name. */
const byName = <T extends { targetRef?: { name?: string } }>(list: T[]) =>
  [...list].sort((a, b) => (a.targetRef!.name! < b.targetRef!.name! ? -1 : 1));

type State = 'ready' | 'notReady' | 'terminating';
const CONDITIONS: Record<State, { ready: boolean; serving: boolean; terminating: boolean }> = {
  ready: { ready: true, serving: true, terminating: false },
  notReady: { ready: false, serving: false, terminating: false },
  terminating: { ready: false, serving: true, terminating: true },
};

describe('rollout changing the named container port 8080 -> 9090', () => {
  it('gives two slices while both port sets have pods, one after', () => {
    const c = createCluster();
    c.apply([node('node-a', 'zone-a'), node('node-b', 'zone-b'), service, deployment(8080)]);
    c.advance(10);
    c.apply([deployment(9090)]);
    const [oldRS, newRS] = c
      .list<ReplicaSet>('ReplicaSet', 'default')
      .sort((a, b) => (a.metadata.annotations!['deployment.kubernetes.io/revision'] < b.metadata.annotations!['deployment.kubernetes.io/revision'] ? -1 : 1));
    const zones: Record<string, string> = { 'node-a': 'zone-a', 'node-b': 'zone-b' };

    const state = (p: Pod): State =>
      p.metadata.deletionTimestamp ? 'terminating' : p.status!.conditions!.find((x) => x.type === 'Ready')!.status === 'True' ? 'ready' : 'notReady';
    /** Hand-derived pod counts per ReplicaSet and state, then the whole slice list that follows from them. */
    const check = (want: { old: Partial<Record<State, number>>; new: Partial<Record<State, number>> }) => {
      const pods = c.list<Pod>('Pod', 'default').sort((a, b) => (a.metadata.name! < b.metadata.name! ? -1 : 1));
      const of = (rs: ReplicaSet) => pods.filter((p) => p.metadata.ownerReferences![0].uid === rs.metadata.uid);
      const count = (list: Pod[]) => {
        const out: Partial<Record<State, number>> = {};
        for (const p of list) out[state(p)] = (out[state(p)] ?? 0) + 1;
        return out;
      };
      expect({ old: count(of(oldRS)), new: count(of(newRS)) }).toEqual(want);
      const slice = (list: Pod[], port: number) => ({
        addressType: 'IPv4',
        endpoints: list.map((p) => ({
          addresses: [p.status!.podIP],
          conditions: CONDITIONS[state(p)],
          targetRef: { kind: 'Pod', namespace: 'default', name: p.metadata.name, uid: p.metadata.uid },
          nodeName: p.spec.nodeName,
          zone: zones[p.spec.nodeName!],
        })),
        ports: [{ name: 'http', protocol: 'TCP', port }],
      });
      const expected = [];
      if (of(oldRS).length) expected.push(slice(of(oldRS), 8080));
      if (of(newRS).length) expected.push(slice(of(newRS), 9090));
      const got = c
        .list<EndpointSlice>('EndpointSlice', 'default')
        .map((s) => ({ addressType: s.addressType, endpoints: byName(s.endpoints ?? []), ports: s.ports }))
        .sort((a, b) => a.ports![0].port! - b.ports![0].port!);
      expect(got).toEqual(expected);
    };

    check({ old: { ready: 3, terminating: 1 }, new: { notReady: 2 } });
    c.advance(10);
    check({ old: { ready: 1, terminating: 3 }, new: { ready: 2, notReady: 2 } });
    c.advance(10);
    check({ old: { terminating: 4 }, new: { ready: 4 } });
    c.advance(29);
    check({ old: { terminating: 1 }, new: { ready: 4 } });
    c.advance(1);
    check({ old: {}, new: { ready: 4 } });
    expect(c.list('EndpointSlice', 'default')).toHaveLength(1);
  });
});
