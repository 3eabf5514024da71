// Scale: a 10,000-pod Service. Correctness first (a one-pod readiness flip rewrites exactly one
// slice), then time budgets, measured as the best of several runs because the test machine is shared.
import { describe, expect, it } from 'vitest';
import type { Pod } from '../types';
import { reconcileEndpointSlices } from './index';
import { ep, ipv4, nodes3, pod, podName, pods, service, SliceStore, sizes, T0 } from './fixtures.testutil';

const svc = service();
const nodes = nodes3();
const run = (existing: SliceStore['slices'], podList: Pod[]) =>
  reconcileEndpointSlices({ service: svc, pods: podList, nodes, existingSlices: existing, maxEndpointsPerSlice: 100, triggerTime: T0 });

function bestOf(runs: number, f: () => unknown): number {
  let best = Infinity;
  for (let k = 0; k < runs; k++) {
    const t0 = performance.now();
    f();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

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

  it('first sync under 20 ms', () => {
    run([], all); // warm-up
    const ms = bestOf(15, () => run([], all));
    expect(ms).toBeLessThan(20);
  });

  it('a one-pod change: under 1 ms at 1,000 pods; linear in the pod count (under 20 ms at 10,000)', () => {
    const small = pods(1000);
    const smallStore = new SliceStore();
    smallStore.apply(run([], small));
    const smallFlip = flipOne(small, 500);
    run(smallStore.slices, smallFlip);
    expect(bestOf(40, () => run(smallStore.slices, smallFlip))).toBeLessThan(1);
    const bigFlip = flipOne(all, 4321);
    run(store.slices, bigFlip);
    expect(bestOf(15, () => run(store.slices, bigFlip))).toBeLessThan(20);
  });
});
