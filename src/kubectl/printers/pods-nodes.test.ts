// Golden outputs for pods and nodes: printers.go printPod (wide columns), printNode (STATUS from the
// Ready condition, ROLES from node-role labels) and describe.go describePod (field order, the pod
// condition rows written as "%v \t%v \n", IPs block, Controlled By).
import { describe, expect, it } from 'vitest';
import type { Node, Pod } from '../../sim/types';
import { GET_TABLE, tabbed } from '../format/tabwriter';
import { nodeTable } from './nodes';
import { describePod, podTable } from './pods';
import { tableText } from './table';

const NOW = '2024-01-01T01:00:00Z';
const T0 = '2024-01-01T00:00:00Z';

const pod: Pod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {
    name: 'web-7d4b9c-abcde',
    namespace: 'default',
    uid: 'u1',
    creationTimestamp: T0,
    labels: { app: 'web', 'pod-template-hash': '7d4b9c' },
    ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-7d4b9c', uid: 'rs', controller: true }],
  },
  spec: {
    nodeName: 'node-a',
    serviceAccountName: 'default',
    priority: 0,
    containers: [{ name: 'nginx', image: 'nginx:1.27', ports: [{ containerPort: 80, protocol: 'TCP' }] }],
  },
  status: {
    phase: 'Running',
    hostIP: '172.18.0.2',
    podIP: '10.244.1.5',
    podIPs: [{ ip: '10.244.1.5' }],
    startTime: T0,
    qosClass: 'BestEffort',
    conditions: [
      { type: 'Ready', status: 'True' },
      { type: 'PodScheduled', status: 'True' },
    ],
    containerStatuses: [
      {
        name: 'nginx',
        ready: true,
        restartCount: 0,
        image: 'nginx:1.27',
        imageID: 'docker.io/library/nginx@sha256:aaaa',
        containerID: 'containerd://bbbb',
        state: { running: { startedAt: T0 } },
      },
    ],
  },
};

describe('pods', () => {
  it('-o wide adds IP, NODE, NOMINATED NODE and READINESS GATES', () => {
    expect(tabbed(tableText(podTable, [pod], { now: NOW }, { wide: true }), GET_TABLE)).toBe(
      'NAME               READY   STATUS    RESTARTS   AGE   IP           NODE     NOMINATED NODE   READINESS GATES\n' +
        'web-7d4b9c-abcde   1/1     Running   0          60m   10.244.1.5   node-a   <none>           <none>\n',
    );
  });

  it('describe pod', () => {
    expect(describePod(pod, { now: NOW, events: [] })).toBe(
      [
        'Name:             web-7d4b9c-abcde',
        'Namespace:        default',
        'Priority:         0',
        'Service Account:  default',
        'Node:             node-a/172.18.0.2',
        'Start Time:       Mon, 01 Jan 2024 00:00:00 +0000',
        'Labels:           app=web',
        '                  pod-template-hash=7d4b9c',
        'Annotations:      <none>',
        'Status:           Running',
        'IP:               10.244.1.5',
        'IPs:',
        '  IP:           10.244.1.5',
        'Controlled By:  ReplicaSet/web-7d4b9c',
        'Containers:',
        '  nginx:',
        '    Container ID:   containerd://bbbb',
        '    Image:          nginx:1.27',
        '    Image ID:       docker.io/library/nginx@sha256:aaaa',
        '    Port:           80/TCP',
        '    Host Port:      0/TCP',
        '    State:          Running',
        '      Started:      Mon, 01 Jan 2024 00:00:00 +0000',
        '    Ready:          True',
        '    Restart Count:  0',
        '    Environment:    <none>',
        '    Mounts:         <none>',
        'Conditions:',
        '  Type           Status',
        '  Ready          True ',
        '  PodScheduled   True ',
        'Volumes:         <none>',
        'QoS Class:       BestEffort',
        'Node-Selectors:  <none>',
        'Tolerations:     <none>',
        'Events:          <none>',
        '',
      ].join('\n'),
    );
  });
});

describe('nodes', () => {
  const node = (name: string, ready: string, labels: Record<string, string> = {}, unschedulable = false): Node => ({
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, creationTimestamp: T0, labels },
    spec: { unschedulable },
    status: {
      conditions: [{ type: 'Ready', status: ready }],
      addresses: [{ type: 'InternalIP', address: '172.18.0.2' }],
      nodeInfo: { kubeletVersion: 'v1.35.0', osImage: 'Debian GNU/Linux 12 (bookworm)', kernelVersion: '6.8.0', containerRuntimeVersion: 'containerd://2.1.3' },
    },
  });
  it('STATUS and ROLES', () => {
    const rows = [
      node('cp', 'True', { 'node-role.kubernetes.io/control-plane': '' }),
      node('w1', 'False'),
      node('w2', 'True', {}, true),
    ];
    expect(tabbed(tableText(nodeTable, rows, { now: NOW }, {}), GET_TABLE)).toBe(
      'NAME   STATUS                     ROLES           AGE   VERSION\n' +
        'cp     Ready                      control-plane   60m   v1.35.0\n' +
        'w1     NotReady                   <none>          60m   v1.35.0\n' +
        'w2     Ready,SchedulingDisabled   <none>          60m   v1.35.0\n',
    );
  });
});
