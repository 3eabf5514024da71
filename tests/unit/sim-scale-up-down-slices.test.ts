// Scale a Deployment past 100 and back down (endpointslice reconciler.go reconcileByPortMapping, max 100):
// 3 -> 150 leaves the first slice's 3 endpoints unchanged, so the 147 new ones fill a new slice of 100, and
// the remaining 47 (< 100) go into the unchanged slice closest to full that fits them (getSliceToFill):
// the first slice, now 50 (generation 2). 150 -> 30: the ReplicaSet deletes 120 pods (graceful, 30 s),
// they stay as terminating endpoints in place; once gone, every survivor is still in the slice it was in
// (the controller never rebalances), and a slice left empty is deleted.
import { describe, expect, it } from 'vitest';
import type { EndpointSlice, KObject } from '../../src/sim/types';
import { createCluster } from '../../src/sim/cluster/cluster';

const service = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'web', namespace: 'default' },
  spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }] },
} as KObject;
const deployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default' },
  spec: {
    replicas: 3,
    selector: { matchLabels: { app: 'web' } },
    template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'web:1' }] } },
  },
} as KObject;

/** pod name -> slice name, and slice name -> generation. */
function placement(c: ReturnType<typeof createCluster>) {
  const where = new Map<string, string>();
  const gen = new Map<string, number>();
  for (const s of c.list<EndpointSlice>('EndpointSlice', 'default')) {
    gen.set(s.metadata.name!, s.metadata.generation!);
    for (const e of s.endpoints ?? []) where.set(e.targetRef!.name!, s.metadata.name!);
  }
  return { where, gen };
}

describe('scale 3 -> 150 -> 30: slices filled, never rebalanced', () => {
  it('fills a new slice of 100 and tops up the first to 50; scale-down empties slices in place', () => {
    const c = createCluster({ defaultNodes: 3 });
    c.apply([service, deployment]);
    const first = placement(c);
    expect([...first.gen.values()]).toEqual([1]);
    const [firstSlice] = [...first.gen.keys()];
    expect(first.where.size).toBe(3);

    c.scale('Deployment', 'default', 'web', 150);
    const up = placement(c);
    const sizes = new Map<string, number>();
    for (const s of up.where.values()) sizes.set(s, (sizes.get(s) ?? 0) + 1);
    expect(sizes.get(firstSlice)).toBe(50);
    expect(up.gen.get(firstSlice)).toBe(2);
    const [second] = [...sizes.keys()].filter((n) => n !== firstSlice);
    expect(sizes.get(second)).toBe(100);
    expect(up.gen.get(second)).toBe(1);
    for (const [pod, slice] of first.where) expect(up.where.get(pod)).toBe(slice);

    c.scale('Deployment', 'default', 'web', 30);
    // During the grace period all 150 endpoints are still where they were, 120 of them terminating.
    const during = c.list<EndpointSlice>('EndpointSlice', 'default').flatMap((s) => (s.endpoints ?? []).map((e) => ({ s: s.metadata.name, e })));
    expect(during).toHaveLength(150);
    expect(during.filter((x) => x.e.conditions?.terminating).length).toBe(120);
    for (const x of during) expect(up.where.get(x.e.targetRef!.name!)).toBe(x.s);

    c.advance(30);
    const down = placement(c);
    expect(down.where.size).toBe(30);
    for (const [pod, slice] of down.where) expect(up.where.get(pod)).toBe(slice);
    // Only slices still holding a survivor remain (an emptied slice is deleted, not kept or refilled).
    expect(new Set(down.gen.keys())).toEqual(new Set(down.where.values()));
  });
});
