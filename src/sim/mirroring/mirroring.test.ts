import { describe, expect, it } from 'vitest';
import type { EndpointSlice, Endpoints, Service } from '../types';
import { reconcileMirroring } from './index';

const svc = (selector?: Record<string, string>): Service => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'db', namespace: 'default', uid: 'uid-svc' },
  spec: { ports: [{ name: 'pg', port: 5432, targetPort: 5432, protocol: 'TCP' }], clusterIP: '10.96.0.20', ...(selector ? { selector } : {}) },
});
const eps = (subsets: Endpoints['subsets'], meta: Partial<Endpoints['metadata']> = {}): Endpoints => ({
  apiVersion: 'v1',
  kind: 'Endpoints',
  metadata: { name: 'db', namespace: 'default', uid: 'uid-ep', ...meta },
  subsets,
});
const OWNER = [{ apiVersion: 'v1', kind: 'Endpoints', name: 'db', uid: 'uid-ep', controller: true, blockOwnerDeletion: true }];
const LABELS = { 'kubernetes.io/service-name': 'db', 'endpointslice.kubernetes.io/managed-by': 'endpointslicemirroring-controller.k8s.io' };
const PG = [{ name: 'pg', port: 5432, protocol: 'TCP' as const }];
const slice = (addressType: 'IPv4' | 'IPv6', endpoints: EndpointSlice['endpoints'], extra: Partial<EndpointSlice['metadata']> = {}, ports: EndpointSlice['ports'] = PG): EndpointSlice => ({
  apiVersion: 'discovery.k8s.io/v1',
  kind: 'EndpointSlice',
  metadata: { generateName: 'db-', namespace: 'default', labels: LABELS, ownerReferences: OWNER, ...extra },
  addressType,
  endpoints,
  ports,
});
const ready = (ip: string, more: object = {}) => ({ addresses: [ip], conditions: { ready: true }, ...more });
const notReady = (ip: string) => ({ addresses: [ip], conditions: { ready: false } });

describe('reconcileMirroring: what is mirrored', () => {
  it('a hand-made Endpoints of a selectorless Service becomes one slice: ready, then not ready, only `ready` set', () => {
    const e = eps([
      {
        addresses: [{ ip: '192.168.1.10', nodeName: 'n1', hostname: 'db-0', targetRef: { kind: 'Pod', namespace: 'default', name: 'x', uid: 'u' } }, { ip: '192.168.1.9' }],
        notReadyAddresses: [{ ip: '192.168.1.11' }],
        ports: [{ name: 'pg', port: 5432, protocol: 'TCP' }],
      },
    ]);
    expect(reconcileMirroring({ service: svc(), endpoints: e, existingSlices: [] })).toEqual({
      create: [
        slice('IPv4', [
          ready('192.168.1.10', { hostname: 'db-0', targetRef: { kind: 'Pod', namespace: 'default', name: 'x', uid: 'u' }, nodeName: 'n1' }),
          ready('192.168.1.9'),
          notReady('192.168.1.11'),
        ]),
      ],
      update: [],
      delete: [],
      events: [],
    });
  });

  it('mixed families in one subset give one slice per address type, IPs in canonical form', () => {
    const e = eps([{ addresses: [{ ip: 'FD00:0:0::0001' }, { ip: '10.0.0.1' }], ports: [{ name: 'pg', port: 5432, protocol: 'TCP' }] }]);
    const plan = reconcileMirroring({ service: svc(), endpoints: e, existingSlices: [] });
    expect(plan.create).toEqual([slice('IPv4', [ready('10.0.0.1')]), slice('IPv6', [ready('fd00::1')])]);
  });

  it('unnamed ports get name "", several ports come in the ≥1.35 hash order (kube-dns: 53,53,9153)', () => {
    const e = eps([
      {
        addresses: [{ ip: '10.0.0.1' }],
        ports: [
          { name: 'metrics', port: 9153, protocol: 'TCP' },
          { name: 'dns', port: 53, protocol: 'UDP' },
          { name: 'dns-tcp', port: 53, protocol: 'TCP' },
        ],
      },
    ]);
    const [s] = reconcileMirroring({ service: svc(), endpoints: e, existingSlices: [] }).create;
    expect(s.ports!.map((p) => p.port)).toEqual([53, 53, 9153]);
    const unnamed = eps([{ addresses: [{ ip: '10.0.0.1' }], ports: [{ port: 80, protocol: 'TCP', appProtocol: 'http' }] }]);
    expect(reconcileMirroring({ service: svc(), endpoints: unnamed, existingSlices: [] }).create[0].ports).toEqual([
      { name: '', port: 80, protocol: 'TCP', appProtocol: 'http' },
    ]);
  });

  it('subsets are repacked first: the same addresses split over two subsets make one slice', () => {
    const e = eps([
      { addresses: [{ ip: '10.0.0.1' }], ports: [{ name: 'a', port: 1, protocol: 'TCP' }] },
      { addresses: [{ ip: '10.0.0.1' }], ports: [{ name: 'b', port: 2, protocol: 'TCP' }] },
    ]);
    const plan = reconcileMirroring({ service: svc(), endpoints: e, existingSlices: [] });
    expect(plan.create).toHaveLength(1);
    expect(new Set(plan.create[0].ports!.map((p) => p.name))).toEqual(new Set(['a', 'b']));
  });

  it('copies labels and annotations except trigger time and last-applied configuration', () => {
    const e = eps([{ addresses: [{ ip: '10.0.0.1' }], ports: [{ name: 'pg', port: 5432, protocol: 'TCP' }] }], {
      labels: { team: 'db', 'kubernetes.io/service-name': 'wrong' },
      annotations: {
        note: 'x',
        'endpoints.kubernetes.io/last-change-trigger-time': '2024-01-01T00:00:00Z',
        'kubectl.kubernetes.io/last-applied-configuration': '{}',
      },
    });
    expect(reconcileMirroring({ service: svc(), endpoints: e, existingSlices: [] }).create).toEqual([
      slice('IPv4', [ready('10.0.0.1')], { labels: { team: 'db', ...LABELS }, annotations: { note: 'x' } }),
    ]);
  });

  it('a subset without ports gives a slice whose ports read back as null', () => {
    const e = eps([{ addresses: [{ ip: '10.0.0.1' }] }]);
    expect(reconcileMirroring({ service: svc(), endpoints: e, existingSlices: [] }).create).toEqual([
      slice('IPv4', [ready('10.0.0.1')], {}, null),
    ]);
  });

  it('no addresses: no slice (no placeholder)', () => {
    const e = eps([{ ports: [{ name: 'pg', port: 5432, protocol: 'TCP' }] }]);
    expect(reconcileMirroring({ service: svc(), endpoints: e, existingSlices: [] })).toEqual({ create: [], update: [], delete: [], events: [] });
  });
});

describe('reconcileMirroring: skipped addresses', () => {
  it('an invalid IP is skipped with an InvalidIPAddress event', () => {
    const e = eps([{ addresses: [{ ip: '10.0.0.300' }, { ip: '10.0.0.1' }], ports: [{ name: 'pg', port: 5432, protocol: 'TCP' }] }]);
    expect(reconcileMirroring({ service: svc(), endpoints: e, existingSlices: [] })).toEqual({
      create: [slice('IPv4', [ready('10.0.0.1')])],
      update: [],
      delete: [],
      events: [
        {
          type: 'Warning',
          reason: 'InvalidIPAddress',
          message: 'Skipped 1 invalid IP addresses when mirroring to EndpointSlices',
          source: 'endpoint-slice-mirroring-controller',
          involved: { kind: 'Endpoints', namespace: 'default', name: 'db' },
        },
      ],
    });
  });

  it('more than 1000 addresses in a subset: ready ones first, the rest skipped with TooManyAddressesToMirror', () => {
    const ip = (i: number) => `10.0.${i >> 8}.${i & 255}`;
    const e = eps([
      {
        addresses: Array.from({ length: 998 }, (_, i) => ({ ip: ip(i) })),
        notReadyAddresses: Array.from({ length: 7 }, (_, i) => ({ ip: ip(1000 + i) })),
        ports: [{ name: 'pg', port: 5432, protocol: 'TCP' }],
      },
    ]);
    const plan = reconcileMirroring({ service: svc(), endpoints: e, existingSlices: [] });
    expect(plan.create).toHaveLength(1);
    const list = plan.create[0].endpoints!;
    expect(list).toHaveLength(1000);
    expect(list.filter((x) => x.conditions?.ready === false)).toHaveLength(2);
    expect(plan.events).toEqual([
      {
        type: 'Warning',
        reason: 'TooManyAddressesToMirror',
        message: 'A max of 1000 addresses can be mirrored to EndpointSlices per Endpoints subset. 5 addresses were skipped',
        source: 'endpoint-slice-mirroring-controller',
        involved: { kind: 'Endpoints', namespace: 'default', name: 'db' },
      },
    ]);
  });
});

describe('reconcileMirroring: when not to mirror', () => {
  const e = eps([{ addresses: [{ ip: '10.0.0.1' }], ports: [{ name: 'pg', port: 5432, protocol: 'TCP' }] }]);
  const mirrored = slice('IPv4', [ready('10.0.0.1')], { name: 'db-abcde', generateName: undefined });
  const deleteOnly = { create: [], update: [], delete: [mirrored], events: [] };

  it('a selector added to the Service deletes the mirrored slices', () => {
    expect(reconcileMirroring({ service: svc({ app: 'db' }), endpoints: e, existingSlices: [mirrored] })).toEqual(deleteOnly);
  });
  it('an empty selector is no selector: still mirrored', () => {
    expect(reconcileMirroring({ service: svc({}), endpoints: e, existingSlices: [] }).create).toHaveLength(1);
  });
  it('no Service, or no Endpoints: delete', () => {
    expect(reconcileMirroring({ service: undefined, endpoints: e, existingSlices: [mirrored] })).toEqual(deleteOnly);
    expect(reconcileMirroring({ service: svc(), endpoints: undefined, existingSlices: [mirrored] })).toEqual(deleteOnly);
  });
  it('skip-mirror "true" (exactly) and the leader-election annotation stop mirroring', () => {
    const skip = { ...e, metadata: { ...e.metadata, labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } } };
    expect(reconcileMirroring({ service: svc(), endpoints: skip, existingSlices: [mirrored] })).toEqual(deleteOnly);
    const notQuite = { ...e, metadata: { ...e.metadata, labels: { 'endpointslice.kubernetes.io/skip-mirror': 'True' } } };
    expect(reconcileMirroring({ service: svc(), endpoints: notQuite, existingSlices: [] }).create).toHaveLength(1);
    const leader = { ...e, metadata: { ...e.metadata, annotations: { 'control-plane.alpha.kubernetes.io/leader': '{}' } } };
    expect(reconcileMirroring({ service: svc(), endpoints: leader, existingSlices: [mirrored] })).toEqual(deleteOnly);
  });
});

describe('reconcileMirroring: existing slices', () => {
  const stored = (name: string, endpoints: EndpointSlice['endpoints'], ports: EndpointSlice['ports'] = PG): EndpointSlice => {
    const s = slice('IPv4', endpoints, { name, uid: `uid-${name}`, resourceVersion: '5' }, ports);
    delete s.metadata.generateName;
    return s;
  };
  const e = eps([{ addresses: [{ ip: '10.0.0.1' }, { ip: '10.0.0.2' }], ports: [{ name: 'pg', port: 5432, protocol: 'TCP' }] }]);

  it('equal content is not rewritten (endpoint order does not matter)', () => {
    const s = stored('db-aaaaa', [ready('10.0.0.2'), ready('10.0.0.1')]);
    expect(reconcileMirroring({ service: svc(), endpoints: e, existingSlices: [s] })).toEqual({ create: [], update: [], delete: [], events: [] });
  });

  it('changed endpoints update the first slice in place; extra slices of the same group are deleted', () => {
    const a = stored('db-aaaaa', [ready('10.0.0.1')]);
    const b = stored('db-bbbbb', [ready('10.0.0.9')]);
    const plan = reconcileMirroring({ service: svc(), endpoints: e, existingSlices: [a, b] });
    const updated = stored('db-aaaaa', [ready('10.0.0.1'), ready('10.0.0.2')]);
    expect(plan).toEqual({ create: [], update: [updated], delete: [b], events: [] });
  });

  it('a label change alone rewrites the slice', () => {
    const s = stored('db-aaaaa', [ready('10.0.0.1'), ready('10.0.0.2')]);
    const labelled = { ...e, metadata: { ...e.metadata, labels: { tier: 'data' } } };
    const plan = reconcileMirroring({ service: svc(), endpoints: labelled, existingSlices: [s] });
    expect(plan.update).toHaveLength(1);
    expect(plan.update[0].metadata.labels).toEqual({ tier: 'data', ...LABELS });
  });

  it('a new port set recycles the old slice: an update under its name instead of create + delete', () => {
    const old = stored('db-aaaaa', [ready('10.0.0.1'), ready('10.0.0.2')], [{ name: 'pg', port: 5433, protocol: 'TCP' }]);
    const plan = reconcileMirroring({ service: svc(), endpoints: e, existingSlices: [old] });
    expect(plan).toEqual({ create: [], update: [stored('db-aaaaa', [ready('10.0.0.1'), ready('10.0.0.2')])], delete: [], events: [] });
  });

  it('an Endpoints being deleted gets no new slices', () => {
    const dying = { ...e, metadata: { ...e.metadata, deletionTimestamp: '2024-01-01T00:00:00Z' } };
    expect(reconcileMirroring({ service: svc(), endpoints: dying, existingSlices: [] }).create).toEqual([]);
  });
});
