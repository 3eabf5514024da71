// kubectl describe shows a repeated event once, with its count (describe.go DescribeEvents: for a
// core/v1 Event with count > 1 the Age cell is `<since lastTimestamp> (x<count> over <since
// firstTimestamp>)`; rows sorted by last timestamp, SortableEvents). The controllers' recorder
// (client-go tools/record) leaves eventTime and series unset, so the legacy fields are the ones used.
import { describe, expect, it } from 'vitest';
import { createCluster } from '../sim/index';
import type { KObject } from '../sim/types';
import { runKubectl } from './index';

// A pod bound to a Node that does not exist: every EndpointSlice sync of web fails with the same
// error (reconciler.go: "skipping Pod ... Node ... Not Found") and records the same Warning.
const node: KObject = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'node-a' } };
const pod: KObject = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web-1', namespace: 'default', labels: { app: 'web' } },
  spec: { nodeName: 'node-z', containers: [{ name: 'app', image: 'nginx' }] },
  status: { phase: 'Running', podIPs: [{ ip: '10.244.9.2' }], conditions: [{ type: 'Ready', status: 'True' }] },
};
const service = (labels?: Record<string, string>): KObject => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'web', namespace: 'default', ...(labels ? { labels } : {}) },
  spec: { selector: { app: 'web' }, clusterIP: '10.96.0.10', ports: [{ port: 80 }] },
});

const MESSAGE = 'Error updating Endpoint Slices for Service default/web: skipping Pod web-1 for Service default/web: Node node-z Not Found';

// The Age column is as wide as its widest cell ("Age", "----" or the value) plus the padding of 2.
const describeLines = (labels: string, age: string, col = (t: string) => t.padEnd(Math.max(4, age.length) + 2)) => [
  'Name:                     web',
  'Namespace:                default',
  `Labels:                   ${labels}`,
  'Annotations:              <none>',
  'Selector:                 app=web',
  'Type:                     ClusterIP',
  'IP Family Policy:         SingleStack',
  'IP Families:              IPv4',
  'IP:                       10.96.0.10',
  'IPs:                      10.96.0.10',
  'Port:                     <unset>  80/TCP',
  'TargetPort:               80/TCP',
  // only a placeholder slice: no ready endpoint, so the value is empty (the cell is still padded)
  'Endpoints:                ',
  'Session Affinity:         None',
  'Internal Traffic Policy:  Cluster',
  'Events:',
  `  Type     Reason                        ${col('Age')}From                       Message`,
  `  ----     ------                        ${col('----')}----                       -------`,
  `  Warning  FailedToUpdateEndpointSlices  ${col(age)}endpoint-slice-controller  ${MESSAGE}`,
  '',
];

// PodGC off (kube-controller-manager --controllers=*,-pod-garbage-collector): it would force-delete the pod
// of the missing node 40-60 s after it first sees it (podgc.ts), and these cases need the pod to stay.
const WITHOUT_PODGC = { controllers: { podgc: false } };

describe('kubectl describe: repeated events', () => {
  it('an event seen once shows its age only', () => {
    const c = createCluster(WITHOUT_PODGC);
    c.apply([node, pod, service()]);
    c.advance(90);
    const r = runKubectl(c, ['describe', 'service', 'web']);
    expect(r).toMatchObject({ stderr: '', exitCode: 0 });
    expect(r.stdout).toBe(describeLines('<none>', '90s').join('\n'));
  });

  it('the same event recorded again shows "<last> (x2 over <first>)" in the Age column', () => {
    const c = createCluster(WITHOUT_PODGC);
    c.apply([node, pod, service()]);
    c.advance(300);
    // a label change makes the controller sync web again; it fails the same way
    c.apply([service({ tier: 'web' })]);
    c.advance(60);
    const r = runKubectl(c, ['describe', 'service', 'web']);
    expect(r).toMatchObject({ stderr: '', exitCode: 0 });
    expect(r.stdout).toBe(describeLines('tier=web', '60s (x2 over 6m)').join('\n'));
  });

  it('three occurrences, the last long ago: every age in HumanDuration form', () => {
    const c = createCluster(WITHOUT_PODGC);
    c.apply([node, pod, service()]);
    c.advance(600);
    c.apply([service({ tier: 'web' })]);
    c.advance(600);
    c.apply([service({ tier: 'api' })]);
    c.advance(3 * 3600);
    const r = runKubectl(c, ['describe', 'service', 'web']);
    // last: 3h ago; first: 3h20m ago (HumanDuration: under 8h, hours and minutes)
    expect(r.stdout).toBe(describeLines('tier=api', '3h (x3 over 3h20m)').join('\n'));
  });
});
