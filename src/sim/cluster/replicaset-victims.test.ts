// Expectations written by hand from pkg/controller/controller_utils.go ActivePodsWithRanks.Less and
// pkg/controller/replicaset/replica_set.go getPodsToDelete (1.35: LogarithmicScaleDown GA,
// PodDeletionCost beta on). Ages are bucketed by floor(log2(nanoseconds)): 2^33 ns ≈ 8.6 s,
// 2^34 ≈ 17.2 s, 2^35 ≈ 34.4 s, 2^36 ≈ 68.7 s.
import { describe, expect, it } from 'vitest';
import type { Pod } from '../types';
import { deleteFirst, deletionCost, getPodsToDelete, logarithmicRankDiff } from './replicaset-victims';

const NOW = '2024-01-01T00:01:00Z'; // 60 s after T0
const T0 = '2024-01-01T00:00:00Z';
const at = (s: number) => new Date(Date.parse(T0) + s * 1000).toISOString().replace('.000Z', 'Z');

interface P {
  name: string;
  uid?: string;
  node?: string;
  phase?: string;
  ready?: boolean;
  readySince?: number;
  created?: number;
  restarts?: number;
  cost?: string;
  deleting?: boolean;
}
function pod(o: P): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: o.name,
      namespace: 'default',
      uid: o.uid ?? `uid-${o.name}`,
      creationTimestamp: at(o.created ?? 0),
      ...(o.cost !== undefined ? { annotations: { 'controller.kubernetes.io/pod-deletion-cost': o.cost } } : {}),
      ...(o.deleting ? { deletionTimestamp: at(30) } : {}),
    },
    spec: { containers: [{ name: 'app', image: 'nginx' }], ...(o.node === '' ? {} : { nodeName: o.node ?? 'node-a' }) },
    status: {
      phase: (o.phase ?? 'Running') as 'Running',
      conditions: [{ type: 'Ready', status: o.ready === false ? 'False' : 'True', lastTransitionTime: at(o.readySince ?? o.created ?? 0) }],
      containerStatuses: [{ name: 'app', restartCount: o.restarts ?? 0 }],
    } as Pod['status'],
  };
}
const names = (pods: Pod[]) => pods.map((p) => p.metadata.name);
const first = (a: P, b: P, rankA = 0, rankB = 0) => deleteFirst(pod(a), rankA, pod(b), rankB, Date.parse(NOW));

describe('ActivePodsWithRanks.Less, rule by rule', () => {
  it('1. an unassigned pod goes before an assigned one', () => {
    expect(first({ name: 'a', node: '' }, { name: 'b', node: 'node-a' })).toBe(true);
    expect(first({ name: 'b', node: 'node-a' }, { name: 'a', node: '' })).toBe(false);
  });
  it('2. Pending < Unknown < Running', () => {
    expect(first({ name: 'a', phase: 'Pending' }, { name: 'b', phase: 'Unknown' })).toBe(true);
    expect(first({ name: 'a', phase: 'Unknown' }, { name: 'b', phase: 'Running' })).toBe(true);
    expect(first({ name: 'a', phase: 'Running' }, { name: 'b', phase: 'Pending' })).toBe(false);
  });
  it('3. not ready before ready, whatever the rank', () => {
    expect(first({ name: 'a', ready: false }, { name: 'b' }, 0, 5)).toBe(true);
    expect(first({ name: 'b' }, { name: 'a', ready: false }, 5, 0)).toBe(false);
  });
  it('4. lower pod-deletion-cost first; a malformed cost counts as 0', () => {
    expect(first({ name: 'a', cost: '-5' }, { name: 'b' })).toBe(true);
    expect(first({ name: 'a', cost: '10' }, { name: 'b', cost: 'ten' })).toBe(false);
    expect(deletionCost(pod({ name: 'x', cost: '+7' }))).toBe(7);
    expect(deletionCost(pod({ name: 'x', cost: '2147483648' }))).toBe(0);
  });
  it('5. more related pods on the same node first (the higher rank)', () => {
    expect(first({ name: 'a' }, { name: 'b' }, 3, 1)).toBe(true);
    expect(first({ name: 'a' }, { name: 'b' }, 1, 3)).toBe(false);
  });
  it('6. ready for a shorter time first, in log2 buckets of the time since ready', () => {
    // ready 10 s ago (bucket 33) vs 20 s ago (bucket 34)
    expect(first({ name: 'a', readySince: 50 }, { name: 'b', readySince: 40 })).toBe(true);
    expect(first({ name: 'b', readySince: 40 }, { name: 'a', readySince: 50 })).toBe(false);
    // 10 s and 12 s ago share bucket 33: the lower uid goes first, not the more recent one
    expect(first({ name: 'a', uid: 'bbb', readySince: 50 }, { name: 'b', uid: 'aaa', readySince: 48 })).toBe(false);
    expect(first({ name: 'b', uid: 'aaa', readySince: 48 }, { name: 'a', uid: 'bbb', readySince: 50 })).toBe(true);
  });
  it('7. more container restarts first', () => {
    expect(first({ name: 'a', restarts: 3 }, { name: 'b', restarts: 1 })).toBe(true);
    expect(first({ name: 'a', restarts: 1 }, { name: 'b', restarts: 3 })).toBe(false);
  });
  it('8. newer creation first in log2 buckets; same bucket → lower uid; all equal → neither', () => {
    // created 10 s ago (bucket 33) vs 50 s ago (bucket 35); both ready since creation, so rule 6 decides
    // the same way: make ready times equal to reach rule 8
    expect(first({ name: 'a', created: 50, readySince: 55 }, { name: 'b', created: 10, readySince: 55 })).toBe(true);
    // created 60 s and 55 s ago: both in bucket 35, so the uid decides
    expect(first({ name: 'a', uid: 'zzz', created: 5, readySince: 55 }, { name: 'b', uid: 'aaa', created: 0, readySince: 55 })).toBe(false);
    expect(first({ name: 'b', uid: 'aaa', created: 0, readySince: 55 }, { name: 'a', uid: 'zzz', created: 5, readySince: 55 })).toBe(true);
    expect(first({ name: 'a' }, { name: 'b' })).toBe(false);
    expect(first({ name: 'b' }, { name: 'a' })).toBe(false);
  });
  it('logarithmicRankDiff: floor(log2(ns)) of each age; a time not in the past ranks -1', () => {
    const now = Date.parse(NOW);
    expect(logarithmicRankDiff(now - 10_000, now - 20_000, now)).toBe(33 - 34);
    expect(logarithmicRankDiff(now - 10_000, now - 12_000, now)).toBe(0);
    expect(logarithmicRankDiff(now, now - 1_000, now)).toBe(-1 - 29); // 1 s = 1e9 ns: floor(log2) = 29
  });
});

describe('getPodsToDelete', () => {
  it('picks by node rank among otherwise equal pods, then uid: no preference for the newest name', () => {
    // created (and ready) 60, 59, 58 and 57 s ago: one log2 bucket (35), so the uid breaks the tie.
    // With exactly equal times Less has no tie-break at all (upstream order unspecified).
    const pods = [
      pod({ name: 'web-x1', uid: 'c0', node: 'node-a', created: 0 }),
      pod({ name: 'web-x2', uid: 'a0', node: 'node-b', created: 1 }),
      pod({ name: 'web-x3', uid: 'b0', node: 'node-a', created: 2 }),
      pod({ name: 'web-x4', uid: 'd0', node: 'node-c', created: 3 }),
    ];
    // node-a holds 2 related pods (rank 2), the others 1: node-a's pods go first, lower uid first
    expect(names(getPodsToDelete(pods, pods, 1, NOW))).toEqual(['web-x3']);
    expect(names(getPodsToDelete(pods, pods, 2, NOW))).toEqual(['web-x3', 'web-x1']);
    // then the rank-1 pods by uid: a0 (node-b) before d0 (node-c)
    expect(names(getPodsToDelete(pods, pods, 3, NOW))).toEqual(['web-x3', 'web-x1', 'web-x2']);
  });
  it('related pods of a sibling ReplicaSet raise the rank; terminating ones do not count', () => {
    const own = [pod({ name: 'new-1', uid: 'a1', node: 'node-a', created: 1 }), pod({ name: 'new-2', uid: 'b1', node: 'node-b', created: 0 })];
    const old = [pod({ name: 'old-1', node: 'node-b' }), pod({ name: 'old-2', node: 'node-a', deleting: true })];
    expect(names(getPodsToDelete(own, [...own, ...old], 1, NOW))).toEqual(['new-2']);
    // without related pods every rank is 0 (a ReplicaSet without an owner): the uid decides
    expect(names(getPodsToDelete(own, [], 1, NOW))).toEqual(['new-1']);
  });
  it('the full order over mixed states', () => {
    const pods = [
      pod({ name: 'ready-old', uid: 'u1', created: 0 }),
      pod({ name: 'not-ready', uid: 'u2', ready: false }),
      pod({ name: 'pending', uid: 'u3', phase: 'Pending', ready: false }),
      pod({ name: 'unscheduled', uid: 'u4', node: '', phase: 'Pending', ready: false }),
      pod({ name: 'ready-new', uid: 'u5', created: 50 }),
      pod({ name: 'restarting', uid: 'u6', created: 0, restarts: 4 }),
    ];
    expect(names(getPodsToDelete(pods, pods, 5, NOW))).toEqual(['unscheduled', 'pending', 'not-ready', 'ready-new', 'restarting']);
  });
  it('deleting every pod needs no sort: the pods as given', () => {
    const pods = [pod({ name: 'b' }), pod({ name: 'a' })];
    expect(names(getPodsToDelete(pods, pods, 2, NOW))).toEqual(['b', 'a']);
  });
});

describe('the ReplicaSet controller uses it (cluster)', () => {
  // createCluster's default nodes: node-a, node-b, node-c; pods are spread round-robin in name order.
  const deployment = (replicas: number): import('../types').KObject => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default' },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: 'nginx' }] } },
    },
  });
  const terminating = (c: import('../types').Cluster) => c.list<Pod>('Pod', 'default').filter((p) => p.metadata.deletionTimestamp);

  it('more pods of the Deployment on a node beat a more recent pod alone on its node', async () => {
    const { createCluster } = await import('../index');
    const node = (name: string, unschedulable: boolean): import('../types').KObject => ({
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name, labels: { 'topology.kubernetes.io/zone': `zone-${name}` } },
      spec: { unschedulable },
      status: { conditions: [{ type: 'Ready', status: 'True' }], allocatable: { cpu: '4', pods: '110' } },
    });
    const c = createCluster();
    // two pods on node-a, then (node-a cordoned, node-b open) a third, newer one on node-b
    c.apply([node('node-a', false), node('node-b', true), deployment(2)]);
    c.advance(60);
    c.apply([node('node-a', true), node('node-b', false)]);
    c.scale('Deployment', 'default', 'web', 3);
    const pods = c.list<Pod>('Pod', 'default');
    expect(pods.map((p) => p.spec.nodeName).sort()).toEqual(['node-a', 'node-a', 'node-b']);
    c.advance(60);
    c.scale('Deployment', 'default', 'web', 2);
    // rank 2 (node-a) comes before readiness age: the newest pod, alone on node-b, stays
    const gone = terminating(c);
    expect(gone).toHaveLength(1);
    expect(gone[0].spec.nodeName).toBe('node-a');
  });

  it('a not-ready pod goes first, whatever its node', async () => {
    const { createCluster } = await import('../index');
    const c = createCluster();
    c.apply([deployment(4)]);
    const pods = c.list<Pod>('Pod', 'default');
    // the pod alone on its node (rank 1) but not ready beats the doubled-up ready ones
    const count = (n: string) => pods.filter((p) => p.spec.nodeName === n).length;
    const lonely = pods.find((p) => count(p.spec.nodeName!) === 1)!;
    c.advance(30);
    c.setPodReady('default', lonely.metadata.name!, false);
    c.advance(30);
    c.scale('Deployment', 'default', 'web', 3);
    expect(terminating(c).map((p) => p.metadata.name)).toEqual([lonely.metadata.name]);
  });
});
