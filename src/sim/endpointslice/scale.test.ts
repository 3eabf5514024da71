// Scale: a 10,000-pod Service: 100 full slices, and a one-pod readiness flip rewrites exactly one
// slice. Timings belong to `npm run bench`, not to unit tests.
import { describe, expect, it } from 'vitest';
import type { Pod } from '../types';
import { reconcileEndpointSlices } from './index';
import { ep, ipv4, nodes3, pod, podName, pods, service, SliceStore, sizes, T0 } from './fixtures.testutil';

const svc = service();
const nodes = nodes3();
const run = (existing: SliceStore['slices'], podList: Pod[]) =>
  reconcileEndpointSlices({ service: svc, pods: podList, nodes, existingSlices: existing, maxEndpointsPerSlice: 100, triggerTime: T0 });

function flipOne(list: Pod[], index: number): Pod[] {
  const out = list.slice();
  out[index] = pod(index + 1, { node: list[index].spec.nodeName, ready: false });
  return out;
}

describe('10,000 pods', () => {
  const all = pods(10000);
  const store = new SliceStore();
  store.apply(run([], all));

  it('first sync: 100 full slices', () => {
    expect(sizes(store.slices)).toEqual(Array(100).fill(100));
  });

  it('one readiness flip rewrites exactly one slice, in place', () => {
    const plan = run(store.slices, flipOne(all, 4321));
    expect(plan.create).toStrictEqual([]);
    expect(plan.delete).toStrictEqual([]);
    expect(plan.update).toHaveLength(1);
    const before = store.slices[43];
    const want = before.endpoints!.slice();
    want[21] = ep(ipv4(4322), podName(4322), { node: 'node-2', zone: 'zone-b', ready: false, serving: false });
    expect(plan.update[0]).toStrictEqual({ ...before, endpoints: want });
  });
});
