// Service edits seen through kubectl: a dual-stack downgrade (PreferDualStack -> SingleStack). The API
// server keeps clusterIPs[0] / ipFamilies[0] when the stored values are left as they were
// (pkg/registry/core/service/storage/alloc.go initIPFamilyFields), and the EndpointSlice controller
// deletes the IPv6 slice (reconciler.go: slices of an address type the Service no longer lists).
import { describe, expect, it } from 'vitest';
import { createCluster } from '../sim/index';
import type { EndpointSlice, KObject } from '../sim/types';
import { runKubectl } from './index';

const pod = (n: number, node: string): KObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: `web-${n}`, namespace: 'default', labels: { app: 'web' } },
  spec: { nodeName: node, containers: [{ name: 'app', image: 'nginx' }] },
  status: {
    phase: 'Running',
    podIPs: [{ ip: `10.244.${n}.1` }, { ip: `fd00:10:244:${n}::1` }],
    conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: '2024-01-01T00:00:00Z' }],
  },
});

const service = (policy: string, extra: string) => `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ipFamilyPolicy: ${policy}
${extra}  ports:
  - name: http
    port: 80
    targetPort: 8080
`;
const DUAL = service('PreferDualStack', '  ipFamilies: [IPv4, IPv6]\n  clusterIPs: [10.96.0.10, "fd00:10:96::10"]\n');
const SINGLE = service('SingleStack', '');

describe('dual-stack downgrade', () => {
  it('kubectl apply with SingleStack leaves one family, one cluster IP and the IPv4 slice only', () => {
    const c = createCluster();
    c.apply([{ apiVersion: 'v1', kind: 'Node', metadata: { name: 'node-a' } }, { apiVersion: 'v1', kind: 'Node', metadata: { name: 'node-b' } }, pod(1, 'node-a'), pod(2, 'node-b')]);
    const k = (args: string[], files: Record<string, string> = {}) => runKubectl(c, args, { files });
    expect(k(['apply', '-f', 'web.yaml'], { 'web.yaml': DUAL })).toMatchObject({ stdout: 'service/web created\n', stderr: '', exitCode: 0 });
    expect(c.list<EndpointSlice>('EndpointSlice', 'default').map((s) => s.addressType).sort()).toEqual(['IPv4', 'IPv6']);
    c.advance(120);
    expect(k(['apply', '-f', 'web.yaml'], { 'web.yaml': SINGLE })).toMatchObject({ stdout: 'service/web configured\n', stderr: '', exitCode: 0 });

    expect(k(['describe', 'service', 'web']).stdout).toBe(
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
        'Port:                     http  80/TCP',
        'TargetPort:               8080/TCP',
        'Endpoints:                10.244.1.1:8080,10.244.2.1:8080',
        'Session Affinity:         None',
        'Internal Traffic Policy:  Cluster',
        'Events:                   <none>',
        '',
      ].join('\n'),
    );
    const [slice] = c.list<EndpointSlice>('EndpointSlice', 'default');
    expect(slice.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(k(['get', 'endpointslices']).stdout).toBe(
      'NAME        ADDRESSTYPE   PORTS   ENDPOINTS               AGE\n' + `${slice.metadata.name}   IPv4          8080    10.244.1.1,10.244.2.1   2m\n`,
    );
    expect(k(['get', 'service', 'web', '-o', 'jsonpath={.spec.ipFamilies} {.spec.clusterIPs}']).stdout).toBe('["IPv4"] ["10.96.0.10"]');
  });
});
