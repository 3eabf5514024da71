// The one-pod fast path must give exactly the plan of the full reconcile (reconciler.go), or decline.
// Expected plans come from reconcileEndpointSlices itself, the upstream algorithm this file mirrors.
import { describe, expect, it } from 'vitest';
import type { Pod, Service } from '../types';
import { reconcileEndpointSlices } from './controller';
import { checkSettled, onePodPlan } from './onePodUpdate';
import { nodes3, pod, pods, service, SliceStore } from './fixtures.testutil';

const TRIGGER = '2024-01-01T00:10:00Z';

function settledStore(svc: Service, ps: Pod[], nodes = nodes3()) {
  const store = new SliceStore();
  store.apply(reconcileEndpointSlices({ service: svc, pods: ps, nodes, existingSlices: [], maxEndpointsPerSlice: 3 }));
  return { store, nodes };
}

function replace(ps: Pod[], next: Pod): Pod[] {
  return ps.map((p) => (p.metadata.name === next.metadata.name ? next : p));
}

function both(svc: Service, before: Pod[], after: Pod[], changed: string) {
  const { store, nodes } = settledStore(svc, before);
  const state = checkSettled({ service: svc, pods: before, nodes, existingSlices: store.slices });
  const byName = new Map(after.map((p) => [p.metadata.name!, p]));
  const fast = state && onePodPlan(state, { service: svc, nodes, existingSlices: store.slices, podName: changed, podByName: (n) => byName.get(n), triggerTime: TRIGGER });
  const full = reconcileEndpointSlices({ service: svc, pods: after, nodes, existingSlices: store.slices, maxEndpointsPerSlice: 3, triggerTime: TRIGGER });
  return { state, fast, full };
}

describe('one-pod fast path', () => {
  it('a readiness flip updates only the slice holding the pod, exactly as the full reconcile', () => {
    const svc = service();
    const before = pods(8);
    const after = replace(before, pod(5, { node: 'node-2', ready: false }));
    const { state, fast, full } = both(svc, before, after, 'web-00005');
    expect(state).toBeDefined();
    expect(full.update).toHaveLength(1);
    expect(fast).toEqual(full);
  });

  it('dual-stack: one update per address type, in the Service family order', () => {
    const svc = service({ spec: { ipFamilies: ['IPv6', 'IPv4'], ipFamilyPolicy: 'PreferDualStack', clusterIP: 'fd00:10:96::a', clusterIPs: ['fd00:10:96::a', '10.96.0.10'] } });
    const dual = (i: number, ready = true) => pod(i, { node: `node-${((i - 1) % 3) + 1}`, ips: [`10.244.0.${i}`, `fd00:10:244::${i}`], ready });
    const before = [1, 2, 3, 4, 5].map((i) => dual(i));
    const after = replace(before, dual(2, false));
    const { fast, full } = both(svc, before, after, 'web-00002');
    expect(full.update.map((s) => s.addressType)).toEqual(['IPv6', 'IPv4']);
    expect(fast).toEqual(full);
  });

  it('a change the hash does not see beyond (nothing to write) gives the empty plan', () => {
    const svc = service();
    const before = pods(4);
    const same = { ...before[1], metadata: { ...before[1].metadata, resourceVersion: '99' } };
    const { fast, full } = both(svc, before, replace(before, same), 'web-00002');
    expect(full.update).toEqual([]);
    expect(fast).toEqual(full);
  });

  it('declines when the endpoint identity changes (new IP), when the pod leaves, or when its Node is missing', () => {
    const svc = service();
    const before = pods(4);
    expect(both(svc, before, replace(before, pod(2, { node: 'node-2', ips: ['10.244.9.9'] })), 'web-00002').fast).toBeUndefined();
    expect(both(svc, before, replace(before, pod(2, { node: 'node-2', labels: { app: 'other' } })), 'web-00002').fast).toBeUndefined();
    expect(both(svc, before, replace(before, pod(2, { node: 'node-9' })), 'web-00002').fast).toBeUndefined();
  });

  it('does not call a state settled when the full reconcile would still write', () => {
    const svc = service();
    const ps = pods(4);
    const { store, nodes } = settledStore(svc, ps);
    // a pod the slices do not hold yet
    expect(checkSettled({ service: svc, pods: [...ps, pod(9)], nodes, existingSlices: store.slices })).toBeUndefined();
    // Service labels the slices do not carry yet
    expect(checkSettled({ service: service({ labels: { team: 'a' } }), pods: ps, nodes, existingSlices: store.slices })).toBeUndefined();
    // hints in use
    expect(checkSettled({ service: service({ spec: { trafficDistribution: 'PreferClose' } }), pods: ps, nodes, existingSlices: store.slices })).toBeUndefined();
    expect(checkSettled({ service: svc, pods: ps, nodes, existingSlices: store.slices })).toBeDefined();
  });
});
