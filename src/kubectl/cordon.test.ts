// kubectl cordon / uncordon (kubectl pkg/cmd/drain/drain.go RunCordonOrUncordon, pkg/drain/cordon.go):
// the CordonHelper patches spec.unschedulable to the desired value only when it differs, and the name
// printer prints `node/<name> <operation>` with "cordoned"/"uncordoned" or "already cordoned"/"already
// uncordoned". The scheduler's NodeUnschedulable filter then keeps new pods off the node; pods already
// there stay. kubectl get nodes shows "Ready,SchedulingDisabled" (printers.go printNode).
import { describe, expect, it } from 'vitest';
import { createCluster } from '../sim/index';
import type { KObject } from '../sim/types';
import { runKubectl } from './index';

const node = (name: string, zone: string): KObject => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name, labels: { 'topology.kubernetes.io/zone': zone } },
  status: { conditions: [{ type: 'Ready', status: 'True' }], nodeInfo: { kubeletVersion: 'v1.35.0' } },
});
const deployment = (replicas: number): KObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default' },
  spec: {
    replicas,
    selector: { matchLabels: { app: 'web' } },
    template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: 'nginx' }] } },
  },
});

describe('kubectl cordon / uncordon', () => {
  it('cordon marks the node unschedulable once; new pods avoid it; uncordon undoes it', () => {
    const c = createCluster();
    c.apply([node('node-a', 'zone-a'), node('node-b', 'zone-b'), deployment(2)]);
    const nodesOf = () => c.list<KObject & { spec: { nodeName?: string } }>('Pod', 'default').map((p) => p.spec.nodeName).sort();
    expect(nodesOf()).toEqual(['node-a', 'node-b']);

    expect(runKubectl(c, ['cordon', 'node-a'])).toMatchObject({ stdout: 'node/node-a cordoned\n', stderr: '', exitCode: 0 });
    expect(c.get<KObject & { spec: { unschedulable?: boolean } }>('Node', undefined, 'node-a')?.spec.unschedulable).toBe(true);
    expect(runKubectl(c, ['cordon', 'node-a'])).toMatchObject({ stdout: 'node/node-a already cordoned\n', stderr: '', exitCode: 0 });
    c.advance(60);
    expect(runKubectl(c, ['get', 'nodes']).stdout).toBe(
      [
        'NAME     STATUS                     ROLES    AGE   VERSION',
        'node-a   Ready,SchedulingDisabled   <none>   60s   v1.35.0',
        'node-b   Ready                      <none>   60s   v1.35.0',
        '',
      ].join('\n'),
    );
    // Two more replicas: both go to node-b (node-a is filtered out), the pod on node-a stays.
    c.scale('Deployment', 'default', 'web', 4);
    expect(nodesOf()).toEqual(['node-a', 'node-b', 'node-b', 'node-b']);

    expect(runKubectl(c, ['uncordon', 'node-a'])).toMatchObject({ stdout: 'node/node-a uncordoned\n', stderr: '', exitCode: 0 });
    // Unschedulable false is dropped by omitempty: the field is gone, not false.
    expect(c.get<KObject & { spec: Record<string, unknown> }>('Node', undefined, 'node-a')?.spec).not.toHaveProperty('unschedulable');
    expect(runKubectl(c, ['uncordon', 'node-a'])).toMatchObject({ stdout: 'node/node-a already uncordoned\n', stderr: '', exitCode: 0 });
    c.scale('Deployment', 'default', 'web', 5);
    expect(nodesOf()).toEqual(['node-a', 'node-a', 'node-b', 'node-b', 'node-b']);
  });

  it('errors as kubectl prints them: no node named, a node that does not exist', () => {
    const c = createCluster();
    c.apply([node('node-a', 'zone-a')]);
    expect(runKubectl(c, ['cordon'])).toMatchObject({
      stdout: '',
      stderr: "error: USAGE: cordon NODE [flags]\nSee 'kubectl cordon -h' for help and examples\n",
      exitCode: 1,
    });
    expect(runKubectl(c, ['uncordon', 'node-x'])).toMatchObject({
      stdout: '',
      stderr: 'Error from server (NotFound): nodes "node-x" not found\n',
      exitCode: 1,
    });
    // -l selects nodes by label; a name and a selector together are refused (CheckErr adds no second "error: ").
    expect(runKubectl(c, ['cordon', '-l', 'topology.kubernetes.io/zone=zone-a'])).toMatchObject({ stdout: 'node/node-a cordoned\n', exitCode: 0 });
    expect(runKubectl(c, ['cordon', 'node-a', '-l', 'a=b'])).toMatchObject({
      stderr: "error: cannot specify both a node name and a --selector option\nSee 'kubectl cordon -h' for help and examples\n",
      exitCode: 1,
    });
  });
});
