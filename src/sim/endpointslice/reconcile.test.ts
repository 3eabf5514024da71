// Later syncs: the churn-minimising reconcile (reference §6.3), the placeholder (§6.4), ownership
// (§7.5) and trigger times (§7.3). Each test syncs, applies the plan to a store like the API server
// does, changes something and checks the exact writes of the next sync.
import { describe, expect, it } from 'vitest';
import type { EndpointSlice, Pod } from '../types';
import { reconcileEndpointSlices, type SlicePlan } from './index';
import {
  ep,
  ipv4,
  newSliceMeta,
  nodes3,
  pod,
  podName,
  pods,
  readyEp,
  service,
  SliceStore,
  sizes,
  T0,
} from './fixtures.testutil';

const T1 = '2024-01-01T00:01:00Z';
const TRIGGER = 'endpoints.kubernetes.io/last-change-trigger-time';

function syncInto(store: SliceStore, podList: Pod[], opts: { svc?: ReturnType<typeof service>; triggerTime?: string; max?: number } = {}): SlicePlan {
  const plan = reconcileEndpointSlices({
    service: opts.svc ?? service(),
    pods: podList,
    nodes: nodes3(),
    existingSlices: store.slices,
    maxEndpointsPerSlice: opts.max ?? 100,
    triggerTime: opts.triggerTime ?? T1,
  });
  store.apply(plan);
  return plan;
}

function seeded(podList: Pod[], max = 100): SliceStore {
  const store = new SliceStore();
  syncInto(store, podList, { triggerTime: T0, max });
  return store;
}

/** The stored slice rewritten: same identity, new endpoints, new trigger time. */
function updated(old: EndpointSlice, endpoints: EndpointSlice['endpoints'], triggerTime = T1): EndpointSlice {
  return {
    ...old,
    metadata: { ...old.metadata, annotations: { ...old.metadata.annotations, [TRIGGER]: triggerTime } },
    endpoints,
  };
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, k) => from + k);
const eps = (ids: number[]) => ids.map((i) => readyEp(i, true));

describe('steady state', () => {
  it('a second sync with nothing changed writes nothing', () => {
    const store = seeded(pods(250));
    expect(syncInto(store, pods(250))).toStrictEqual({ create: [], update: [], delete: [], events: [], topologyHintsPopulated: false });
  });

  it('an existing placeholder is kept, not recreated', () => {
    const store = seeded([]);
    expect(syncInto(store, [])).toStrictEqual({ create: [], update: [], delete: [], events: [], topologyHintsPopulated: false });
  });
});

describe('one-pod changes rewrite one slice', () => {
  it('one pod removed from 100/100/50 → one update of its slice, order of the others kept', () => {
    const store = seeded(pods(250));
    const [s1, s2, s3] = store.slices;
    const remaining = pods(250).filter((p) => p.metadata.name !== podName(150));
    const plan = syncInto(store, remaining);
    expect(plan).toStrictEqual({
      create: [],
      update: [updated(s2, eps([...range(101, 149), ...range(151, 200)]))],
      delete: [],
      events: [],
      topologyHintsPopulated: false,
    });
    expect(store.slices).toStrictEqual([s1, plan.update[0], s3]);
  });

  it('one readiness flip → the endpoint is updated in place in its slice only', () => {
    const store = seeded(pods(250));
    const [, , s3] = store.slices;
    const changed = pods(250).map((p, k) => (k === 219 ? pod(220, { node: p.spec.nodeName, ready: false }) : p));
    const plan = syncInto(store, changed);
    const want = eps(range(201, 250));
    want[19] = ep(ipv4(220), podName(220), { ready: false, serving: false, node: 'node-1', zone: 'zone-a' });
    expect(plan).toStrictEqual({ create: [], update: [updated(s3, want)], delete: [], events: [], topologyHintsPopulated: false });
  });

  it('a new pod goes into the unchanged slice that ends closest to full', () => {
    const store = seeded(pods(250));
    // Make the middle slice 80 long: pods 101..120 go away.
    const without = pods(250).filter((p) => !range(101, 120).map(podName).includes(p.metadata.name!));
    syncInto(store, without);
    expect(sizes(store.slices)).toEqual([100, 80, 50]);
    const [, s2] = store.slices;
    // 15 new pods: 100+15 overflows, 80+15 leaves 5 free, 50+15 leaves 35 free → the 80 slice.
    const added = [...without, ...range(301, 315).map((i) => pod(i, { node: `node-${((i - 1) % 3) + 1}` }))];
    const plan = syncInto(store, added);
    expect(plan).toStrictEqual({
      create: [],
      update: [updated(s2, [...s2.endpoints!, ...eps(range(301, 315))])],
      delete: [],
      events: [],
      topologyHintsPopulated: false,
    });
    expect(sizes(store.slices)).toEqual([100, 95, 50]);
  });

  it('slices already being updated are filled first, fullest first', () => {
    const store = seeded(pods(250));
    const [s1, , s3] = store.slices;
    const drop = [podName(5), podName(205)];
    const next = [
      ...pods(250).filter((p) => !drop.includes(p.metadata.name!)),
      ...range(301, 303).map((i) => pod(i, { node: `node-${((i - 1) % 3) + 1}` })),
    ];
    const plan = syncInto(store, next);
    expect(plan).toStrictEqual({
      create: [],
      update: [
        // 99 left → topped up to 100 with the first new pod; the 49-slice takes the other two.
        updated(s1, eps([...range(1, 4), ...range(6, 100), 301])),
        updated(s3, eps([...range(201, 204), ...range(206, 250), 302, 303])),
      ],
      delete: [],
      events: [],
      topologyHintsPopulated: false,
    });
  });

  it('a big batch of new pods goes into new full slices, never spread over old ones', () => {
    const store = seeded(pods(50));
    const plan = syncInto(store, pods(300));
    // 250 to place: 100 + 100 new, then the 50 remainder fills the 50-slice exactly (exact fit).
    expect(sizes(plan.create)).toEqual([100, 100]);
    expect(plan.update).toStrictEqual([updated(store.slices[0], eps(range(1, 300).slice(0, 50).concat(range(251, 300))))]);
  });
});

describe('deletes and recycling (finalize)', () => {
  it('a slice emptied → deleted (other slices untouched)', () => {
    const store = seeded(pods(101));
    const [, lone] = store.slices;
    const plan = syncInto(store, pods(100));
    expect(plan).toStrictEqual({ create: [], update: [], delete: [lone], events: [], topologyHintsPopulated: false });
  });

  it('emptied slice + a needed create → the create becomes an update keeping the old name and uid', () => {
    const store = seeded(pods(101));
    const [s1, lone] = store.slices;
    const next = [...pods(100), ...range(201, 350).map((i) => pod(i, { node: `node-${((i - 1) % 3) + 1}` }))];
    const plan = syncInto(store, next);
    expect(plan).toStrictEqual({
      create: [{ apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: newSliceMeta({ triggerTime: T1 }), addressType: 'IPv4', endpoints: eps(range(201, 300)), ports: [{ name: 'http', protocol: 'TCP', port: 8080 }] }],
      update: [
        {
          apiVersion: 'discovery.k8s.io/v1',
          kind: 'EndpointSlice',
          metadata: { ...newSliceMeta({ triggerTime: T1 }), name: lone.metadata.name, uid: lone.metadata.uid },
          addressType: 'IPv4',
          endpoints: eps(range(301, 350)),
          ports: [{ name: 'http', protocol: 'TCP', port: 8080 }],
        },
      ],
      delete: [],
      events: [],
      topologyHintsPopulated: false,
    });
    expect(store.slices[0]).toBe(s1);
  });

  it('targetPort change: every old slice is recycled into a slice of the new port set', () => {
    const store = seeded(pods(250));
    const names = store.slices.map((s) => s.metadata.name);
    const svc = service({ spec: { ports: [{ name: 'http', protocol: 'TCP', port: 80, targetPort: 9090 }] } });
    const plan = syncInto(store, pods(250), { svc });
    expect(plan.create).toStrictEqual([]);
    expect(plan.delete).toStrictEqual([]);
    // Creates are recycled from the end of the list: the last new slice takes the first old name.
    expect(plan.update.map((s) => s.metadata.name)).toEqual(names);
    expect(plan.update.map((s) => s.ports)).toEqual(Array(3).fill([{ name: 'http', protocol: 'TCP', port: 9090 }]));
    expect(sizes(plan.update)).toEqual([50, 100, 100]);
  });

  it('placeholder → first pod: the placeholder is recycled; last pod gone → back to a placeholder', () => {
    const store = seeded([]);
    const [placeholder] = store.slices;
    const withPod = syncInto(store, [pod(1)]);
    const meta = { ...newSliceMeta({ triggerTime: T1 }), name: placeholder.metadata.name, uid: placeholder.metadata.uid };
    expect(withPod).toStrictEqual({
      create: [],
      update: [{ apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: meta, addressType: 'IPv4', endpoints: [ep(ipv4(1), podName(1), { zone: 'zone-a' })], ports: [{ name: 'http', protocol: 'TCP', port: 8080 }] }],
      delete: [],
      events: [],
      topologyHintsPopulated: false,
    });
    const empty = syncInto(store, [], { triggerTime: '2024-01-01T00:02:00Z' });
    expect(empty).toStrictEqual({
      create: [],
      update: [
        {
          apiVersion: 'discovery.k8s.io/v1',
          kind: 'EndpointSlice',
          metadata: { ...newSliceMeta({ triggerTime: '2024-01-01T00:02:00Z' }), name: placeholder.metadata.name, uid: placeholder.metadata.uid },
          addressType: 'IPv4',
          endpoints: null,
          ports: null,
        },
      ],
      delete: [],
      events: [],
      topologyHintsPopulated: false,
    });
  });
});

describe('ownership and families', () => {
  it('slices with the controller labels but owned by another Service UID are deleted, never recycled', () => {
    const store = seeded(pods(3));
    const [old] = store.slices;
    const newSvc = service({ uid: 'new-uid' });
    const plan = syncInto(store, pods(3), { svc: newSvc });
    expect(plan.delete).toStrictEqual([old]);
    expect(plan.update).toStrictEqual([]);
    expect(plan.create).toStrictEqual([
      {
        apiVersion: 'discovery.k8s.io/v1',
        kind: 'EndpointSlice',
        metadata: { ...newSliceMeta({ triggerTime: T1 }), ownerReferences: [{ apiVersion: 'v1', kind: 'Service', name: 'web', uid: 'new-uid', controller: true, blockOwnerDeletion: true }] },
        addressType: 'IPv4',
        endpoints: eps([1, 2, 3]),
        ports: [{ name: 'http', protocol: 'TCP', port: 8080 }],
      },
    ]);
  });

  it('slices of another manager or Service, and slices being deleted, are ignored', () => {
    const store = seeded(pods(3));
    const foreign: EndpointSlice = { ...store.slices[0], metadata: { ...store.slices[0].metadata, name: 'web-manual', labels: { 'kubernetes.io/service-name': 'web', 'endpointslice.kubernetes.io/managed-by': 'me' } } };
    const dying: EndpointSlice = { ...store.slices[0], metadata: { ...store.slices[0].metadata, name: 'web-dying', deletionTimestamp: T1 } };
    store.slices.push(foreign, dying);
    expect(syncInto(store, pods(3))).toStrictEqual({ create: [], update: [], delete: [], events: [], topologyHintsPopulated: false });
  });

  it('Service labels changed → each slice updated with the new labels only', () => {
    const store = seeded(pods(150));
    const svc = service({ labels: { team: 'blue' } });
    const plan = syncInto(store, pods(150), { svc });
    expect(plan.update).toStrictEqual(
      store.slices.map((s) => ({
        ...s,
        metadata: { ...s.metadata, labels: { team: 'blue', ...newSliceMeta().labels as object }, annotations: { [TRIGGER]: T1 } },
      })),
    );
    expect(plan.create).toStrictEqual([]);
    expect(plan.delete).toStrictEqual([]);
  });

  it('a family dropped from ipFamilies → its slices are deleted', () => {
    const dual = service({ spec: { ipFamilies: ['IPv4', 'IPv6'], ipFamilyPolicy: 'PreferDualStack' } });
    const store = new SliceStore();
    syncInto(store, [pod(1, { ips: ['10.244.0.1', 'fd00::1'] })], { svc: dual });
    const v6 = store.slices.find((s) => s.addressType === 'IPv6')!;
    const plan = syncInto(store, [pod(1, { ips: ['10.244.0.1', 'fd00::1'] })]);
    expect(plan).toStrictEqual({ create: [], update: [], delete: [v6], events: [], topologyHintsPopulated: false });
  });
});
