// kubectl drain (kubectl pkg/cmd/drain/drain.go RunDrain + deleteOrEvictPodsSimple, pkg/drain/drain.go
// GetPodsForDeletion / evictPods / waitForDelete, pkg/drain/filters.go): cordon first, then every pod bound
// to the node goes through the filters (DaemonSet, mirror, emptyDir, unmanaged); errors stop the node
// ("unable to drain node ... continuing command...", "There are pending nodes to be drained:", then
// CheckErr's "error: <aggregate>"); warnings print as "Warning: ..."; each pod is evicted ("evicting pod
// ns/name"), drain waits until it is gone ("pod/name evicted": the simulated clock moves through the
// grace period while drain waits, as a terminal would), and prints "node/name drained".
import { describe, expect, it } from 'vitest';
import { createCluster } from '../sim/index';
import { readyNode, webDeployment } from './fixtures.testutil';
import type { KObject, Pod } from '../sim/types';
import { runKubectl } from './index';

const node = readyNode;
const deployment = webDeployment();
const solo: KObject = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'solo', namespace: 'default' },
  spec: { nodeName: 'node-b', containers: [{ name: 'app', image: 'nginx' }] },
};

describe('kubectl drain', () => {
  it('cordons, evicts the managed pods, waits for them and reports the node drained; they come back elsewhere', () => {
    const c = createCluster();
    c.apply([node('node-a'), node('node-b'), deployment]);
    const onB = c.list<Pod>('Pod', 'default').find((p) => p.spec.nodeName === 'node-b')!.metadata.name!;
    const r = runKubectl(c, ['drain', 'node-b']);
    expect(r).toMatchObject({
      stdout: `node/node-b cordoned\nevicting pod default/${onB}\npod/${onB} evicted\nnode/node-b drained\n`,
      stderr: '',
      exitCode: 0,
    });
    // drain waited the pod's 30 s grace period.
    expect(c.now()).toBe('2024-01-01T00:00:30Z');
    const pods = c.list<Pod>('Pod', 'default');
    expect(pods.map((p) => p.spec.nodeName)).toEqual(['node-a', 'node-a']);
    expect(pods.some((p) => p.metadata.name === onB)).toBe(false);
    expect(runKubectl(c, ['drain', 'node-b'])).toMatchObject({ stdout: 'node/node-b already cordoned\nnode/node-b drained\n', exitCode: 0 });
  });

  it('refuses a pod without a controller unless --force; --grace-period is the eviction grace', () => {
    const c = createCluster();
    c.apply([node('node-a'), node('node-b'), solo]);
    expect(runKubectl(c, ['drain', 'node-b'])).toMatchObject({
      stdout: 'node/node-b cordoned\n',
      stderr: [
        'error: unable to drain node "node-b" due to error: cannot delete Pods that declare no controller (use --force to override): default/solo, continuing command...',
        'There are pending nodes to be drained:',
        ' node-b',
        'error: cannot delete Pods that declare no controller (use --force to override): default/solo',
        '',
      ].join('\n'),
      exitCode: 1,
    });
    expect(c.get('Pod', 'default', 'solo')).toBeDefined();
    expect(runKubectl(c, ['drain', 'node-b', '--force', '--grace-period', '5'])).toMatchObject({
      stdout: 'node/node-b already cordoned\nevicting pod default/solo\npod/solo evicted\nnode/node-b drained\n',
      stderr: 'Warning: deleting Pods that declare no controller: default/solo\n',
      exitCode: 0,
    });
    expect(c.now()).toBe('2024-01-01T00:00:05Z');
    expect(c.get('Pod', 'default', 'solo')).toBeUndefined();
  });

  it('refuses emptyDir pods unless --delete-emptydir-data', () => {
    const c = createCluster();
    const withEmptyDir = { ...solo, metadata: { name: 'cache', namespace: 'default', ownerReferences: [] }, spec: { ...(solo.spec as object), volumes: [{ name: 'tmp', emptyDir: {} }] } };
    c.apply([node('node-a'), node('node-b'), withEmptyDir]);
    const r = runKubectl(c, ['drain', 'node-b', '--force']);
    expect(r.stderr).toBe(
      [
        'error: unable to drain node "node-b" due to error: cannot delete Pods with local storage (use --delete-emptydir-data to override): default/cache, continuing command...',
        'There are pending nodes to be drained:',
        ' node-b',
        'error: cannot delete Pods with local storage (use --delete-emptydir-data to override): default/cache',
        '',
      ].join('\n'),
    );
    expect(runKubectl(c, ['drain', 'node-b', '--force', '--delete-emptydir-data', '--grace-period=0'])).toMatchObject({
      stdout: 'node/node-b already cordoned\nevicting pod default/cache\npod/cache evicted\nnode/node-b drained\n',
      stderr: 'Warning: deleting Pods that declare no controller: default/cache\n',
      exitCode: 0,
    });
  });
});
