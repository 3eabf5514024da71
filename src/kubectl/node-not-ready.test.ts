// A Node that turns NotReady, over time, as a learner drives it from the terminal: `sim node NODE ready
// false` (the kubelet posts Ready=False), the node lifecycle controller marks the pods not ready and taints
// the node (node_lifecycle_controller.go, controller_utils.go MarkPodsNotReady), the taint eviction
// controller deletes them when the default 300 s toleration runs out (tainteviction/taint_eviction.go),
// the ReplicaSet replaces them on a Ready node (the scheduler's TaintToleration filter keeps them off the
// tainted one), and the terminating pod is gone after its 30 s grace period.
import { describe, expect, it } from 'vitest';
import { createCluster } from '../sim/index';
import { readyNode, webDeployment } from './fixtures.testutil';
import type { KObject, Node, Pod } from '../sim/types';
import { runCommandLine, runKubectl } from './index';

const node = readyNode;
const deployment = webDeployment();

describe('sim node NODE ready false: not ready, evicted after 300 s, replaced', () => {
  it('follows every step', () => {
    const c = createCluster();
    c.apply([node('node-a', 'zone-a'), node('node-b', 'zone-b'), deployment]);
    const pods = () => c.list<Pod>('Pod', 'default');
    const onB = pods().find((p) => p.spec.nodeName === 'node-b')!;
    const readyOf = (p: Pod) => p.status?.conditions?.find((x) => x.type === 'Ready')?.status;

    c.advance(10);
    expect(runCommandLine(c, 'sim node node-b ready false')).toMatchObject({ stdout: 'node/node-b ready=false\n', exitCode: 0 });
    expect(runKubectl(c, ['get', 'nodes']).stdout).toBe(
      ['NAME     STATUS     ROLES    AGE   VERSION', 'node-a   Ready      <none>   10s   v1.35.0', 'node-b   NotReady   <none>   10s   v1.35.0', ''].join('\n'),
    );
    const b = c.get<Node>('Node', undefined, 'node-b')!;
    expect(b.spec?.taints).toEqual([
      { key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/not-ready', effect: 'NoExecute', timeAdded: '2024-01-01T00:00:10Z' },
    ]);
    const marked = c.get<Pod>('Pod', 'default', onB.metadata.name!)!;
    expect(marked.status?.conditions?.find((x) => x.type === 'Ready')).toMatchObject({ status: 'False', lastTransitionTime: '2024-01-01T00:00:10Z' });
    expect(pods().map(readyOf).sort()).toEqual(['False', 'True']);

    // 299 s later the toleration has not run out yet.
    c.advance(299);
    expect(c.get<Pod>('Pod', 'default', onB.metadata.name!)?.metadata.deletionTimestamp).toBeUndefined();
    expect(pods()).toHaveLength(2);

    // At 00:05:10 the pod is evicted: terminating for 30 s; its replacement goes to node-a.
    c.advance(1);
    const evicted = c.get<Pod>('Pod', 'default', onB.metadata.name!)!;
    expect(evicted.metadata.deletionTimestamp).toBe('2024-01-01T00:05:40Z');
    expect(evicted.status?.conditions?.find((x) => x.type === 'DisruptionTarget')).toMatchObject({ status: 'True', reason: 'DeletionByTaintManager' });
    const live = pods().filter((p) => !p.metadata.deletionTimestamp);
    expect(live.map((p) => p.spec.nodeName)).toEqual(['node-a', 'node-a']);
    const eviction = c.events().filter((e) => e.reason === 'TaintManagerEviction');
    expect(eviction).toMatchObject([
      { type: 'Normal', message: `Marking for deletion Pod default/${onB.metadata.name}`, source: 'taint-eviction-controller', time: '2024-01-01T00:05:10Z' },
    ]);

    c.advance(30);
    expect(c.get<Pod>('Pod', 'default', onB.metadata.name!)).toBeUndefined();
    expect(pods()).toHaveLength(2);

    // The kubelet recovers: Ready again, the taints go; nothing is evicted any more.
    expect(runCommandLine(c, 'sim node node-b ready true')).toMatchObject({ stdout: 'node/node-b ready=true\n', exitCode: 0 });
    expect(c.get<Node>('Node', undefined, 'node-b')!.spec?.taints).toBeUndefined();
    expect(runCommandLine(c, 'sim node node-z ready true')).toMatchObject({ stderr: 'sim: node "node-z" not found\n', exitCode: 1 });
  });
});
