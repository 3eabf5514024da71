// First-sync behaviour of the EndpointSlice controller: whole slices compared with what a real
// cluster stores (reference §2–§8, §12, §15).
import { describe, expect, it } from 'vitest';
import type { EndpointPort, EndpointSlice } from '../types';
import { reconcileEndpointSlices, serviceWantsEndpoints, type ReconcileEndpointSlicesInput } from './index';
import {
  ep,
  ipv4,
  MANAGED_BY,
  newSliceMeta,
  node,
  nodes3,
  pod,
  podName,
  pods,
  readyEp,
  service,
  sizes,
  SVC_UID,
  T0,
} from './fixtures.testutil';

const HTTP_8080: EndpointPort[] = [{ name: 'http', protocol: 'TCP', port: 8080 }];

function sync(over: Partial<ReconcileEndpointSlicesInput> = {}) {
  return reconcileEndpointSlices({
    service: service(),
    pods: [],
    nodes: nodes3(),
    existingSlices: [],
    maxEndpointsPerSlice: 100,
    triggerTime: T0,
    ...over,
  });
}

function slice(endpoints: EndpointSlice['endpoints'], opts: { ports?: EndpointPort[] | null; addressType?: 'IPv4' | 'IPv6'; meta?: Record<string, unknown> } = {}): EndpointSlice {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: opts.meta ?? newSliceMeta(),
    addressType: opts.addressType ?? 'IPv4',
    endpoints,
    ports: opts.ports === undefined ? HTTP_8080 : opts.ports,
  };
}

describe('which Services get slices (§1, §12)', () => {
  it('ExternalName, nil selector and empty selector get nothing', () => {
    const ext = service({ spec: { type: 'ExternalName', externalName: 'example.com', selector: { app: 'web' } } });
    const none = service({ spec: { selector: undefined } });
    const empty = service({ spec: { selector: {} } });
    for (const svc of [ext, none, empty]) {
      expect(serviceWantsEndpoints(svc)).toBe(false);
      expect(sync({ service: svc, pods: pods(3) })).toStrictEqual({ create: [], update: [], delete: [], events: [] });
    }
    expect(serviceWantsEndpoints(service())).toBe(true);
  });

  it('selects by exact match of every selector key, in the Service namespace only', () => {
    const svc = service({ spec: { selector: { app: 'web', tier: 'front' } } });
    const match = pod(1, { labels: { app: 'web', tier: 'front', extra: 'x' } });
    const partial = pod(2, { labels: { app: 'web' } });
    const other = pod(3, { labels: { app: 'web', tier: 'back' } });
    const otherNs = pod(4, { labels: { app: 'web', tier: 'front' } });
    otherNs.metadata.namespace = 'prod';
    const plan = sync({ service: svc, pods: [match, partial, other, otherNs] });
    expect(plan.create).toStrictEqual([slice([ep(ipv4(1), podName(1), { zone: 'zone-a' })])]);
  });
});

describe('first sync: slice shapes', () => {
  it('0 pods → one placeholder slice, read back with endpoints and ports null (§6.4)', () => {
    const plan = sync();
    expect(plan).toStrictEqual({
      create: [
        {
          apiVersion: 'discovery.k8s.io/v1',
          kind: 'EndpointSlice',
          metadata: {
            generateName: 'web-',
            namespace: 'default',
            labels: {
              'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
              'kubernetes.io/service-name': 'web',
            },
            annotations: { 'endpoints.kubernetes.io/last-change-trigger-time': '2024-01-01T00:00:00Z' },
            ownerReferences: [
              { apiVersion: 'v1', kind: 'Service', name: 'web', uid: SVC_UID, controller: true, blockOwnerDeletion: true },
            ],
          },
          addressType: 'IPv4',
          endpoints: null,
          ports: null,
        },
      ],
      update: [],
      delete: [],
      events: [],
      topologyHintsPopulated: false,
    });
  });

  it('1 ready pod → one slice with the target port and the full endpoint (§8)', () => {
    const plan = sync({ pods: [pod(1)] });
    expect(plan.create).toStrictEqual([
      {
        apiVersion: 'discovery.k8s.io/v1',
        kind: 'EndpointSlice',
        metadata: newSliceMeta(),
        addressType: 'IPv4',
        endpoints: [
          {
            addresses: ['10.244.0.1'],
            conditions: { ready: true, serving: true, terminating: false },
            targetRef: { kind: 'Pod', namespace: 'default', name: 'web-00001', uid: 'pod-uid-1' },
            nodeName: 'node-1',
            zone: 'zone-a',
          },
        ],
        ports: [{ name: 'http', protocol: 'TCP', port: 8080 }],
      },
    ]);
    expect(plan.update).toStrictEqual([]);
    expect(plan.delete).toStrictEqual([]);
    expect(plan.events).toStrictEqual([]);
  });

  it('without a trigger time the annotation is absent', () => {
    const plan = sync({ pods: [pod(1)], triggerTime: undefined });
    expect(plan.create[0].metadata).toStrictEqual(newSliceMeta({ triggerTime: null }));
  });

  it.each([
    [100, 100, [100]],
    [101, 100, [100, 1]],
    [250, 100, [100, 100, 50]],
    [1200, 100, Array(12).fill(100)],
    [1200, 1000, [1000, 200]],
  ])('%i pods with max %i → slices of %j, filled in pod order', (n, max, expected) => {
    const plan = sync({ pods: pods(n), maxEndpointsPerSlice: max });
    expect(sizes(plan.create)).toStrictEqual(expected);
    let i = 0;
    const want: EndpointSlice[] = (expected as number[]).map((size) =>
      slice(Array.from({ length: size }, () => readyEp(++i, true))),
    );
    expect(plan.create).toStrictEqual(want);
  });

  it('named targetPort resolving differently per pod → one slice per port set (§4)', () => {
    const svc = service({ spec: { ports: [{ name: 'http', protocol: 'TCP', port: 80, targetPort: 'web' }] } });
    const a = (i: number) => pod(i, { containers: [{ name: 'app', ports: [{ name: 'web', containerPort: 8080, protocol: 'TCP' }] }] });
    const b = (i: number) => pod(i, { containers: [{ name: 'app', ports: [{ name: 'web', containerPort: 9090, protocol: 'TCP' }] }] });
    const plan = sync({ service: svc, pods: [a(1), b(2), a(3), b(4)] });
    expect(plan.create).toStrictEqual([
      slice([ep(ipv4(1), podName(1), { zone: 'zone-a' }), ep(ipv4(3), podName(3), { zone: 'zone-a' })], {
        ports: [{ name: 'http', protocol: 'TCP', port: 8080 }],
      }),
      slice([ep(ipv4(2), podName(2), { zone: 'zone-a' }), ep(ipv4(4), podName(4), { zone: 'zone-a' })], {
        ports: [{ name: 'http', protocol: 'TCP', port: 9090 }],
      }),
    ]);
  });

  it('a pod missing one named port gets the smaller port set; unresolvable everywhere → ports null', () => {
    const svc = service({
      spec: {
        ports: [
          { name: 'http', protocol: 'TCP', port: 80, targetPort: 'http' },
          { name: 'metrics', protocol: 'TCP', port: 9090, targetPort: 'metrics' },
        ],
      },
    });
    const full = pod(1, {
      containers: [
        {
          name: 'app',
          ports: [
            { name: 'http', containerPort: 8080, protocol: 'TCP' },
            { name: 'metrics', containerPort: 9100, protocol: 'TCP' },
          ],
        },
      ],
    });
    const httpOnly = pod(2); // exposes only "http"
    const wrongProtocol = pod(3, { containers: [{ name: 'app', ports: [{ name: 'http', containerPort: 8080, protocol: 'UDP' }] }] });
    const plan = sync({ service: svc, pods: [full, httpOnly, wrongProtocol] });
    // ≥1.35 port order: FNV-1a-128 of each port's go-spew dump, computed apart from src/sim/hash:
    // "(v1.EndpointPort){Name:(*string)http Protocol:(*v1.Protocol)TCP Port:(*int32)8080 AppProtocol:(*string)<nil>}"
    // 0e874d56…, the same for metrics/9100 62ad2bc4…
    const bothPorts: EndpointPort[] = [
      { name: 'http', protocol: 'TCP', port: 8080 },
      { name: 'metrics', protocol: 'TCP', port: 9100 },
    ];
    expect(plan.create).toStrictEqual([
      slice([ep(ipv4(1), podName(1), { zone: 'zone-a' })], { ports: bothPorts }),
      slice([ep(ipv4(2), podName(2), { zone: 'zone-a' })], { ports: HTTP_8080 }),
      // No Service port resolves for this pod: it is still an endpoint, in a slice without ports.
      slice([ep(ipv4(3), podName(3), { zone: 'zone-a' })], { ports: null }),
    ]);
  });

  it('sidecar (restartable init container) ports resolve named targetPorts', () => {
    const svc = service({ spec: { ports: [{ name: 'proxy', protocol: 'TCP', port: 15001, targetPort: 'proxy' }] } });
    const p = pod(1, {
      containers: [{ name: 'app' }],
      spec: {
        initContainers: [
          { name: 'init', ports: [{ name: 'proxy', containerPort: 1111, protocol: 'TCP' }] },
          { name: 'mesh', restartPolicy: 'Always', ports: [{ name: 'proxy', containerPort: 15001, protocol: 'TCP' }] },
        ],
      },
    });
    expect(sync({ service: svc, pods: [p] }).create).toStrictEqual([
      slice([ep(ipv4(1), podName(1), { zone: 'zone-a' })], { ports: [{ name: 'proxy', protocol: 'TCP', port: 15001 }] }),
    ]);
  });

  it('unnamed Service port → endpoint port name "", appProtocol copied', () => {
    const svc = service({ spec: { ports: [{ protocol: 'TCP', port: 80, targetPort: 8080, appProtocol: 'http' }] } });
    expect(sync({ service: svc, pods: [pod(1)] }).create[0].ports).toStrictEqual([
      { name: '', protocol: 'TCP', port: 8080, appProtocol: 'http' },
    ]);
  });

  it('kube-dns: ports in the ≥1.35 hash order, PORTS column 53,53,9153 (§15.1)', () => {
    const svc = service({
      name: 'kube-dns',
      spec: {
        selector: { 'k8s-app': 'kube-dns' },
        clusterIP: '10.96.0.10',
        ports: [
          { name: 'dns', protocol: 'UDP', port: 53, targetPort: 53 },
          { name: 'dns-tcp', protocol: 'TCP', port: 53, targetPort: 53 },
          { name: 'metrics', protocol: 'TCP', port: 9153, targetPort: 9153 },
        ],
      },
    });
    const p = pod(1, { labels: { 'k8s-app': 'kube-dns' } });
    const plan = sync({ service: svc, pods: [p] });
    const ports = plan.create[0].ports!;
    expect(ports.map((x) => x.port)).toStrictEqual([53, 53, 9153]);
    expect(plan.create).toStrictEqual([
      slice([ep(ipv4(1), podName(1), { zone: 'zone-a' })], {
        meta: newSliceMeta({ service: 'kube-dns' }),
        // FNV-1a-128 of each port's go-spew dump, computed apart from src/sim/hash: dns/UDP 1caf2163…,
        // dns-tcp/TCP 8fa5f9e2…, metrics f17bf63b…; the PORTS column a real 1.35 cluster prints, 53,53,9153.
        ports: [
          { name: 'dns', protocol: 'UDP', port: 53 },
          { name: 'dns-tcp', protocol: 'TCP', port: 53 },
          { name: 'metrics', protocol: 'TCP', port: 9153 },
        ],
      }),
    ]);
  });
});

describe('pod inclusion and conditions (§2, §3)', () => {
  it('terminal pods and pods without IP are excluded; not-ready pods are included', () => {
    const plan = sync({
      pods: [pod(1, { phase: 'Succeeded' }), pod(2, { phase: 'Failed' }), pod(3, { ips: [] }), pod(4, { ready: false })],
    });
    expect(plan.create).toStrictEqual([
      slice([ep(ipv4(4), podName(4), { ready: false, serving: false, terminating: false, zone: 'zone-a' })]),
    ]);
  });

  it('terminating pods stay: ready false, serving = readiness, terminating true', () => {
    const plan = sync({ pods: [pod(1, { deleting: true }), pod(2, { deleting: true, ready: false })] });
    expect(plan.create).toStrictEqual([
      slice([
        ep(ipv4(1), podName(1), { ready: false, serving: true, terminating: true, zone: 'zone-a' }),
        ep(ipv4(2), podName(2), { ready: false, serving: false, terminating: true, zone: 'zone-a' }),
      ]),
    ]);
  });

  it('publishNotReadyAddresses: ready is always true, serving/terminating unchanged', () => {
    const svc = service({ spec: { publishNotReadyAddresses: true } });
    const plan = sync({
      service: svc,
      pods: [pod(1), pod(2, { ready: false }), pod(3, { deleting: true }), pod(4, { deleting: true, ready: false })],
    });
    expect(plan.create).toStrictEqual([
      slice([
        ep(ipv4(1), podName(1), { ready: true, serving: true, terminating: false, zone: 'zone-a' }),
        ep(ipv4(2), podName(2), { ready: true, serving: false, terminating: false, zone: 'zone-a' }),
        ep(ipv4(3), podName(3), { ready: true, serving: true, terminating: true, zone: 'zone-a' }),
        ep(ipv4(4), podName(4), { ready: true, serving: false, terminating: true, zone: 'zone-a' }),
      ]),
    ]);
  });

  it('pod on a missing Node: left out, sync error surfaced as a Warning event', () => {
    const plan = sync({ pods: [pod(1), pod(2, { node: 'gone' })] });
    expect(plan.create).toStrictEqual([slice([ep(ipv4(1), podName(1), { zone: 'zone-a' })])]);
    expect(plan.events).toStrictEqual([
      {
        type: 'Warning',
        reason: 'FailedToUpdateEndpointSlices',
        message:
          'Error updating Endpoint Slices for Service default/web: skipping Pod web-00002 for Service default/web: Node gone Not Found',
        source: 'endpoint-slice-controller',
        involved: { kind: 'Service', namespace: 'default', name: 'web' },
      },
    ]);
  });

  it('pod on a missing Node with publishNotReadyAddresses: included, without zone, no event', () => {
    const svc = service({ spec: { publishNotReadyAddresses: true } });
    const plan = sync({ service: svc, pods: [pod(1, { node: 'gone' })] });
    expect(plan.create).toStrictEqual([slice([ep(ipv4(1), podName(1), { node: 'gone', zone: null })])]);
    expect(plan.events).toStrictEqual([]);
  });

  it('only pods on missing Nodes → placeholder plus the event', () => {
    const plan = sync({ pods: [pod(1, { node: 'gone' }), pod(2, { node: 'gone2' })] });
    expect(plan.create).toStrictEqual([slice(null, { ports: null })]);
    expect(plan.events.map((e) => e.message)).toStrictEqual([
      'Error updating Endpoint Slices for Service default/web: [skipping Pod web-00001 for Service default/web: Node gone Not Found, skipping Pod web-00002 for Service default/web: Node gone2 Not Found]',
    ]);
  });

  it('no Nodes at all: every pod is on a missing Node (upstream does not special-case it)', () => {
    const plan = sync({ pods: [pod(1)], nodes: new Map() });
    expect(plan.create).toStrictEqual([slice(null, { ports: null })]);
    expect(plan.events).toHaveLength(1);
  });
});

describe('address types (§5)', () => {
  const dual = service({
    spec: { ipFamilies: ['IPv4', 'IPv6'], ipFamilyPolicy: 'PreferDualStack', clusterIPs: ['10.96.0.10', 'fd00:10:96::a'] },
  });

  it('dual-stack: one IPv4 and one IPv6 slice, each endpoint with one canonical address', () => {
    const p = pod(1, { ips: ['10.244.0.1', 'FD00:10:244:0:0:0:0:1'] });
    const plan = sync({ service: dual, pods: [p] });
    expect(plan.create).toStrictEqual([
      slice([ep('10.244.0.1', podName(1), { zone: 'zone-a' })], { addressType: 'IPv4' }),
      slice([ep('fd00:10:244::1', podName(1), { zone: 'zone-a' })], { addressType: 'IPv6' }),
    ]);
  });

  it('dual-stack with IPv4-only pods: the IPv6 side is a placeholder', () => {
    const plan = sync({ service: dual, pods: [pod(1)] });
    expect(plan.create).toStrictEqual([
      slice([ep(ipv4(1), podName(1), { zone: 'zone-a' })], { addressType: 'IPv4' }),
      slice(null, { addressType: 'IPv6', ports: null }),
    ]);
  });

  it('IPv4 addresses are re-stringified (ParseIPSloppy reads leading zeros as decimal)', () => {
    const plan = sync({ pods: [pod(1, { ips: ['010.244.000.001'] })] });
    expect(plan.create[0].endpoints).toStrictEqual([ep('10.244.0.1', podName(1), { zone: 'zone-a' })]);
  });

  it('no ipFamilies (old API server): family of clusterIP; headless → both', () => {
    const v6 = service({ spec: { ipFamilies: undefined, clusterIP: 'fd00:10:96::a' } });
    expect(sync({ service: v6 }).create.map((s) => s.addressType)).toStrictEqual(['IPv6']);
    const headless = service({ spec: { ipFamilies: undefined, clusterIP: 'None' } });
    expect(sync({ service: headless }).create.map((s) => s.addressType)).toStrictEqual(['IPv4', 'IPv6']);
  });
});

describe('metadata and endpoint fields (§7, §8)', () => {
  it('headless Service: the headless label; no ports → every pod in a ports-null slice', () => {
    const svc = service({ spec: { clusterIP: 'None', clusterIPs: ['None'], ports: [] } });
    const plan = sync({ service: svc, pods: [pod(1)] });
    expect(plan.create).toStrictEqual([
      slice([ep(ipv4(1), podName(1), { zone: 'zone-a' })], {
        ports: null,
        meta: newSliceMeta({ labels: { 'service.kubernetes.io/headless': '' } }),
      }),
    ]);
  });

  it('Service labels are copied except the reserved keys', () => {
    const svc = service({
      labels: {
        app: 'web',
        team: 'blue',
        'kubernetes.io/service-name': 'evil',
        'endpointslice.kubernetes.io/managed-by': 'me',
        'service.kubernetes.io/headless': 'x',
      },
    });
    const plan = sync({ service: svc, pods: [pod(1)] });
    expect(plan.create[0].metadata.labels).toStrictEqual({
      app: 'web',
      team: 'blue',
      ...MANAGED_BY,
      'kubernetes.io/service-name': 'web',
    });
  });

  it('hostname only when subdomain equals the Service name', () => {
    const withSub = pod(1, { spec: { hostname: 'db-0', subdomain: 'web' } });
    const otherSub = pod(2, { spec: { hostname: 'db-1', subdomain: 'other' } });
    const noSub = pod(3, { spec: { hostname: 'db-2' } });
    const plan = sync({ pods: [withSub, otherSub, noSub] });
    expect(plan.create[0].endpoints).toStrictEqual([
      ep(ipv4(1), podName(1), { hostname: 'db-0', zone: 'zone-a' }),
      ep(ipv4(2), podName(2), { zone: 'zone-a' }),
      ep(ipv4(3), podName(3), { zone: 'zone-a' }),
    ]);
  });

  it('zone comes from the Node label; absent when the Node has none', () => {
    const nodes = new Map([
      ['node-1', node('node-1', 'eu-west-1a')],
      ['node-2', node('node-2', undefined)],
    ]);
    const plan = sync({ nodes, pods: [pod(1, { node: 'node-1' }), pod(2, { node: 'node-2' })] });
    expect(plan.create[0].endpoints).toStrictEqual([
      ep(ipv4(1), podName(1), { node: 'node-1', zone: 'eu-west-1a' }),
      ep(ipv4(2), podName(2), { node: 'node-2', zone: null }),
    ]);
  });

  it('a Service being deleted gets no new slices', () => {
    const svc = service();
    svc.metadata.deletionTimestamp = '2024-01-01T00:10:00Z';
    expect(sync({ service: svc, pods: [pod(1)] }).create).toStrictEqual([]);
  });
});
