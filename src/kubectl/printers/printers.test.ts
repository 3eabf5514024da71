// Golden outputs of the table and describe printers for hand-written objects. The expected text is
// derived from the upstream rules cited on each test:
//   tables  — kubernetes/pkg/printers/internalversion/printers.go (printEndpointSlice,
//             formatDiscoveryPorts/Endpoints, formatEndpoints, printService, printPod) laid out by
//             cli-runtime printers/tabwriter.go (minwidth 6, padding 3, last column unpadded);
//   describe — kubectl/pkg/describe/describe.go (describeEndpointSliceV1, describeService,
//             formatEndpointSlices, describeEndpoints) laid out by tabbedString (padding 2).
import { describe, expect, it } from 'vitest';
import type { EndpointSlice, Endpoints, Pod, Service } from '../../sim/types';
import { GET_TABLE, tabbed } from '../format/tabwriter';
import { describeEndpoints, endpointsTable } from './endpoints';
import { describeEndpointSlice, endpointSliceTable } from './endpointslices';
import { podTable } from './pods';
import { describeService, serviceTable } from './services';
import { tableText, type TableOptions, type TableSpec } from './table';
import type { KObject } from '../../sim/types';

const NOW = '2024-01-01T00:05:00Z';
const T0 = '2024-01-01T00:00:00Z';

function table<T extends KObject>(spec: TableSpec<T>, objs: T[], opts: TableOptions = {}): string {
  return tabbed(tableText(spec, objs, { now: NOW }, opts), GET_TABLE);
}

function slice(name: string, ips: string[], ports: EndpointSlice['ports'], ready: boolean[] = []): EndpointSlice {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {
      name,
      namespace: 'default',
      creationTimestamp: T0,
      labels: {
        'kubernetes.io/service-name': 'web',
        'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
      },
      annotations: { 'endpoints.kubernetes.io/last-change-trigger-time': T0 },
    },
    addressType: 'IPv4',
    endpoints: ips.map((ip, i) => ({
      addresses: [ip],
      conditions: { ready: ready[i] ?? true, serving: ready[i] ?? true, terminating: false },
      targetRef: { kind: 'Pod', namespace: 'default', name: `web-${i + 1}` },
      nodeName: 'node-a',
      zone: 'zone-a',
    })),
    ports,
  };
}

describe('kubectl get endpointslices', () => {
  it('shows target ports and every address, three at most (reference §13.2 example)', () => {
    const s = slice('web-x7k2p', ['10.244.1.5', '10.244.1.6', '10.244.2.7'], [{ name: 'http', port: 8080, protocol: 'TCP' }], [true, true, false]);
    expect(table(endpointSliceTable, [s])).toBe(
      'NAME        ADDRESSTYPE   PORTS   ENDPOINTS                          AGE\n' +
        'web-x7k2p   IPv4          8080    10.244.1.5,10.244.1.6,10.244.2.7   5m\n',
    );
  });

  it('truncates with "+ N more..." and prints <unset> for empty lists, a name or * for portless ports', () => {
    const big = slice(
      'web-aaaaa',
      ['10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.4', '10.0.0.5'],
      [{ name: 'a', port: 1, protocol: 'TCP' }, { name: 'b', port: 2, protocol: 'TCP' }, { name: 'c', port: 3, protocol: 'TCP' }, { name: 'd', port: 4, protocol: 'TCP' }],
    );
    const empty = { ...slice('web-bbbbb', [], null), endpoints: null };
    const named = slice('web-ccccc', ['10.0.0.9'], [{ name: 'metrics', protocol: 'TCP' }, { protocol: 'TCP' }]);
    expect(table(endpointSliceTable, [big, empty, named])).toBe(
      'NAME        ADDRESSTYPE   PORTS               ENDPOINTS                                AGE\n' +
        'web-aaaaa   IPv4          1,2,3 + 1 more...   10.0.0.1,10.0.0.2,10.0.0.3 + 2 more...   5m\n' +
        'web-bbbbb   IPv4          <unset>             <unset>                                  5m\n' +
        'web-ccccc   IPv4          metrics,*           10.0.0.9                                 5m\n',
    );
  });

  it('adds NAMESPACE first with -A and LABELS last with --show-labels', () => {
    const s = slice('web-x7k2p', ['10.0.0.1'], [{ name: '', port: 80, protocol: 'TCP' }]);
    expect(table(endpointSliceTable, [s], { withNamespace: true, showLabels: true })).toBe(
      'NAMESPACE   NAME        ADDRESSTYPE   PORTS   ENDPOINTS   AGE   LABELS\n' +
        'default     web-x7k2p   IPv4          80      10.0.0.1    5m    endpointslice.kubernetes.io/managed-by=endpointslice-controller.k8s.io,kubernetes.io/service-name=web\n',
    );
  });
});

function endpoints(subsets: Endpoints['subsets']): Endpoints {
  return { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'web', namespace: 'default', creationTimestamp: T0 }, subsets };
}

describe('kubectl get endpoints (formatEndpoints)', () => {
  it('prints ready ip:port pairs, <none> without subsets and an empty cell when nothing is ready', () => {
    const ready = endpoints([{ addresses: [{ ip: '10.0.0.1' }, { ip: '10.0.0.2' }], notReadyAddresses: [{ ip: '10.0.0.3' }], ports: [{ port: 8080, protocol: 'TCP' }] }]);
    const none = { ...endpoints(undefined), metadata: { name: 'empty', namespace: 'default', creationTimestamp: T0 } };
    const notReady = { ...endpoints([{ notReadyAddresses: [{ ip: '10.0.0.3' }], ports: [{ port: 80, protocol: 'TCP' as const }] }]), metadata: { name: 'starting', namespace: 'default', creationTimestamp: T0 } };
    expect(table(endpointsTable, [ready, none, notReady])).toBe(
      'NAME       ENDPOINTS                     AGE\n' +
        'web        10.0.0.1:8080,10.0.0.2:8080   5m\n' +
        'empty      <none>                        5m\n' +
        'starting                                 5m\n',
    );
  });

  it('brackets IPv6 and counts every ready pair in "+ N more..."', () => {
    const ep = endpoints([
      { addresses: [{ ip: 'fd00::1' }, { ip: 'fd00::2' }], ports: [{ name: 'a', port: 80, protocol: 'TCP' }, { name: 'b', port: 443, protocol: 'TCP' }] },
    ]);
    // 2 addresses × 2 ports = 4 pairs: the first three shown, then "+ 1 more...".
    expect(table(endpointsTable, [ep])).toBe(
      'NAME   ENDPOINTS                                             AGE\n' +
        'web    [fd00::1]:80,[fd00::2]:80,[fd00::1]:443 + 1 more...   5m\n',
    );
  });
});

function service(spec: Partial<Service['spec']>, name = 'web'): Service {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: 'default', creationTimestamp: T0 },
    spec: { type: 'ClusterIP', clusterIP: '10.96.0.10', clusterIPs: ['10.96.0.10'], ports: [{ port: 80, protocol: 'TCP', targetPort: 8080 }], ...spec },
  };
}

describe('kubectl get services (printService)', () => {
  it('prints type, cluster IP (None for headless), external IP and ports', () => {
    const rows = [
      service({ selector: { app: 'web' } }),
      service({ clusterIP: 'None', clusterIPs: ['None'] }, 'headless'),
      service({ type: 'NodePort', ports: [{ port: 80, nodePort: 30080, protocol: 'TCP' }] }, 'np'),
      service({ type: 'LoadBalancer' }, 'lb'),
      service({ type: 'ExternalName', externalName: 'db.example.com', clusterIP: undefined, clusterIPs: undefined, ports: [] }, 'ext'),
    ];
    expect(table(serviceTable, rows, { wide: true })).toBe(
      'NAME       TYPE           CLUSTER-IP   EXTERNAL-IP      PORT(S)        AGE   SELECTOR\n' +
        'web        ClusterIP      10.96.0.10   <none>           80/TCP         5m    app=web\n' +
        'headless   ClusterIP      None         <none>           80/TCP         5m    <none>\n' +
        'np         NodePort       10.96.0.10   <none>           80:30080/TCP   5m    <none>\n' +
        'lb         LoadBalancer   10.96.0.10   <pending>        80/TCP         5m    <none>\n' +
        'ext        ExternalName   <none>       db.example.com   <none>         5m    <none>\n',
    );
  });
});

describe('kubectl get pods (printPod)', () => {
  const pod = (name: string, ready: boolean, deleting = false): Pod => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', creationTimestamp: T0, ...(deleting ? { deletionTimestamp: '2024-01-01T00:05:30Z' } : {}) },
    spec: { containers: [{ name: 'c', image: 'nginx' }], nodeName: 'node-a' },
    status: {
      phase: 'Running',
      podIP: '10.0.0.1',
      podIPs: [{ ip: '10.0.0.1' }],
      conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }],
      containerStatuses: [{ name: 'c', ready, restartCount: 0, state: { running: { startedAt: T0 } } }],
    },
  });
  it('READY counts ready running containers; a deleting pod reads Terminating', () => {
    expect(table(podTable, [pod('a', true), pod('b', false), pod('c', true, true)])).toBe(
      'NAME   READY   STATUS        RESTARTS   AGE\n' +
        'a      1/1     Running       0          5m\n' +
        'b      0/1     Running       0          5m\n' +
        'c      1/1     Terminating   0          5m\n',
    );
  });
});

describe('kubectl describe endpointslice', () => {
  it('matches the layout of describeEndpointSliceV1 (reference §13.4)', () => {
    const s = slice('web-x7k2p', ['10.244.1.5'], [{ name: 'http', port: 8080, protocol: 'TCP' }]);
    expect(describeEndpointSlice(s, { now: NOW, events: [] })).toBe(
      [
        'Name:         web-x7k2p',
        'Namespace:    default',
        'Labels:       endpointslice.kubernetes.io/managed-by=endpointslice-controller.k8s.io',
        '              kubernetes.io/service-name=web',
        'Annotations:  endpoints.kubernetes.io/last-change-trigger-time: 2024-01-01T00:00:00Z',
        'AddressType:  IPv4',
        'Ports:',
        '  Name  Port  Protocol',
        '  ----  ----  --------',
        '  http  8080  TCP',
        'Endpoints:',
        '  - Addresses:  10.244.1.5',
        '    Conditions:',
        '      Ready:    true',
        '    Hostname:   <unset>',
        '    TargetRef:  Pod/web-1',
        '    NodeName:   node-a',
        '    Zone:       zone-a',
        'Events:         <none>',
        '',
      ].join('\n'),
    );
  });

  it('prints Ports: <unset> and Endpoints: <none> for an empty (placeholder) slice', () => {
    const s = { ...slice('web-p1ace', [], null), endpoints: null };
    expect(describeEndpointSlice(s, { now: NOW, events: [] })).toContain('AddressType:  IPv4\nPorts: <unset>\nEndpoints: <none>\nEvents:  <none>\n');
  });
});

describe('kubectl describe service', () => {
  it('lists ready endpoints from slices, with the "+ 0 more..." quirk when a 4th endpoint is not ready', () => {
    const s = slice('web-x7k2p', ['10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.4'], [{ name: '', port: 8080, protocol: 'TCP' }], [true, true, true, false]);
    const svc = service({ selector: { app: 'web' }, ipFamilyPolicy: 'SingleStack', ipFamilies: ['IPv4'], sessionAffinity: 'None', internalTrafficPolicy: 'Cluster' });
    expect(describeService(svc, { now: NOW, slices: [s], events: [] })).toBe(
      [
        'Name:                     web',
        'Namespace:                default',
        'Labels:                   <none>',
        'Annotations:              <none>',
        'Selector:                 app=web',
        'Type:                     ClusterIP',
        'IP Family Policy:         SingleStack',
        'IP Families:              IPv4',
        'IP:                       10.96.0.10',
        'IPs:                      10.96.0.10',
        'Port:                     <unset>  80/TCP',
        'TargetPort:               8080/TCP',
        'Endpoints:                10.0.0.1:8080,10.0.0.2:8080,10.0.0.3:8080 + 0 more...',
        'Session Affinity:         None',
        'Internal Traffic Policy:  Cluster',
        'Events:                   <none>',
        '',
      ].join('\n'),
    );
  });

  it('prints <none> without slices and an empty value when no endpoint is ready', () => {
    const svc = service({ selector: { app: 'web' } });
    expect(describeService(svc, { now: NOW, slices: [], events: [] })).toContain('\nEndpoints:   <none>\n'.replace('   ', '         '));
    const notReady = slice('web-x7k2p', ['10.0.0.1'], [{ name: '', port: 8080, protocol: 'TCP' }], [false]);
    const out = describeService(svc, { now: NOW, slices: [notReady], events: [] });
    expect(out.split('\n').find((l) => l.startsWith('Endpoints:'))!.trim()).toBe('Endpoints:');
  });
});

describe('kubectl describe endpoints', () => {
  it('shows ready and not-ready addresses per subset, then a blank line', () => {
    const ep = endpoints([{ addresses: [{ ip: '10.0.0.1' }], notReadyAddresses: [{ ip: '10.0.0.2' }], ports: [{ port: 8080, protocol: 'TCP' }] }]);
    expect(describeEndpoints(ep, { now: NOW, events: [] })).toBe(
      [
        'Name:         web',
        'Namespace:    default',
        'Labels:       <none>',
        'Annotations:  <none>',
        'Subsets:',
        '  Addresses:          10.0.0.1',
        '  NotReadyAddresses:  10.0.0.2',
        '  Ports:',
        '    Name     Port  Protocol',
        '    ----     ----  --------',
        '    <unset>  8080  TCP',
        '',
        'Events:  <none>',
        '',
      ].join('\n'),
    );
  });
});
