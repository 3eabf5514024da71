import { describe, expect, it } from 'vitest';
import type { Endpoints, EndpointSubset } from '../types';
import { reconcileEndpoints, repackSubsets } from './index';
import { addr, mkPod, mkService } from './testkit.testutil';

const T0 = '2024-01-01T00:00:00Z';
const MANAGED = { 'endpoints.kubernetes.io/managed-by': 'endpoint-controller' };
const ep = (subsets: EndpointSubset[] | undefined, extra: Partial<Endpoints['metadata']> = {}): Endpoints => ({
  apiVersion: 'v1',
  kind: 'Endpoints',
  metadata: {
    name: 'web',
    namespace: 'default',
    labels: { ...MANAGED },
    annotations: { 'endpoints.kubernetes.io/last-change-trigger-time': T0 },
    ...extra,
  },
  ...(subsets ? { subsets } : {}),
});
// Kubernetes orders subsets by the FNV-128a digest of their go-spew dump (pkg/api/v1/endpoints SortSubsets).
// The orders below are literal, worked out apart from src/sim/hash: an independent FNV-1a-128 over dumps
// written from go-spew's rules (the format pinned in src/sim/hash/hash.test.ts), e.g. for s8080
// "(v1.EndpointSubset){Addresses:([]v1.EndpointAddress)[{IP:(string)10.244.1.5 Hostname:(string)
// NodeName:(*string)node-a TargetRef:(*v1.ObjectReference){Kind:(string)Pod ...UID:(types.UID)uid-a ...}}]
// NotReadyAddresses:([]v1.EndpointAddress)<nil> Ports:([]v1.EndpointPort)[{Name:(string)http Port:(int32)8080 ...}]}".

describe('reconcileEndpoints: who is listed where', () => {
  it('ready pods in addresses, not-ready in notReadyAddresses, IPs sorted as byte strings', () => {
    const pods = [
      mkPod('web-1', { ips: ['10.244.1.9'] }),
      mkPod('web-2', { ips: ['10.244.1.10'] }),
      mkPod('web-3', { ips: ['10.244.2.7'], ready: false, node: 'node-b' }),
      mkPod('other', { ips: ['10.244.2.8'], labels: { app: 'api' } }),
      mkPod('elsewhere', { ips: ['10.244.2.9'], ns: 'prod' }),
    ];
    expect(reconcileEndpoints({ service: mkService('web'), pods, triggerTime: T0 })).toEqual(
      ep([
        {
          addresses: [addr('web-2', '10.244.1.10'), addr('web-1', '10.244.1.9')],
          notReadyAddresses: [addr('web-3', '10.244.2.7', 'node-b')],
          ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
        },
      ]),
    );
  });

  it('drops terminating, terminal and IP-less pods; keeps pods on nodes that do not exist', () => {
    const pods = [
      mkPod('ok', { ips: ['10.244.1.5'], node: 'ghost-node' }),
      mkPod('deleting', { ips: ['10.244.1.6'], deleting: true }),
      mkPod('done', { ips: ['10.244.1.7'], phase: 'Succeeded' }),
      mkPod('failed', { ips: ['10.244.1.8'], phase: 'Failed' }),
      mkPod('pending', { phase: 'Pending' }),
    ];
    expect(reconcileEndpoints({ service: mkService('web'), pods, triggerTime: T0 })).toEqual(
      ep([{ addresses: [addr('ok', '10.244.1.5', 'ghost-node')], ports: [{ name: 'http', port: 8080, protocol: 'TCP' }] }]),
    );
  });

  it('publishNotReadyAddresses: not-ready and terminating pods are listed as ready addresses', () => {
    const pods = [
      mkPod('a', { ips: ['10.244.1.5'], ready: false }),
      mkPod('b', { ips: ['10.244.1.6'], deleting: true }),
      mkPod('c', { ips: ['10.244.1.7'], phase: 'Failed' }),
    ];
    expect(reconcileEndpoints({ service: mkService('web', { pnra: true }), pods, triggerTime: T0 })).toEqual(
      ep([{ addresses: [addr('a', '10.244.1.5'), addr('b', '10.244.1.6')], ports: [{ name: 'http', port: 8080, protocol: 'TCP' }] }]),
    );
  });

  it('dual-stack: only ipFamilies[0], IPs copied as written', () => {
    const svc = mkService('web', { families: ['IPv6', 'IPv4'], clusterIP: 'fd00:10:96::a' });
    const pods = [
      mkPod('a', { ips: ['10.244.1.5', 'fd00:10:244:1::5'] }),
      mkPod('b', { ips: ['10.244.1.6'] }), // no IPv6 address: absent
    ];
    expect(reconcileEndpoints({ service: svc, pods, triggerTime: T0 })).toEqual(
      ep([{ addresses: [addr('a', 'fd00:10:244:1::5')], ports: [{ name: 'http', port: 8080, protocol: 'TCP' }] }]),
    );
  });

  it('no matching pods: the object exists without subsets', () => {
    expect(reconcileEndpoints({ service: mkService('web'), pods: [], triggerTime: T0 })).toEqual(ep(undefined));
  });

  it('hostname only when the pod subdomain is the Service name', () => {
    const pods = [
      mkPod('a', { ips: ['10.244.1.5'], hostname: 'a', subdomain: 'web' }),
      mkPod('b', { ips: ['10.244.1.6'], hostname: 'b', subdomain: 'other' }),
    ];
    const out = reconcileEndpoints({ service: mkService('web'), pods, triggerTime: T0 });
    expect(out.subsets).toEqual([
      {
        addresses: [
          { ip: '10.244.1.5', hostname: 'a', nodeName: 'node-a', targetRef: { kind: 'Pod', namespace: 'default', name: 'a', uid: 'uid-a' } },
          addr('b', '10.244.1.6'),
        ],
        ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
      },
    ]);
  });
});

describe('reconcileEndpoints: ports and subsets', () => {
  it('headless without ports: one subset without ports, headless label', () => {
    const svc = mkService('web', { clusterIP: 'None', ports: [] });
    const pods = [mkPod('a', { ips: ['10.244.1.5'] }), mkPod('b', { ips: ['10.244.1.6'], ready: false })];
    expect(reconcileEndpoints({ service: svc, pods, triggerTime: T0 })).toEqual(
      ep([{ addresses: [addr('a', '10.244.1.5')], notReadyAddresses: [addr('b', '10.244.1.6')] }], {
        labels: { ...MANAGED, 'service.kubernetes.io/headless': '' },
      }),
    );
  });

  it('a named targetPort resolving to different numbers splits pods into subsets (hash order)', () => {
    const svc = mkService('web', { ports: [{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }] });
    const pods = [
      mkPod('a', { ips: ['10.244.1.5'], ports: [{ name: 'http', containerPort: 8080 }] }),
      mkPod('b', { ips: ['10.244.1.6'], ports: [{ name: 'http', containerPort: 9090 }] }),
      mkPod('c', { ips: ['10.244.1.7'], ports: [{ name: 'web', containerPort: 8080 }] }), // no "http": absent
    ];
    const s8080: EndpointSubset = { addresses: [addr('a', '10.244.1.5')], ports: [{ name: 'http', port: 8080, protocol: 'TCP' }] };
    const s9090: EndpointSubset = { addresses: [addr('b', '10.244.1.6')], ports: [{ name: 'http', port: 9090, protocol: 'TCP' }] };
    expect(reconcileEndpoints({ service: svc, pods, triggerTime: T0 })).toEqual(ep([s9090, s8080]));
    // digests: s9090 45e9c2d9…, s8080 f57d8e40…
  });

  it('ports offered by the same addresses share a subset; a pod missing one port gets its own grouping', () => {
    const svc = mkService('web', {
      ports: [
        { name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' },
        { name: 'metrics', port: 9100, targetPort: 'metrics', protocol: 'TCP' },
      ],
    });
    const pods = [
      mkPod('a', { ips: ['10.244.1.5'], ports: [{ name: 'http', containerPort: 8080 }, { name: 'metrics', containerPort: 9100 }] }),
      mkPod('b', { ips: ['10.244.1.6'], ports: [{ name: 'http', containerPort: 8080 }] }),
    ];
    const both: EndpointSubset = {
      addresses: [addr('a', '10.244.1.5'), addr('b', '10.244.1.6')],
      ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
    };
    const onlyA: EndpointSubset = { addresses: [addr('a', '10.244.1.5')], ports: [{ name: 'metrics', port: 9100, protocol: 'TCP' }] };
    expect(reconcileEndpoints({ service: svc, pods, triggerTime: T0 })).toEqual(ep([both, onlyA]));
    // digests: both 32972032…, onlyA a7b5d218…
  });

  it('kube-dns: one subset whose ports start with metrics 9153 (≥1.35 order), unnamed fields omitted', () => {
    const svc = mkService('kube-dns', {
      labels: { 'k8s-app': 'kube-dns', 'kubernetes.io/name': 'CoreDNS' },
      selector: { 'k8s-app': 'kube-dns' },
      ports: [
        { name: 'dns', port: 53, targetPort: 53, protocol: 'UDP' },
        { name: 'dns-tcp', port: 53, targetPort: 53, protocol: 'TCP' },
        { name: 'metrics', port: 9153, targetPort: 9153, protocol: 'TCP' },
      ],
    });
    const pods = [
      mkPod('coredns-1', { ips: ['10.244.0.3'], labels: { 'k8s-app': 'kube-dns' } }),
      mkPod('coredns-2', { ips: ['10.244.0.2'], labels: { 'k8s-app': 'kube-dns' } }),
    ];
    const out = reconcileEndpoints({ service: svc, pods, triggerTime: T0 });
    expect(out.subsets).toHaveLength(1);
    expect(out.subsets![0].addresses).toEqual([addr('coredns-2', '10.244.0.2'), addr('coredns-1', '10.244.0.3')]);
    expect(out.subsets![0].ports![0]).toEqual({ name: 'metrics', port: 9153, protocol: 'TCP' });
    expect(new Set(out.subsets![0].ports!.map((p) => p.name))).toEqual(new Set(['dns', 'dns-tcp', 'metrics']));
    expect(out.metadata.labels).toEqual({ 'k8s-app': 'kube-dns', 'kubernetes.io/name': 'CoreDNS', ...MANAGED });
  });

  it('appProtocol is copied; an unnamed port has no name key', () => {
    const svc = mkService('web', { ports: [{ port: 80, targetPort: 8080, protocol: 'TCP', appProtocol: 'kubernetes.io/h2c' }] });
    const out = reconcileEndpoints({ service: svc, pods: [mkPod('a', { ips: ['10.244.1.5'] })], triggerTime: T0 });
    expect(out.subsets).toEqual([{ addresses: [addr('a', '10.244.1.5')], ports: [{ port: 8080, protocol: 'TCP', appProtocol: 'kubernetes.io/h2c' }] }]);
  });
});

describe('reconcileEndpoints: truncation at 1000', () => {
  const ipOf = (i: number) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;

  it('1100 ready pods: the first 1000 in byte order are kept and the annotation is set', () => {
    const pods = Array.from({ length: 1100 }, (_, i) => mkPod(`p${i}`, { ips: [ipOf(i + 1)] }));
    const out = reconcileEndpoints({ service: mkService('web'), pods, triggerTime: T0 });
    const sortedIPs = pods.map((p) => p.status!.podIPs![0].ip).sort();
    expect(out.metadata.annotations).toEqual({
      'endpoints.kubernetes.io/last-change-trigger-time': T0,
      'endpoints.kubernetes.io/over-capacity': 'truncated',
    });
    expect(out.subsets).toHaveLength(1);
    expect(out.subsets![0].notReadyAddresses).toBeUndefined();
    expect(out.subsets![0].addresses!.map((a) => a.ip)).toEqual(sortedIPs.slice(0, 1000));
  });

  it('ready ones are preferred; not-ready slots are shared in proportion, rounded up, last gets the rest', () => {
    // subset X (targetPort 8080): 600 ready + 200 not ready; subset Y (9090): 300 ready + 100 not ready
    const svc = mkService('web', { ports: [{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }] });
    const mk = (n: number, start: number, ready: boolean, port: number) =>
      Array.from({ length: n }, (_, i) =>
        mkPod(`p${start + i}`, { ips: [ipOf(start + i)], ready, ports: [{ name: 'http', containerPort: port }] }),
      );
    const pods = [...mk(600, 1, true, 8080), ...mk(200, 1001, false, 8080), ...mk(300, 2001, true, 9090), ...mk(100, 3001, false, 9090)];
    const out = reconcileEndpoints({ service: svc, pods, triggerTime: T0 });
    expect(out.metadata.annotations!['endpoints.kubernetes.io/over-capacity']).toBe('truncated');
    const [first, second] = out.subsets!;
    // 1000 - 900 ready = 100 not-ready slots: the first subset gets ceil(share × 100), the second what is left
    const notReadyTotal = 300;
    const firstShare = Math.ceil(((first.ports![0].port === 8080 ? 200 : 100) / notReadyTotal) * 100);
    expect(first.addresses!.length + second.addresses!.length).toBe(900);
    expect(first.notReadyAddresses).toHaveLength(firstShare);
    expect(second.notReadyAddresses).toHaveLength(100 - firstShare);
    // the kept not-ready addresses are the first ones in byte order
    const firstPort = first.ports![0].port;
    const firstNotReadyIPs = pods
      .filter((p) => p.status!.conditions![0].status === 'False' && p.spec.containers[0].ports![0].containerPort === firstPort)
      .map((p) => p.status!.podIPs![0].ip)
      .sort();
    expect(first.notReadyAddresses!.map((a) => a.ip)).toEqual(firstNotReadyIPs.slice(0, firstShare));
  });
});

describe('reconcileEndpoints: labels and updates', () => {
  it('copies every Service label (reserved ones too) but fixes managed-by and headless', () => {
    const svc = mkService('web', {
      labels: {
        team: 'a',
        'kubernetes.io/service-name': 'x',
        'service.kubernetes.io/headless': '',
        'endpoints.kubernetes.io/managed-by': 'me',
      },
    });
    const out = reconcileEndpoints({ service: svc, pods: [], triggerTime: T0 });
    expect(out.metadata.labels).toEqual({ team: 'a', 'kubernetes.io/service-name': 'x', ...MANAGED });
  });

  it('an unchanged result is not rewritten: the stored object comes back as is', () => {
    const pods = [mkPod('a', { ips: ['10.244.1.5'] })];
    const first = reconcileEndpoints({ service: mkService('web'), pods, triggerTime: T0 });
    const stored = { ...first, metadata: { ...first.metadata, uid: 'e1', resourceVersion: '7' } };
    expect(reconcileEndpoints({ service: mkService('web'), pods, existing: stored, triggerTime: '2024-01-01T00:09:00Z' })).toBe(stored);
  });

  it('a change keeps the stored identity and foreign annotations, replaces the trigger time', () => {
    const stored: Endpoints = {
      ...ep(undefined, { uid: 'e1', resourceVersion: '7', annotations: { note: 'x', 'endpoints.kubernetes.io/last-change-trigger-time': T0 } }),
    };
    const pods = [mkPod('a', { ips: ['10.244.1.5'] })];
    const T1 = '2024-01-01T00:01:00Z';
    expect(reconcileEndpoints({ service: mkService('web'), pods, existing: stored, triggerTime: T1 })).toEqual(
      ep([{ addresses: [addr('a', '10.244.1.5')], ports: [{ name: 'http', port: 8080, protocol: 'TCP' }] }], {
        uid: 'e1',
        resourceVersion: '7',
        annotations: { note: 'x', 'endpoints.kubernetes.io/last-change-trigger-time': T1 },
      }),
    );
  });

  it('without a trigger time the annotation is removed', () => {
    const out = reconcileEndpoints({ service: mkService('web'), pods: [] });
    expect(out).toEqual({ apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'web', namespace: 'default', labels: MANAGED } });
  });
});

describe('repackSubsets', () => {
  it('not ready wins when an address is both; duplicates by (ip, uid) collapse', () => {
    const a = { ip: '10.0.0.1', targetRef: { kind: 'Pod', uid: 'u1' } };
    const port = { name: 'p', port: 80, protocol: 'TCP' as const };
    expect(
      repackSubsets([
        { addresses: [a], ports: [port] },
        { notReadyAddresses: [a], ports: [port] },
        { addresses: [a], ports: [port] },
      ]),
    ).toEqual([{ notReadyAddresses: [a], ports: [port] }]);
  });

  it('equal ports with an appProtocol from different subsets stay apart in pointer mode (Go map keys)', () => {
    const port = { name: 'p', port: 80, protocol: 'TCP' as const, appProtocol: 'http' };
    const input: EndpointSubset[] = [
      { addresses: [{ ip: '10.0.0.1' }], ports: [port] },
      { addresses: [{ ip: '10.0.0.2' }], ports: [{ ...port }] },
    ];
    expect(repackSubsets(input)).toEqual([{ addresses: [{ ip: '10.0.0.1' }, { ip: '10.0.0.2' }], ports: [port] }]);
    expect(repackSubsets(input, { portIdentity: 'pointer' })).toHaveLength(2);
  });
});

describe('address family without spec.ipFamilies (old API servers)', () => {
  it('uses the clusterIP family, or for a headless Service the family of status.podIP', () => {
    const dual = mkPod('a', { ips: ['fd00:10:244:1::5', '10.244.1.5'] });
    const v6svc = mkService('web', { families: [], clusterIP: 'fd00:10:96::a' });
    expect(reconcileEndpoints({ service: v6svc, pods: [dual] }).subsets![0].addresses![0].ip).toBe('fd00:10:244:1::5');
    const v4svc = mkService('web', { families: [], clusterIP: '10.96.0.10' });
    expect(reconcileEndpoints({ service: v4svc, pods: [dual] }).subsets![0].addresses![0].ip).toBe('10.244.1.5');
    const headless = mkService('web', { families: [], clusterIP: 'None' });
    // status.podIP is the first podIPs entry here: IPv6
    expect(reconcileEndpoints({ service: headless, pods: [dual] }).subsets![0].addresses![0].ip).toBe('fd00:10:244:1::5');
  });
});
